import { FIRST_SCREEN, firstAnswers } from './first-calls';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { adoptToken } from './lib/bridge-http';
import { callQuery } from './lib/use-call';

/**
 * The app itself: React, the query cache and the views. main.ts loads this module after it has sent
 * the first screen's calls, so they travel while this code is fetched and evaluated.
 */
const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false } },
});

const root = createRoot(document.getElementById('root')!);
// Under the browser host the page's code is public; the archive answers only with this run's token.
if (!window.breadth && adoptToken() === null) {
  root.render(
    <main className="no-token" role="alert">
      <h1>Breadth</h1>
      <p>Open the URL that `npm run web` printed: it carries this run&apos;s token.</p>
    </main>,
  );
} else {
  // What the first screen needs, asked for at once rather than one answer after another (the settings
  // decide the view; the sidebar and the Overview need the tickers and the totals whatever it is).
  for (const [channel, input] of FIRST_SCREEN) {
    const early = firstAnswers.get(channel);
    const q = callQuery(channel, input as never);
    void queryClient.prefetchQuery(early ? { ...q, queryFn: () => early as never } : q);
  }
  root.render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
  // The first Intl formatter of a page loads ICU's data (about 20 ms here). The Overview formats none
  // (formatCount is written out), so opening on it the data is loaded once the window is idle, before a
  // chart or a table of prices needs it. (Safari, under the browser host, has no requestIdleCallback.)
  const warm = (): string => new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 }).format(1);
  if ('requestIdleCallback' in window) requestIdleCallback(warm, { timeout: 3_000 });
  else setTimeout(warm, 1_000);
}

import { canCall, FIRST_SCREEN, firstAnswers } from './first-calls';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
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
if (!canCall()) {
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
}

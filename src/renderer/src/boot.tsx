import { FIRST_SCREEN } from '@shared/first-screen';
import { canCall, firstAnswers } from './first-calls';
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

/** How long the first render waits for the first screen's answers, ms (see below). */
const FIRST_ANSWERS_WAIT_MS = 250;

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
  const seeded = FIRST_SCREEN.map(([channel, input], i) => {
    const early = firstAnswers[i];
    const q = callQuery(channel, input as never);
    return queryClient.prefetchQuery(early ? { ...q, queryFn: () => early as never } : q);
  });
  // The first render waits for those answers, up to a limit: then the first screen is one render, one
  // layout and one paint with its data. Rendered at once, it was a shell of placeholders, then a render,
  // a layout and often a paint per answer as each came (about 200 ms more to the Overview's rows on the
  // 10,000-ticker bench archive). Past the limit (a slow disk), what has come shows and the rest follows.
  const wait = new Promise((resolve) => setTimeout(resolve, FIRST_ANSWERS_WAIT_MS));
  void Promise.race([Promise.all(seeded), wait]).then(() =>
    root.render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  );
}

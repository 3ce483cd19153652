import { analyticsHandlers } from './analytics';
import { appHandlers } from './app';
import { archiveHandlers } from './archive';
import { importHandlers } from './imports';
import type { Handlers } from './handle';
import { watchlistHandlers } from './watchlists';

/** Every channel's handler, joined from the domain files. A missing channel fails to compile. */
export const handlers: Handlers = {
  ...appHandlers,
  ...archiveHandlers,
  ...importHandlers,
  ...analyticsHandlers,
  ...watchlistHandlers,
};

import { actionHandlers } from './actions';
import { analyticsHandlers } from './analytics';
import { appHandlers } from './app';
import { archiveHandlers } from './archive';
import { backupHandlers } from './backups';
import { breadthHandlers } from './breadth';
import { claimHandlers } from './claims';
import { importHandlers } from './import';
import type { Handlers } from './handle';
import { noteHandlers } from './notes';
import { pdfHandlers } from './pdf';
import { reportHandlers } from './reports';
import { sampleHandlers } from './sample';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { watchlistHandlers } from './watchlists';

/** Every channel's handler, joined from the domain files. A missing channel fails to compile. */
export const handlers: Handlers = {
  ...appHandlers,
  ...settingsHandlers,
  ...archiveHandlers,
  ...importHandlers,
  ...analyticsHandlers,
  ...breadthHandlers,
  ...actionHandlers,
  ...watchlistHandlers,
  ...reportHandlers,
  ...claimHandlers,
  ...noteHandlers,
  ...pdfHandlers,
  ...searchHandlers,
  ...sampleHandlers,
  ...backupHandlers,
};

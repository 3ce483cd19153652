import type { pdfChannels } from '../../shared/contract/pdf';
import { exportPdf } from '../pdf/export';
import type { DomainHandlers } from './handle';

/** Handlers of the pdf domain: a report printed by Chromium, saved whole or handed back. */
export const pdfHandlers: DomainHandlers<keyof typeof pdfChannels> = {
  'pdf:export': (request, { core }) => exportPdf(core, request),
};

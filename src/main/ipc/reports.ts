import type { reportChannels } from '../../shared/contract/reports';
import { knownTicker } from '../archive/repository';
import { proposeReport } from '../reports/from-text';
import { markdownFileName, reportFromMarkdown, reportToMarkdown } from '../reports/markdown';
import {
  createReport,
  draftOf,
  duplicateReport,
  getReport,
  listReports,
  purgeReport,
  relatedReports,
  reportFacets,
  restoreReport,
  trashReport,
  updateReport,
} from '../reports/repository';
import type { DomainHandlers } from './handle';

/** Handlers of the reports domain; writes wait their turn in the core's write queue. */
export const reportHandlers: DomainHandlers<keyof typeof reportChannels> = {
  'reports:list': ({ filter }, { core }) => listReports(core.db, filter),
  'reports:facets': (_input, { core }) => reportFacets(core.db),
  'reports:get': ({ id }, { core }) => getReport(core.db, id),
  'reports:create': ({ draft }, { core }) => core.writes.run(() => createReport(core.db, draft)),
  'reports:update': ({ id, draft, baseUpdatedAt }, { core }) =>
    core.writes.run(() => updateReport(core.db, id, draft, baseUpdatedAt)),
  'reports:duplicate': ({ id }, { core }) => core.writes.run(() => duplicateReport(core.db, id)),
  'reports:delete': ({ id }, { core }) => core.writes.run(() => trashReport(core.db, id)),
  'reports:restore': ({ id }, { core }) => core.writes.run(() => restoreReport(core.db, id)),
  'reports:purge': ({ id }, { core }) => core.writes.run(() => purgeReport(core.db, id)),
  'reports:related': ({ id }, { core }) => relatedReports(core.db, id),
  'reports:fromText': ({ text }, { core }) =>
    proposeReport(text, { knownTicker: (t) => knownTicker(core.db, t), today: new Date().toISOString().slice(0, 10) }),
  'reports:exportMarkdown': ({ id }, { core }) => {
    const draft = draftOf(getReport(core.db, id));
    return { fileName: markdownFileName(draft), markdown: reportToMarkdown(draft) };
  },
  'reports:importMarkdown': ({ markdown, fileName }, { core }) => {
    const draft = reportFromMarkdown(markdown, fileName);
    return core.writes.run(() => createReport(core.db, draft));
  },
};

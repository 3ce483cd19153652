import type { claimChannels } from '../../shared/contract/claims';
import { loadAliases, saveAliases } from '../claims/aliases';
import { answerQuestion } from '../claims/ask';
import { rememberVerdicts } from '../claims/recheck';
import { reviewClaim, verifyReport } from '../claims/verify';
import type { DomainHandlers } from './handle';

/** Handlers of the claims domain: verification and questions, computed by the analytics workers. */
export const claimHandlers: DomainHandlers<keyof typeof claimChannels> = {
  'claims:verify': async ({ reportId }, { core }) => {
    const v = await verifyReport(core, reportId);
    // The first check of a report is the baseline the next import's re-check compares with.
    await rememberVerdicts(core, v);
    return v;
  },
  'claims:review': async ({ reportId, key, decision, edit }, { core }) => {
    await core.writes.run(() => reviewClaim(core.db, reportId, key, decision, edit));
    return verifyReport(core, reportId);
  },
  'claims:ask': ({ question, reportId }, { core }) => answerQuestion(core, question, reportId),
  'claims:aliases': (_input, { core }) => loadAliases(core.db),
  'claims:setAliases': ({ aliases }, { core }) => core.writes.run(() => saveAliases(core.db, aliases)),
};

import { z } from 'zod';
import type { Answer, ClaimAlias, ReportVerification, VerdictChange } from '../claims';
import { channel, event } from './define';
import { CLAIM_METRICS, CLAIM_REVIEWS } from '../claims';
import { RETURN_KINDS } from '../analytics';
import { PRICE_BASES } from '../domain';
import { dateWindow, rowId, tickerSymbol } from './schemas';

const alias = z.object({ name: z.string().trim().min(1, 'alias name is empty').max(80), ticker: tickerSymbol }).strict();

/** Channels of the claims domain: a report's figures checked against the archive, and questions answered. */
export const claimChannels = {
  /** Reads every figure a report states and checks it against the archive. */
  'claims:verify': channel(z.object({ reportId: rowId }).strict())<ReportVerification>(),
  /** Answers a plain question with computed figures (the report's window and date by default). */
  'claims:ask': channel(z.object({ question: z.string().trim().min(1, 'the question is empty').max(500), reportId: rowId.optional() }).strict())<Answer>(),
  /** Accepts, rejects or edits a claim the reader proposed ('proposed' takes the decision back). */
  'claims:review': channel(
    z
      .object({
        reportId: rowId,
        key: z.string().min(1).max(2000),
        decision: z.enum(CLAIM_REVIEWS),
        edit: z
          .object({
            ticker: tickerSymbol.optional(),
            metric: z.enum(CLAIM_METRICS).optional(),
            window: dateWindow.optional(),
            basis: z.enum(PRICE_BASES).optional(),
            returnKind: z.enum(RETURN_KINDS).optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .refine((r) => r.decision !== 'edited' || (r.edit && Object.keys(r.edit).length > 0), { message: 'an edit needs the fields it changes', path: ['edit'] }),
  )<ReportVerification>(),
  /** The names the reader resolves to tickers. */
  'claims:aliases': channel(z.object({}).strict())<ClaimAlias[]>(),
  /** Replaces the aliases; an empty list restores the defaults. */
  'claims:setAliases': channel(z.object({ aliases: z.array(alias).max(1000) }).strict())<ClaimAlias[]>(),
};

/** Events of the claims domain. */
export const claimEvents = {
  /** Every report was checked again after an import or its undo, and some verdicts changed: which. */
  'claims:rechecked': event<{ changes: VerdictChange[] }>(),
};

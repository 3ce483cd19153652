import { z } from 'zod';
import { DEFAULT_BASIS, PRICE_BASES, TICKER_PATTERN } from '../domain';

/** `YYYY-MM-DD` that names a real calendar day. */
export const tradingDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/** A ticker symbol as the archive keys it: upper case, e.g. `SPY`, `^GSPC`, `BRK.B`. */
export const tickerSymbol = z
  .string()
  .trim()
  .min(1, 'ticker is empty')
  .max(24, 'ticker is too long')
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(TICKER_PATTERN, 'not a ticker symbol'));

/** `as-traded`, `split-adjusted` (default) or `total-return`: see PRICE_BASES. */
export const basisSchema = z.enum(PRICE_BASES).default(DEFAULT_BASIS);

/** The empty input of channels that take no arguments. */
export const noInput = z.object({}).strict();

/** A database row id. */
export const rowId = z.number().int().positive();

/** The two ends of a date window, both required. */
export const windowFields = { from: tradingDate, to: tradingDate };
/** The two ends of a date window, each optional (open-ended reads). */
export const optionalWindowFields = { from: tradingDate.optional(), to: tradingDate.optional() };

/**
 * The one check that a window is not reversed, for `.refine(...fromNotAfterTo)` on any object with
 * `from`/`to` (either may be absent). Handlers never repeat it.
 */
export const fromNotAfterTo: [
  (w: { from?: string | undefined; to?: string | undefined }) => boolean,
  { message: string; path: string[] },
] = [(w) => !w.from || !w.to || w.from <= w.to, { message: 'from is after to', path: ['from'] }];

/** A date window `{ from, to }` with `from <= to`. */
export const dateWindow = z.object(windowFields).strict().refine(...fromNotAfterTo);

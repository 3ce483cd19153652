import { z } from 'zod';

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
  .pipe(z.string().regex(/^[A-Z0-9^][A-Z0-9^.\-=_]*$/, 'not a ticker symbol'));

/** The empty input of channels that take no arguments. */
export const noInput = z.object({}).strict();

/** A database row id. */
export const rowId = z.number().int().positive();

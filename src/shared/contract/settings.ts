import { z } from 'zod';
import { PRICE_BASES, THEMES, VIEWS } from '../domain';
import { AUTHOR_MAX, DATE_FORMATS, MARGIN_MM, PAGE_SIZES, WINDOW_CHOICES, type UiSettings } from '../settings';
import { channel } from './define';
import { noInput, tradingDate } from './schemas';

/** A change to the settings: any subset of the fields. */
export const settingsPatchSchema = z
  .object({
    theme: z.enum(THEMES).optional(),
    lastView: z.enum(VIEWS).optional(),
    lastTicker: z.string().max(24).nullable().optional(),
    lastReport: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    author: z.string().trim().max(AUTHOR_MAX).optional(),
    pageSize: z.enum(PAGE_SIZES).optional(),
    marginMm: z.number().min(MARGIN_MM.min).max(MARGIN_MM.max).optional(),
    loadSample: z.boolean().optional(),
    basis: z.enum(PRICE_BASES).optional(),
    analysisWindow: z
      .object({ choice: z.enum(WINDOW_CHOICES), from: tradingDate.nullable(), to: tradingDate.nullable() })
      .strict()
      .refine((w) => w.choice !== 'Custom' || (w.from !== null && w.to !== null && w.from <= w.to), 'a custom window needs from ≤ to')
      .optional(),
    dateFormat: z.enum(DATE_FORMATS).optional(),
  })
  .strict();

/** Channels of the settings domain. */
export const settingsChannels = {
  /** Every setting the renderer sees. */
  'settings:get': channel(noInput)<UiSettings>(),
  /** Merges the given fields into the settings and returns them all. */
  'settings:set': channel(settingsPatchSchema)<UiSettings>(),
};

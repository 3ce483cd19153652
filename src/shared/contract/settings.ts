import { z } from 'zod';
import { PRICE_BASES, THEMES, VIEWS } from '../domain';
import { AUTHOR_MAX, MARGIN_MM, PAGE_SIZES, type UiSettings } from '../settings';
import { channel } from './define';
import { noInput } from './schemas';

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
  })
  .strict();

/** Channels of the settings domain. */
export const settingsChannels = {
  /** Every setting the renderer sees. */
  'settings:get': channel(noInput)<UiSettings>(),
  /** Merges the given fields into the settings and returns them all. */
  'settings:set': channel(settingsPatchSchema)<UiSettings>(),
};

import { z } from 'zod';
import type { Theme, ViewName } from '../domain';
import { channel, event } from './define';
import { noInput } from './schemas';

/** Settings the renderer may read and change. */
export interface UiSettings {
  theme: Theme;
  lastView: ViewName;
  /** The ticker last shown in the chart, if any. */
  lastTicker: string | null;
}

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  /** `electron` inside the desktop app, `browser` under the browser host. */
  host: 'electron' | 'browser';
  archivePath: string;
  platform: string;
}

/** Commands the application menu sends to the window. */
export type MenuCommand = 'import-csv' | 'export-pdf' | 'show-view';

export const themeSchema = z.enum(['light', 'dark', 'system']);
export const viewSchema = z.enum(['overview', 'chart', 'analytics', 'imports', 'report']);

/** Channels of the app itself: settings and host facts. */
export const appChannels = {
  'app:info': channel(noInput)<AppInfo>(),
  'settings:get': channel(noInput)<UiSettings>(),
  /** Merges the given fields into the settings and returns them all. */
  'settings:set': channel(
    z
      .object({
        theme: themeSchema.optional(),
        lastView: viewSchema.optional(),
        lastTicker: z.string().max(24).nullable().optional(),
      })
      .strict(),
  )<UiSettings>(),
};

/** Events of the app itself. */
export const appEvents = {
  /** A menu item was chosen; the window acts on it. */
  'menu:command': event<{ command: MenuCommand; view?: ViewName; paths?: string[] }>(),
};

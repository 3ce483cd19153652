import type { ImportFileHandle } from '../import';
import type { ViewName } from '../domain';
import { channel, event } from './define';
import { noInput } from './schemas';

/** Facts about the running app. */
export interface AppInfo {
  version: string;
  /** `electron` inside the desktop app, `browser` under the browser host. */
  host: 'electron' | 'browser';
  archivePath: string;
  platform: string;
}

/** Every command the application menu sends to the window, once. */
export const MENU_COMMANDS = ['import-csv', 'export-pdf', 'show-view'] as const;
/** A command the application menu sends to the window. */
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Channels of the app itself: host facts. */
export const appChannels = {
  'app:info': channel(noInput)<AppInfo>(),
};

/** Events of the app itself. */
export const appEvents = {
  /** A menu item was chosen; the window acts on it. */
  'app:menuCommand': event<{ command: MenuCommand; view?: ViewName; files?: ImportFileHandle[] }>(),
};

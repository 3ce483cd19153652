/**
 * The first screen's calls, sent by main.ts before the rest of the app's code is evaluated, so the
 * answers travel while React and the views load.
 */
import type { Channel } from '@shared/contract/index';
import { call } from './lib/api';
import { adoptToken } from './lib/bridge-http';

/**
 * What the first screen needs whatever the view: the settings decide it, the sidebar (tickers,
 * watchlists, the report library and its trash and facets) and the Overview (totals, backups) the
 * rest. Each input is the one its component asks with, so the answers land under its query key.
 */
export const FIRST_SCREEN: Array<[Channel, object]> = [
  ['settings:get', {}],
  ['archive:tickers', {}],
  ['archive:info', {}],
  ['watchlists:list', {}],
  ['app:info', {}],
  ['reports:list', { filter: {} }],
  ['reports:list', { filter: { trash: true } }],
  ['reports:facets', {}],
  ['backups:list', {}],
];

/** The answers on their way, in FIRST_SCREEN's order (empty when the page has no token: it shows no data). */
export const firstAnswers: Array<Promise<unknown>> = [];

/** Whether this page can reach the archive: inside Electron, or under the browser host with the run's token. */
export const canCall = (): boolean => Boolean(window.breadth) || adoptToken() !== null;

/** Sends the first screen's calls once (none without a token). */
export function sendFirstCalls(): void {
  if (firstAnswers.length > 0 || !canCall()) return;
  for (const [channel, input] of FIRST_SCREEN) firstAnswers.push(call(channel, input as never));
}

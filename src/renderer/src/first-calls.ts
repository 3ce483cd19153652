/**
 * The first screen's calls, sent by main.ts before the rest of the app's code is evaluated, so the
 * answers travel while React and the views load.
 */
import { FIRST_SCREEN } from '@shared/first-screen';
import { call } from './lib/api';
import { adoptToken } from './lib/bridge-http';

/** The answers on their way, in FIRST_SCREEN's order (empty when the page has no token: it shows no data). */
export const firstAnswers: Array<Promise<unknown>> = [];

/** Whether this page can reach the archive: inside Electron, or under the browser host with the run's token. */
export const canCall = (): boolean => Boolean(window.breadth) || adoptToken() !== null;

/** Sends the first screen's calls once (none without a token). */
export function sendFirstCalls(): void {
  if (firstAnswers.length > 0 || !canCall()) return;
  for (const [channel, input] of FIRST_SCREEN) firstAnswers.push(call(channel, input as never));
}

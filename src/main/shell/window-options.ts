import type { Rectangle } from 'electron';
import type { WindowState } from '../settings';

const DEFAULT_SIZE = { width: 1360, height: 860 };

/** True when at least a 100×100 corner of the window lies on one of the displays' work areas. */
export function isVisibleOn(state: WindowState, workAreas: Rectangle[]): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y, width } = state as Required<WindowState>;
  return workAreas.some(
    (a) => x + 100 <= a.x + a.width && x + width - 100 >= a.x && y >= a.y - 10 && y + 100 <= a.y + a.height,
  );
}

/** Where the main window opens: its remembered placement when still on screen, else only its size. */
export function windowPlacement(
  saved: WindowState | null,
  workAreas: Rectangle[],
): { x?: number; y?: number; width: number; height: number } {
  return saved && isVisibleOn(saved, workAreas)
    ? { x: saved.x!, y: saved.y!, width: saved.width, height: saved.height }
    : { width: saved?.width ?? DEFAULT_SIZE.width, height: saved?.height ?? DEFAULT_SIZE.height };
}

/** Schemes the renderer may be loaded from: the app scheme, or the dev server's http. Never file:. */
const RENDERER_PROTOCOLS = ['app:', 'http:'] as const;

/** Parses `url` when it names the same scheme and host (with port) as the renderer, exactly; else null. */
function sameOrigin(url: string, rendererUrl: string): { target: URL; home: URL } | null {
  try {
    const target = new URL(url);
    const home = new URL(rendererUrl);
    // URL.origin is "null" for file: and custom schemes, so compare the parts themselves.
    const ok =
      (RENDERER_PROTOCOLS as readonly string[]).includes(home.protocol) &&
      target.protocol === home.protocol &&
      target.host === home.host &&
      target.host !== '' &&
      target.username === '' &&
      target.password === '';
    return ok ? { target, home } : null;
  } catch {
    return null;
  }
}

/** Decides whether the window may navigate to `url`: only to the renderer page it was loaded with. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  const o = sameOrigin(url, rendererUrl);
  return o !== null && o.target.pathname === o.home.pathname;
}

/** Decides whether an IPC sender frame is Breadth's own renderer: same scheme and host, exactly. */
export function isTrustedSenderUrl(url: string, rendererUrl: string): boolean {
  return sameOrigin(url, rendererUrl) !== null;
}

/** How recent the user's own click or key press must be for a link to open in their browser. */
export const USER_ACTIVATION_MS = 1500;
/** The input events that count as the user's own action (Electron's `input-event` types). */
export const USER_ACTIVATION_INPUTS: ReadonlySet<string> = new Set(['mouseDown', 'mouseUp', 'keyDown', 'rawKeyDown', 'keyUp']);

/**
 * Whether a link the renderer asked to open (a report's reference) goes to the user's browser through
 * `shell.openExternal`: only an https URL without credentials, and only right after the user's own
 * click or key press in that window (a script alone cannot open anything).
 */
export function shouldOpenExternally(url: string, lastUserInputAt: number | undefined, now: number): boolean {
  if (lastUserInputAt === undefined || now - lastUserInputAt > USER_ACTIVATION_MS || now < lastUserInputAt) return false;
  if (url.length > 2048) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.hostname !== '' && parsed.username === '' && parsed.password === '';
}

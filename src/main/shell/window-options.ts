import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';
import type { WindowState } from '../settings';

/** The only webPreferences Breadth's window is ever created with. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  };
}

const DEFAULT_SIZE = { width: 1360, height: 860 };

/** True when at least a 100×100 corner of the window lies on one of the displays' work areas. */
export function isVisibleOn(state: WindowState, workAreas: Rectangle[]): boolean {
  if (state.x === undefined || state.y === undefined) return false;
  const { x, y, width } = state as Required<WindowState>;
  return workAreas.some(
    (a) => x + 100 <= a.x + a.width && x + width - 100 >= a.x && y >= a.y - 10 && y + 100 <= a.y + a.height,
  );
}

/** Options for the main window: remembered placement when it is still on screen, secure preferences. */
export function mainWindowOptions(
  preloadPath: string,
  saved: WindowState | null,
  workAreas: Rectangle[],
  backgroundColor: string,
): BrowserWindowConstructorOptions {
  const placement =
    saved && isVisibleOn(saved, workAreas)
      ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height }
      : { width: saved?.width ?? DEFAULT_SIZE.width, height: saved?.height ?? DEFAULT_SIZE.height };
  return {
    ...placement,
    minWidth: 900,
    minHeight: 560,
    show: false,
    title: 'Breadth',
    backgroundColor,
    autoHideMenuBar: false,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

/** Decides whether the window may navigate to `url`: only to the renderer it was loaded with. */
export function isAllowedNavigation(url: string, rendererUrl: string): boolean {
  try {
    const target = new URL(url);
    const home = new URL(rendererUrl);
    return target.origin === home.origin && target.pathname === home.pathname;
  } catch {
    return false;
  }
}

/** Decides whether an IPC sender frame is Breadth's own renderer. */
export function isTrustedSenderUrl(url: string, rendererUrl: string): boolean {
  if (!url) return false;
  try {
    const sender = new URL(url);
    const home = new URL(rendererUrl);
    if (home.protocol === 'file:') return sender.protocol === 'file:' && sender.pathname === home.pathname;
    return sender.origin === home.origin;
  } catch {
    return false;
  }
}

import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isTrustedSenderUrl,
  mainWindowOptions,
  secureWebPreferences,
} from '../../../src/main/shell/window-options';
import { menuTemplate } from '../../../src/main/shell/menu';

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the main window', () => {
  it('is created with the secure webPreferences only', () => {
    const opts = mainWindowOptions('/app/out/preload/index.cjs', null, SCREEN, '#fff');
    expect(opts.webPreferences).toEqual(secureWebPreferences('/app/out/preload/index.cjs'));
    expect(opts.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(opts.webPreferences?.preload).toMatch(/\.cjs$/);
  });

  it('restores a remembered placement that is on screen, and only its size when it is not', () => {
    const onScreen = mainWindowOptions('p', { x: 100, y: 80, width: 1200, height: 800, maximized: false }, SCREEN, '#fff');
    expect(onScreen).toMatchObject({ x: 100, y: 80, width: 1200, height: 800 });
    const offScreen = mainWindowOptions('p', { x: 5000, y: 80, width: 1200, height: 800, maximized: false }, SCREEN, '#fff');
    expect(offScreen.x).toBeUndefined();
    expect(offScreen).toMatchObject({ width: 1200, height: 800 });
  });
});

describe('navigation and senders', () => {
  const file = 'file:///opt/breadth/out/renderer/index.html';
  it('allows only the renderer itself', () => {
    expect(isAllowedNavigation(file, file)).toBe(true);
    expect(isAllowedNavigation('https://example.com/', file)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', file)).toBe(false);
    expect(isAllowedNavigation('not a url', file)).toBe(false);
  });
  it('trusts IPC only from the renderer frame', () => {
    expect(isTrustedSenderUrl(file, file)).toBe(true);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', file)).toBe(false);
    expect(isTrustedSenderUrl('', file)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('application menu', () => {
  const actions = { importCsv: () => {}, exportPdf: () => {}, quit: () => {} };
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [String(i.label ?? i.role), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

  it('has File › Import CSV…, Export PDF…, Quit and View › zoom and full screen', () => {
    const all = labels(menuTemplate(actions, { isDev: false, isMac: false }));
    expect(all).toEqual(expect.arrayContaining(['&File', 'Import CSV…', 'Export PDF…', 'Quit', '&View', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('offers DevTools only in development', () => {
    expect(labels(menuTemplate(actions, { isDev: false, isMac: false }))).not.toContain('toggleDevTools');
    expect(labels(menuTemplate(actions, { isDev: true, isMac: false }))).toContain('toggleDevTools');
  });
});

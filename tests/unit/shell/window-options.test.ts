import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL, serveAppRequest } from '../../../src/main/shell/app-protocol';
import { isAllowedNavigation, isTrustedSenderUrl, windowPlacement, shouldOpenExternally, USER_ACTIVATION_MS } from '../../../src/main/shell/window-options';
import { menuTemplate } from '../../../src/main/shell/menu';
import { tempDir } from '../../helpers/archive';

const SCREEN = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('the main window', () => {
  it('is created with the secure webPreferences written where a reader and a static checker see them', () => {
    // electronegativity reads the options object passed to `new BrowserWindow`; a helper's return value hides them.
    const source = fs.readFileSync(fileURLToPath(new URL('../../../src/main/index.ts', import.meta.url)), 'utf8');
    const creations = source.match(/new BrowserWindow\(/g) ?? [];
    expect(creations).toHaveLength(1);
    const literal = /new BrowserWindow\(\{[\s\S]*?webPreferences: \{([\s\S]*?)\}/.exec(source)?.[1] ?? '';
    for (const pref of [
      'contextIsolation: true',
      'sandbox: true',
      'nodeIntegration: false',
      'nodeIntegrationInWorker: false',
      'nodeIntegrationInSubFrames: false',
      'webSecurity: true',
      'allowRunningInsecureContent: false',
      'experimentalFeatures: false',
      'webviewTag: false',
    ]) {
      expect(literal, pref).toContain(pref);
    }
    expect(literal).toContain("preload: path.join(here, '../preload/index.cjs')");
    expect(literal).not.toMatch(/enableBlinkFeatures|experimentalFeatures: true/);
  });

  it('restores a remembered placement that is on screen, and only its size when it is not', () => {
    const onScreen = windowPlacement({ x: 100, y: 80, width: 1200, height: 800, maximized: false }, SCREEN);
    expect(onScreen).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
    const offScreen = windowPlacement({ x: 5000, y: 80, width: 1200, height: 800, maximized: false }, SCREEN);
    expect(offScreen).toEqual({ width: 1200, height: 800 });
    expect(windowPlacement(null, SCREEN)).toEqual({ width: 1360, height: 860 });
  });
});

describe('navigation and senders', () => {
  const app = APP_INDEX_URL;
  it('allows only the renderer itself', () => {
    expect(app).toBe('app://breadth/index.html');
    expect(isAllowedNavigation(app, app)).toBe(true);
    expect(isAllowedNavigation('app://breadth/index.html#/chart', app)).toBe(true);
    expect(isAllowedNavigation('app://breadth/other.html', app)).toBe(false);
    expect(isAllowedNavigation('app://evil/index.html', app)).toBe(false);
    expect(isAllowedNavigation('https://example.com/', app)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', app)).toBe(false);
    expect(isAllowedNavigation('not a url', app)).toBe(false);
  });
  it('refuses file: URLs of any host, and a renderer loaded from file: trusts nothing', () => {
    // A UNC path on Windows: file://evil.host/share/… once passed because the host was ignored.
    const file = 'file:///opt/breadth/out/renderer/index.html';
    expect(isAllowedNavigation('file://evil.host/opt/breadth/out/renderer/index.html', file)).toBe(false);
    expect(isTrustedSenderUrl('file://evil.host/opt/breadth/out/renderer/index.html', file)).toBe(false);
    expect(isAllowedNavigation(file, file)).toBe(false);
    expect(isTrustedSenderUrl(file, file)).toBe(false);
    expect(isTrustedSenderUrl('file://evil.host/index.html', app)).toBe(false);
  });
  it('trusts IPC only from the renderer frame', () => {
    expect(isTrustedSenderUrl(app, app)).toBe(true);
    expect(isTrustedSenderUrl('app://breadth/index.html#/x', app)).toBe(true);
    expect(isTrustedSenderUrl('app://breadth.evil/index.html', app)).toBe(false);
    expect(isTrustedSenderUrl('app://user@breadth/index.html', app)).toBe(false);
    expect(isTrustedSenderUrl('file:///tmp/evil.html', app)).toBe(false);
    expect(isTrustedSenderUrl('', app)).toBe(false);
    expect(isTrustedSenderUrl('http://localhost:5173/#/x', 'http://localhost:5173/')).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});

describe('the app:// protocol', () => {
  it('serves files of the built renderer only, under the strict policy', async () => {
    const t = tempDir();
    try {
      const root = path.join(t.dir, 'renderer');
      fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
      fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Breadth</title>');
      fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'export {};');
      fs.writeFileSync(path.join(t.dir, 'secret.txt'), 'do not serve');

      const page = await serveAppRequest(root, APP_INDEX_URL);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'.*frame-ancestors 'none'/);
      expect(await page.text()).toContain('<title>Breadth</title>');
      expect((await serveAppRequest(root, 'app://breadth/')).status).toBe(200);
      expect((await serveAppRequest(root, 'app://breadth/assets/app.js')).headers.get('content-type')).toMatch(/javascript/);

      for (const url of ['app://breadth/../secret.txt', 'app://breadth/%2e%2e/secret.txt', 'app://breadth/..%2fsecret.txt', 'app://breadth/%00', 'app://breadth/%E0%A4%A', 'app://evil/index.html', 'file:///etc/passwd', 'app://breadth/missing.js']) {
        const res = await serveAppRequest(root, url);
        expect(res.status, url).toBeGreaterThanOrEqual(400);
        expect(await res.text(), url).not.toContain('do not serve');
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('application menu', () => {
  const actions = { importCsv: () => {}, exportPdf: () => {}, backUp: () => {}, restore: () => {}, quit: () => {} };
  const labels = (items: ReturnType<typeof menuTemplate>): string[] =>
    items.flatMap((i) => [String(i.label ?? i.role), ...(Array.isArray(i.submenu) ? labels(i.submenu) : [])]);

  it('has File › Import CSV…, Export PDF…, Back up archive…, Restore archive…, Quit and View › zoom and full screen', () => {
    const all = labels(menuTemplate(actions, { isDev: false, isMac: false }));
    expect(all).toEqual(expect.arrayContaining(['&File', 'Import CSV…', 'Export PDF…', 'Back up archive…', 'Restore archive…', 'Quit', '&View', 'zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']));
  });

  it('offers DevTools only in development', () => {
    expect(labels(menuTemplate(actions, { isDev: false, isMac: false }))).not.toContain('toggleDevTools');
    expect(labels(menuTemplate(actions, { isDev: true, isMac: false }))).toContain('toggleDevTools');
  });
});

describe('links to the outside', () => {
  const now = 1_000_000;
  it('opens an https link only right after the user clicked or pressed a key', () => {
    expect(shouldOpenExternally('https://www.sec.gov/cgi-bin/browse', now - 200, now)).toBe(true);
    expect(shouldOpenExternally('https://www.sec.gov/', undefined, now)).toBe(false);
    expect(shouldOpenExternally('https://www.sec.gov/', now - USER_ACTIVATION_MS - 1, now)).toBe(false);
    expect(shouldOpenExternally('https://www.sec.gov/', now + 5, now)).toBe(false);
  });

  it('never opens another scheme, credentials in the URL, or something that is no URL', () => {
    for (const url of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://breadth/index.html', 'smb://host/share', 'https://user:pw@example.com/', 'https://', 'not a url', `https://example.com/${'a'.repeat(3000)}`]) {
      expect(shouldOpenExternally(url, now - 10, now), url).toBe(false);
    }
  });
});

import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, repoRoot, test } from './support/host';

/**
 * Starts the built main bundle (out/main/index.js) on plain Node with a stand-in for the electron
 * module, so the shell's wiring is checked even where the Electron binary cannot be installed: the
 * window's options, the app:// protocol, the IPC it answers, the menu, navigation and permission policy.
 */
test('the built Electron shell creates a secure window and answers the contract', () => {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-shell-'));
  const r = spawnSync(
    process.execPath,
    ['--import', path.join(repoRoot, 'tests/e2e/support/electron-stub/register.mjs'), path.join(repoRoot, 'out/main/index.js')],
    { cwd: repoRoot, env: { ...process.env, BREADTH_STUB_USER_DATA: userData }, encoding: 'utf8', timeout: 30_000 },
  );
  expect(r.status, r.stderr).toBe(0);
  const report = JSON.parse(r.stdout.trim().split('\n').pop()!);

  expect(report.windows).toHaveLength(1);
  const { options, url } = report.windows[0];
  expect(options.webPreferences).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
  });
  expect(fs.existsSync(options.webPreferences.preload)).toBe(true);
  expect(options.webPreferences.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);

  // The renderer comes from app://breadth/, a scheme registered (before ready) as standard and secure.
  expect(url).toBe('app://breadth/index.html');
  expect(report.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }), beforeReady: true }]);
  const page = report.protocol[url];
  expect(page).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/html/) });
  expect(page.body).toBe(fs.readFileSync(path.join(repoRoot, 'out/renderer/index.html'), 'utf8').slice(0, 200));
  expect(page.csp).toMatch(/default-src 'self'.*object-src 'none'.*frame-ancestors 'none'/);
  for (const other of ['app://breadth/../../package.json', 'app://breadth/%2e%2e/%2e%2e/package.json', 'app://evil/index.html']) {
    expect(report.protocol[other].status, other).toBeGreaterThanOrEqual(400);
  }

  expect(report.handlers).toEqual(['breadth:invoke']);
  expect(report.invocations.trusted).toMatchObject({ ok: true, data: { schemaVersion: 10 } });
  expect(report.invocations.untrusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(report.invocations.uncFile).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(report.invocations.otherAppHost).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(report.invocations.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

  expect(report.uncRenderer).toMatch(/^file:\/\/evil\.host\/.*\/out\/renderer\/index\.html$/);
  const expected = [
    { url: 'https://example.com/', prevented: true },
    { url: report.uncRenderer, prevented: true },
    { url: 'app://evil/index.html', prevented: true },
    { url, prevented: false },
  ];
  expect(report.navigation).toEqual(expected);
  expect(report.frameNavigation).toEqual(expected);
  expect(report.windowOpen).toEqual({ action: 'deny' });
  // Every window.open is denied; after the user's click only the https link goes to their browser.
  for (const w of report.windowOpenAfterClick) expect(w.result, w.url).toEqual({ action: 'deny' });
  expect(report.externalOpened).toEqual(['https://www.sec.gov/filing']);
  expect(report.permission).toBe(false);

  const file = report.menu.find((m: { label: string }) => m.label === '&File');
  expect(file.submenu.map((i: { label: string }) => i.label)).toEqual(['Import CSV…', 'Export PDF…', 'separator', 'Back up archive…', 'Restore archive…', 'separator', 'Quit']);
  const view = report.menu.find((m: { label: string }) => m.label === '&View');
  expect(view.submenu.map((i: { label: string }) => i.label)).not.toContain('toggleDevTools');

  // File › Export PDF… through the shell: the save dialog (in Documents, with the report's file name,
  // confirming a replacement), one hidden sandboxed window printing with Chromium's engine, destroyed
  // after, and the PDF written where the dialog said.
  const fileName = '2026-01-11-small-caps-lead-the-rally-a-broadening-bull-market.pdf';
  expect(report.saveDialogs[0]).toEqual(
    expect.objectContaining({ defaultPath: path.join(userData, fileName), properties: expect.arrayContaining(['showOverwriteConfirmation']) }),
  );
  expect(report.prints).toHaveLength(1);
  const print = report.prints[0];
  expect(print.options).toMatchObject({ show: false, webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false } });
  expect(print.options.webPreferences.preload).toBeUndefined();
  expect(print.url).toBe('app://breadth/print.html');
  expect(print.printOptions).toMatchObject({ pageSize: 'A4', displayHeaderFooter: true, generateDocumentOutline: true, generateTaggedPDF: true });
  expect(print.destroyed).toBe(true);
  const saved = path.join(userData, fileName);
  expect(report.invocations.pdf).toMatchObject({ ok: true, data: { path: saved, canceled: false, data: null } });
  expect(report.invocations.pdf.data.pages).toBeGreaterThanOrEqual(4);
  const pdfText = spawnSync('pdftotext', [saved, '-'], { encoding: 'utf8' }).stdout;
  expect(pdfText).toContain('Small caps lead the rally');
  expect(pdfText).toContain('Worth correcting before this goes out');

  // File › Back up archive… wrote a checked copy where the save dialog said, and said so.
  const day = new Date().toISOString().slice(0, 10);
  const copy = path.join(userData, `breadth-archive-${day}.sqlite`);
  expect(report.saveDialogs).toContainEqual(expect.objectContaining({ title: 'Back up the archive', defaultPath: copy }));
  expect(report.messageBoxes).toContainEqual(expect.objectContaining({ type: 'info', message: 'The archive is backed up' }));
  const backup = new Database(copy, { readonly: true });
  expect(backup.pragma('integrity_check', { simple: true })).toBe('ok');
  expect((backup.prepare('SELECT count(*) n FROM reports').get() as { n: number }).n).toBe(1);
  backup.close();
  // Quitting waits for the day's backup, taken into the backups folder, then quits.
  expect(report.quit.prevented).toBe(true);
  expect(report.quit.backups).toEqual([expect.stringMatching(/^archive-\d{8}-\d{6}-daily\.sqlite$/)]);

  // The archive was created in the user-data folder, and the settings beside it.
  expect(fs.existsSync(path.join(userData, 'archive.sqlite'))).toBe(true);
  expect(fs.readdirSync(userData)).toContain('settings.json');
  fs.rmSync(userData, { recursive: true, force: true });
});

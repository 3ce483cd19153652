import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, repoRoot, test } from './support/host';

/**
 * Starts the built main bundle (out/main/index.js) on plain Node with a stand-in for the electron
 * module, so the shell's wiring is checked even where the Electron binary cannot be installed: the
 * window's options, the IPC it answers, the menu, navigation and permission policy.
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
  expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  expect(fs.existsSync(options.webPreferences.preload)).toBe(true);
  expect(options.webPreferences.preload).toMatch(/out[\\/]preload[\\/]index\.cjs$/);
  expect(url).toMatch(/^file:/);
  expect(fs.existsSync(fileURLToPath(url))).toBe(true);

  expect(report.handlers).toEqual(['breadth:invoke']);
  expect(report.invocations.trusted).toMatchObject({ ok: true, data: { schemaVersion: 1 } });
  expect(report.invocations.untrusted).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(report.invocations.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

  expect(report.navigation).toEqual([
    { url: 'https://example.com/', prevented: true },
    { url, prevented: false },
  ]);
  expect(report.windowOpen).toEqual({ action: 'deny' });
  expect(report.permission).toBe(false);

  const file = report.menu.find((m: { label: string }) => m.label === '&File');
  expect(file.submenu.map((i: { label: string }) => i.label)).toEqual(['Import CSV…', 'Export PDF…', 'separator', 'Quit']);
  const view = report.menu.find((m: { label: string }) => m.label === '&View');
  expect(view.submenu.map((i: { label: string }) => i.label)).not.toContain('toggleDevTools');

  // The archive was created in the user-data folder, and the settings beside it.
  expect(fs.existsSync(path.join(userData, 'archive.sqlite'))).toBe(true);
  expect(fs.readdirSync(userData)).toContain('settings.json');
  fs.rmSync(userData, { recursive: true, force: true });
});

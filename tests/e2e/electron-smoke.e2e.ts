import fs from 'node:fs';
import path from 'node:path';
import { _electron as electron } from '@playwright/test';
import { expect, repoRoot, test } from './support/host';

/** The Electron binary, or why there is none (electron ≥ 42 downloads it on first use, which needs network). */
function electronBinary(): { path: string } | { reason: string } {
  const dir = path.join(repoRoot, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { reason: 'the Electron binary is not installed on this machine (node_modules/electron/path.txt is missing; `npx install-electron` needs network access)' };
  }
  const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? { path: exe } : { reason: `the Electron binary ${exe} is missing` };
}

test('the desktop app starts, opens its window securely and shows the first screen', async () => {
  const binary = electronBinary();
  if ('reason' in binary) {
    console.log(`Electron smoke test skipped: ${binary.reason}.`);
    test.skip(true, binary.reason);
    return;
  }
  const userData = fs.mkdtempSync(path.join(repoRoot, 'test-results', 'electron-user-data-'));
  const app = await electron.launch({
    executablePath: binary.path,
    args: [repoRoot, `--user-data-dir=${userData}`, '--no-sandbox', '--disable-gpu'],
    cwd: repoRoot,
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'Archive' })).toBeVisible();
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const w = BrowserWindow.getAllWindows()[0]!;
      // Not in the typings, but present at runtime: the preferences the window was really created with.
      return (w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { breadth: object }).breadth).sort())).toEqual(['invoke', 'on']);
  } finally {
    await app.close();
  }
});

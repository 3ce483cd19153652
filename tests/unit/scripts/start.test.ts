import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { ensureElectron, findElectronBinary } from '../../../scripts/electron-binary.mjs';

interface Decision {
  ok: boolean;
  binary?: string;
  downloaded?: boolean;
  message?: string;
}

/** A fake repo root whose node_modules/electron holds (or not) a downloaded binary. */
function fakeRoot(withBinary: boolean): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-start-'));
  const dir = path.join(root, 'node_modules', 'electron');
  fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
  if (withBinary) placeBinary(root);
  return root;
}

/** What `install-electron` leaves behind: dist/<exe> and path.txt naming it. */
function placeBinary(root: string): void {
  const dir = path.join(root, 'node_modules', 'electron');
  fs.writeFileSync(path.join(dir, 'dist', 'electron'), '');
  fs.writeFileSync(path.join(dir, 'path.txt'), 'electron');
}

describe('npm start: the Electron binary decision', () => {
  it('uses a binary that is already there, without downloading', () => {
    const root = fakeRoot(true);
    let installs = 0;
    const d = ensureElectron({ find: () => findElectronBinary(root, {}), install: () => (installs++, true), log: () => {} }) as Decision;
    expect(d).toEqual({ ok: true, binary: path.join(root, 'node_modules/electron/dist/electron'), downloaded: false });
    expect(installs).toBe(0);
  });

  it('downloads a missing binary once, then launches it', () => {
    const root = fakeRoot(false);
    const logs: string[] = [];
    let installs = 0;
    const d = ensureElectron({
      find: () => findElectronBinary(root, {}),
      install: () => {
        installs++;
        placeBinary(root);
        return true;
      },
      log: (m: string) => logs.push(m),
    }) as Decision;
    expect(d.ok).toBe(true);
    expect(d.downloaded).toBe(true);
    expect(d.binary).toBe(path.join(root, 'node_modules/electron/dist/electron'));
    expect(installs).toBe(1);
    expect(logs.join('\n')).toMatch(/fetching it with `install-electron`/);
  });

  it('says the download failed and points to npm run web when the installer fails', () => {
    const root = fakeRoot(false);
    const d = ensureElectron({ find: () => findElectronBinary(root, {}), install: () => false, log: () => {} }) as Decision;
    expect(d.ok).toBe(false);
    expect(d.message).toMatch(/Could not download the Electron binary/);
    expect(d.message).toMatch(/npm run web/);
  });

  it('does not trust an installer that exits 0 but leaves no binary', () => {
    const root = fakeRoot(false);
    const d = ensureElectron({ find: () => findElectronBinary(root, {}), install: () => true, log: () => {} }) as Decision;
    expect(d.ok).toBe(false);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    expect(findElectronBinary(fakeRoot(false), { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron/electron' })).toBe(
      '/opt/electron/electron',
    );
  });
});

// Finds Electron's binary and, when it is missing, fetches it with Electron's own installer
// (electron ≥ 42 has no install script: `install-electron` downloads the binary on first use).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Where the Electron binary is under `root`, or null when it was never downloaded. */
export function findElectronBinary(root, env = process.env) {
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return env.ELECTRON_OVERRIDE_DIST_PATH;
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

/**
 * Runs Electron's own installer (`node_modules/electron/install.js`); true when it exited 0. Its stack
 * trace on failure is reduced to the one line that says why (e.g. `TypeError: fetch failed`).
 */
export function runElectronInstaller(root, log = (m) => console.error(m)) {
  const installer = path.join(root, 'node_modules', 'electron', 'install.js');
  if (!fs.existsSync(installer)) return false;
  const r = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'inherit', 'pipe'], cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    const why = (r.stderr ?? '').split('\n').find((l) => /error/i.test(l)) ?? `exit code ${r.status}`;
    log(`install-electron failed: ${why.trim()}`);
  }
  return r.status === 0;
}

/**
 * The decision `npm start` makes: the binary when it is there; otherwise one download attempt and the
 * binary it left; otherwise a sentence that says the download failed and points to `npm run web`.
 */
export function ensureElectron({ find, install, log }) {
  const present = find();
  if (present) return { ok: true, binary: present, downloaded: false };
  log('Electron is not downloaded yet; fetching it with `install-electron`…');
  const installed = install() ? find() : null;
  if (installed) return { ok: true, binary: installed, downloaded: true };
  return {
    ok: false,
    message:
      'Could not download the Electron binary (`install-electron` needs network access), so the desktop app cannot start here. Use Breadth in your browser instead: `npm run web`.',
  };
}

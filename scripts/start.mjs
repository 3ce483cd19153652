#!/usr/bin/env node
// `npm start` / `npm run dev`: makes sure Electron's binary is there (downloading it on first use), then
// builds and launches the desktop app; where the download fails, says so and points to `npm run web`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectron, findElectronBinary, runElectronInstaller } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

const electron = ensureElectron({
  find: () => findElectronBinary(root),
  install: () => runElectronInstaller(root),
  log: (m) => console.error(m),
});
if (!electron.ok) {
  console.error(electron.message);
  process.exit(1);
}

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
const result = spawnSync(bin, [dev ? 'dev' : 'preview'], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);

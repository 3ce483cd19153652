#!/usr/bin/env node
// `npm start` / `npm run dev`: builds and launches the desktop app, or says in one sentence why it cannot.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

/** Where the Electron binary would be, or null when it was never downloaded (electron ≥ 42 fetches it on first use). */
function electronBinary() {
  const dir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(dir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!fs.existsSync(pathFile)) return null;
  const exe = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(exe) ? exe : null;
}

if (!electronBinary()) {
  console.error(
    'The Electron binary is not installed here (it is downloaded by `npx install-electron`, which needs network access), so use Breadth in your browser instead: `npm run web`.',
  );
  process.exit(1);
}

const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
const result = spawnSync(bin, [dev ? 'dev' : 'preview'], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);

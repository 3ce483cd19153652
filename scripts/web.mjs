#!/usr/bin/env node
// `npm run web [-- --port N --db PATH]`: builds the renderer when it is missing or stale, then starts the browser host.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'renderer', 'index.html');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const stale =
  !fs.existsSync(built) ||
  Math.max(newestMtime(path.join(root, 'src', 'renderer')), newestMtime(path.join(root, 'src', 'shared'))) >
    fs.statSync(built).mtimeMs;
if (stale) {
  console.error('Building the renderer…');
  const b = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'src/main/web/index.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(r.status ?? 1);

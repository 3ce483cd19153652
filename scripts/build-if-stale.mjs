// Builds the app (electron-vite build) when `built` is missing or older than any file under `sources`:
// what `npm run web` and `npm run cli` do before they run the build's output. Only the build's errors
// reach stderr, after `message`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale(built, sources, message) {
  const stale = !fs.existsSync(built) || Math.max(...sources.map((s) => newestMtime(path.join(root, s)))) > fs.statSync(built).mtimeMs;
  if (!stale) return;
  process.stderr.write(`${message}\n`);
  const b = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

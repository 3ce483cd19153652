#!/usr/bin/env node
// `npm run cli -- <command> …`: runs the built command line (out/main/cli.js) on plain Node, building it
// first when it is missing or older than the sources, so a call answers without compiling TypeScript.
// Only the build's errors reach stderr; stdout stays the command's JSON.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'main', 'cli.js');

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
  Math.max(newestMtime(path.join(root, 'src', 'main')), newestMtime(path.join(root, 'src', 'shared'))) > fs.statSync(built).mtimeMs;
if (stale) {
  process.stderr.write('Building the command line (once, after the sources change)…\n');
  const b = spawnSync(path.join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
await import(pathToFileURL(built).href);

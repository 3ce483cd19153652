#!/usr/bin/env node
// `npm run web [-- --port N --db PATH]`: builds the renderer when it is missing or stale, then starts the browser host.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';

buildIfStale(path.join(root, 'out', 'renderer', 'index.html'), ['src/renderer', 'src/shared'], 'Building the renderer…');
const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'src/main/web/index.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: process.cwd(),
});
process.exit(r.status ?? 1);

#!/usr/bin/env node
// `npm run rebuild:electron`: builds better-sqlite3 against Electron's headers into
// resources/native/electron/better_sqlite3.node, leaving node_modules' Node build (used by tests, the
// CLI and the browser host) untouched. The shell passes the result as better-sqlite3's `nativeBinding`.
// Needs Electron's headers, which node-gyp downloads (network) unless --nodedir points at them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const src = path.join(root, 'node_modules/better-sqlite3');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-electron-sqlite-'));
fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });

const nodedir = process.argv.find((a) => a.startsWith('--nodedir='));
const args = [
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  '--runtime=electron',
  '--dist-url=https://electronjs.org/headers',
  ...(nodedir ? [nodedir] : []),
];
console.error(`Building better-sqlite3 for Electron ${electronVersion} in ${work}…`);
// npm runs scripts with npm_config_node_gyp pointing at its bundled node-gyp.
const gyp = process.env.npm_config_node_gyp;
const r = gyp
  ? spawnSync(process.execPath, [gyp, ...args], { cwd: work, stdio: 'inherit' })
  : spawnSync('npx', ['--yes', 'node-gyp', ...args], { cwd: work, stdio: 'inherit' });
if (r.status !== 0) {
  console.error('The Electron build of better-sqlite3 failed (node-gyp needs Electron\'s headers: network access or --nodedir=PATH).');
  process.exit(r.status ?? 1);
}
const out = path.join(root, 'resources/native/electron');
fs.mkdirSync(out, { recursive: true });
fs.copyFileSync(path.join(work, 'build/Release/better_sqlite3.node'), path.join(out, 'better_sqlite3.node'));
fs.rmSync(work, { recursive: true, force: true });
console.error(`Wrote ${path.join(out, 'better_sqlite3.node')}`);

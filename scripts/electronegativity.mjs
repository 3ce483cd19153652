#!/usr/bin/env node
// The `security` step of `npm test`: Doyensec's electronegativity over the built app (out/), Electron's
// security checklist read from the code as shipped. Fails on any HIGH finding and prints them all; the
// one check that needs the network (AVAILABLE_SECURITY_FIXES, which asks GitHub for releases) is skipped.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'artifacts', 'electronegativity.csv');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.rmSync(out, { force: true });
const electron = JSON.parse(fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
const r = spawnSync(
  path.join(root, 'node_modules', '.bin', 'electronegativity'),
  // The renderer's bundle uses class private fields: the parser needs the plugins to read it at all.
  ['-i', path.join(root, 'out'), '-e', electron, '-x', 'AvailableSecurityFixesGlobalCheck', '-p', 'classPrivateProperties,classPrivateMethods', '-o', out, '-v', 'false'],
  { cwd: root, encoding: 'utf8' },
);
const parseErrors = `${r.stdout}${r.stderr}`.split('\n').filter((l) => /Error parsing/.test(l));
if (r.status !== 0 || !fs.existsSync(out)) {
  console.error(`electronegativity did not run (exit ${r.status}):\n${r.stderr || r.stdout}`);
  process.exit(1);
}
if (parseErrors.length) {
  console.error(`electronegativity could not read part of the build, so it checked less than all of it:\n${parseErrors.join('\n')}`);
  process.exit(1);
}
const rows = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
const high = rows.filter((l) => l.split(',')[1] === '"HIGH"');
for (const l of rows) console.log(l.split(',').slice(0, 5).join('  '));
if (high.length) {
  console.error(`\n${high.length} HIGH finding(s):\n${high.join('\n')}`);
  process.exit(1);
}
console.log(`\nelectronegativity (Electron ${electron}): ${rows.length} finding(s) below HIGH, none HIGH; all in ${path.relative(root, out)}`);

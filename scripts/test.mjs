#!/usr/bin/env node
// `npm test`: typecheck (node + web), lint, unit tests on plain Node, the build, electronegativity on the
// build (fails on a HIGH finding), then end-to-end tests in
// Chromium against the browser host. Every step runs; the last line counts the tests of both runners.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const artifacts = path.join(root, 'artifacts');
fs.mkdirSync(artifacts, { recursive: true });
// A runner that crashes must never leave the previous run's counts to be reported as this run's.
const resultFiles = ['unit-results.json', 'e2e-results.json'].map((f) => path.join(artifacts, f));
for (const f of resultFiles) fs.rmSync(f, { force: true });

const steps = [
  { name: 'typecheck:node', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.node.json'] },
  { name: 'typecheck:e2e', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.e2e.json'] },
  { name: 'typecheck:web', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.web.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  {
    name: 'unit',
    cmd: bin('vitest'),
    args: ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(artifacts, 'unit-results.json')}`],
  },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'security', cmd: process.execPath, args: [path.join(root, 'scripts', 'electronegativity.mjs')] },
  { name: 'e2e', cmd: bin('playwright'), args: ['test'] },
];

const only = process.argv.slice(2);
const results = [];
for (const step of steps) {
  if (only.length && !only.includes(step.name)) continue;
  console.log(`\n━━ ${step.name} ━━`);
  const started = Date.now();
  const r = spawnSync(step.cmd, step.args, { stdio: 'inherit', cwd: root, env: { ...process.env, FORCE_COLOR: '0' } });
  const ok = r.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  // Without a build there is nothing for the end-to-end tests to drive.
  if (!ok && step.name === 'build') break;
}

function counts(file, pick) {
  try {
    return pick(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}
const unit = counts(path.join(artifacts, 'unit-results.json'), (j) => ({
  passed: j.numPassedTests,
  failed: j.numFailedTests,
  skipped: j.numPendingTests + j.numTodoTests,
}));
const e2e = counts(path.join(artifacts, 'e2e-results.json'), (j) => ({
  passed: j.stats.expected + j.stats.flaky,
  failed: j.stats.unexpected,
  skipped: j.stats.skipped,
}));

console.log('\n━━ summary ━━');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(16)} ${r.seconds.toFixed(1)} s`);
console.log(`unit: ${unit.passed} passed, ${unit.failed} failed, ${unit.skipped} skipped`);
console.log(`e2e:  ${e2e.passed} passed, ${e2e.failed} failed, ${e2e.skipped} skipped`);
const failedSteps = results.filter((r) => !r.ok).length;
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedSteps && unit.failed + e2e.failed === 0 ? failedSteps : 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${unit.skipped + e2e.skipped} skipped`);
process.exit(failedSteps ? 1 : 0);

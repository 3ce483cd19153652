/**
 * `npm run cli` runs the built bundle (out/main/cli.js, built by scripts/cli.mjs when missing or stale)
 * instead of compiling TypeScript on every call: measured here against the same command through tsx in
 * the same run, as a ratio (timings on these machines are noisy; no absolute threshold).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, repoRoot, test } from './support/host';

function timed(cmd: string, args: string[]): { ms: number; stdout: string; stderr: string } {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: repoRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr}`);
  return { ms: performance.now() - t, stdout: r.stdout, stderr: r.stderr };
}

test('the command line answers from its built bundle, without compiling TypeScript', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-cli-'));
  try {
    const db = path.join(dir, 'a.sqlite');
    const args = ['info', '--db', db];
    // The first call may build the bundle (sources newer than the build); later ones must not.
    timed(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), ...args]);
    const bundle: number[] = [];
    const tsx: number[] = [];
    for (let i = 0; i < 3; i++) {
      const b = timed(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), ...args]);
      expect(b.stderr).not.toMatch(/Building/);
      expect(JSON.parse(b.stdout)).toMatchObject({ tickers: 0, bars: 0 });
      bundle.push(b.ms);
      tsx.push(timed(path.join(repoRoot, 'node_modules/.bin/tsx'), [path.join(repoRoot, 'src/main/cli/index.ts'), ...args]).ms);
    }
    const best = (xs: number[]): number => Math.min(...xs);
    const ratio = best(bundle) / best(tsx);
    console.log(`cli info: bundle ${best(bundle).toFixed(0)} ms, tsx ${best(tsx).toFixed(0)} ms, ratio ${ratio.toFixed(2)}`);
    expect(ratio).toBeLessThan(0.7);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

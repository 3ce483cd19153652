/**
 * End to end through the CLI: the real importer loads the real yfinance files, then `metrics` prints the
 * figures ../shared/data/README.md states (rounded as stated there).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempDir } from '../../helpers/archive';
import { sharedData } from '../../helpers/load-bars';

let db: string;
let cleanup: () => void;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--db', db], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
  });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  const t = tempDir();
  cleanup = t.cleanup;
  db = path.join(t.dir, 'archive.sqlite');
  const files = ['IWM', '^RUT', '^DJI'].map((s) => path.join(sharedData, 'yfinance', `${s}.csv`));
  files.push(path.join(sharedData, 'yfinance-max', '^GSPC.csv'));
  const r = await cli(['import', ...files]);
  expect(r.code, r.stderr).toBe(0);
});
afterAll(() => cleanup());

async function metrics(ticker: string): Promise<Record<string, number>> {
  const r = await cli(['metrics', '--ticker', ticker, '--from', '2025-12-01', '--to', '2026-01-09']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Record<string, number>;
}

const pct = (x: number | undefined): string => (x! * 100).toFixed(2);

describe('import then metrics, through the CLI', () => {
  it('reproduces the README facts', async () => {
    const iwm = await metrics('IWM');
    expect(iwm.bars).toBe(28);
    expect(pct(iwm.dailyVolatility)).toBe('0.92');
    expect((iwm.averageVolume! / 1e6).toFixed(2)).toBe('35.66');
    expect(pct(iwm.openToClose)).toBe('6.33');
    const rut = await metrics('^RUT');
    expect(rut.close!.toFixed(2)).toBe('2624.22');
    expect(rut.sma20!.toFixed(2)).toBe('2542.44');
    expect(pct(rut.openToClose)).toBe('5.72');
    expect(pct((await metrics('^DJI')).openToClose)).toBe('4.04');
    const spx = await metrics('^GSPC');
    expect(spx.allTimeHigh!.toFixed(2)).toBe('6978.36');
    expect(spx.close!.toFixed(2)).toBe('6966.28');
    expect(pct(spx.openToClose)).toBe('2.26');
  });
});

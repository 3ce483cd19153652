/**
 * Holidays by the ticker's own market: a Brazilian index is not flagged on Thanksgiving, a Singapore
 * file not on July 4; for a market without a known calendar Breadth says so once per ticker and judges
 * gaps by the ticker's own trading days. The BVSP file is the Investing.com layout of
 * tests/fixtures/import/synthetic/investing-pt; the Singapore file is written by the test (synthetic
 * prices: ../shared/data has no Singapore file), a week of bars around 2024-07-04.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestMarket } from '../../../src/shared/markets';
import { tempDir } from '../../helpers/archive';
import { cli } from '../../helpers/cli';

const fixtures = path.resolve(__dirname, '../../fixtures/import');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive(): { db: string; dir: string } {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return { db: path.join(t.dir, 'archive.sqlite'), dir: t.dir };
}

const singapore = [
  'Date,Open,High,Low,Close,Volume',
  '2024-07-01,33.10,33.40,33.00,33.30,2100000',
  '2024-07-02,33.30,33.50,33.20,33.45,1900000',
  '2024-07-03,33.45,33.60,33.30,33.50,2000000',
  '2024-07-04,33.50,33.80,33.40,33.70,2300000',
  '2024-07-05,33.70,33.90,33.60,33.85,2200000',
].join('\n');

describe('markets', () => {
  it('suggests the market from the symbol: index, exchange suffix, else the US', () => {
    expect(['^BVSP', 'PETR4.SA', 'D05.SI', 'VOD.L', '^N225', 'SPY', '^GSPC', 'BRK.B', 'SPY.US'].map(suggestMarket)).toEqual(['BR', 'BR', 'SG', 'UK', 'JP', 'US', 'US', 'US', 'US']);
  });

  it('a Brazilian index is not flagged on Thanksgiving, and says once that no calendar is known', async () => {
    const { db } = archive();
    const r = await cli(['import', '--db', db, '--ticker', '^BVSP', path.join(fixtures, 'synthetic/investing-pt/BVSP.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const f = r.json.files[0];
    expect(f).toMatchObject({ ticker: '^BVSP', market: 'BR', warnings: [] });
    expect(f.notes).toEqual(["no holiday calendar is known for Brazil (B3): ^BVSP's holidays are not checked, and its gaps are judged by its own trading days"]);
    // The Thanksgiving bar (2020-11-26) is a bar of the window like any other, and nothing is missing.
    const m = await cli(['metrics', '--db', db, '--ticker', '^BVSP', '--from', '2020-11-26', '--to', '2020-11-27']);
    expect(m.json).toMatchObject({ firstDate: '2020-11-26', lastDate: '2020-11-27', bars: 2, missingCount: 0 });
    expect(m.stderr).not.toMatch(/Thanksgiving/);
    expect(m.stderr).toMatch(/no holiday calendar is known for this market/);
  });

  it('a Singapore file is not flagged on July 4; told it is a US file, it is', async () => {
    const { db, dir } = archive();
    const p = path.join(dir, 'D05.SI.csv');
    fs.writeFileSync(p, singapore);
    const sg = await cli(['import', '--db', db, '--dry-run', p]);
    expect(sg.json.files[0]).toMatchObject({ ticker: 'D05.SI', market: 'SG', warnings: [] });
    const us = await cli(['import', '--db', db, '--dry-run', '--market', 'us', p]);
    expect(us.json.files[0]).toMatchObject({ market: 'US', warnings: [{ line: 5, reason: '2024-07-04 is an NYSE holiday (Independence Day)' }] });
    expect(us.json.files[0].notes).toBeUndefined();
    const bad = await cli(['import', '--db', db, '--dry-run', '--market', 'XX', p]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--market/);
  });

  it('the market set on import stays with the ticker for later imports', async () => {
    const { db, dir } = archive();
    const p = path.join(dir, 'DBS.csv');
    fs.writeFileSync(p, singapore);
    // DBS: a plain symbol suggests the US; the analyst says Singapore once.
    const first = await cli(['import', '--db', db, '--market', 'SG', p]);
    expect(first.json.files[0]).toMatchObject({ ticker: 'DBS', market: 'SG', warnings: [] });
    const again = await cli(['import', '--db', db, '--dry-run', p]);
    expect(again.json.files[0]).toMatchObject({ market: 'SG', warnings: [] });
    const m = await cli(['metrics', '--db', db, '--ticker', 'DBS', '--from', '2024-07-04', '--to', '2024-07-05']);
    expect(m.json).toMatchObject({ firstDate: '2024-07-04', bars: 2, missingCount: 0 });
  });
});

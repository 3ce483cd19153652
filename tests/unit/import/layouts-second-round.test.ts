/**
 * Layouts of the import's second round, through the CLI without the UI: close-only series (a FRED
 * `observation_date,SP500` file and yfinance's Close-only download, both over real closes), headers that
 * name nothing useful (decided by the columns' content), yfinance's several-tickers-side-by-side
 * download, and bars that may be intraday snapshots (yfinance's ^RUT last row with volume 0; a Barchart
 * footer stamped before the close). Synthetic layouts over real prices: tests/fixtures/import/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDownloadStamp } from '../../../src/main/import/validate';
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

describe('close-only series', () => {
  it('a FRED date + value file imports as closes; its empty holidays are skipped, not rejected', async () => {
    const { db } = archive();
    const r = await cli(['import', '--db', db, path.join(fixtures, 'synthetic/close-only/SP500.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const f = r.json.files[0];
    expect(f).toMatchObject({ ticker: 'SP500', status: 'imported', imported: 47, rejected: [] });
    expect(f.warnings.map((w: { reason: string }) => w.reason)).toEqual([
      'no prices: skipped (2025-11-27 is an NYSE holiday (Thanksgiving Day))',
      'no prices: skipped (2025-12-25 is an NYSE holiday (Christmas Day))',
      "no prices: skipped (2026-01-01 is an NYSE holiday (New Year's Day))",
    ]);
    // What a close allows is computed (the S&P 500's close-to-close +2.26 % of the README's window,
    // 2025-12-01..2026-01-09: ^GSPC from yfinance-max); what needs open, high or low says why not.
    const m = await cli(['metrics', '--db', db, '--ticker', 'SP500', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(m.json.close).toBe(6966.28);
    expect(m.json.closeToClose).toBeCloseTo(6966.28 / 6812.63 - 1, 10);
    expect(m.json.dailyVolatility).not.toBeNull();
    expect(m.json.sma20).not.toBeNull();
    expect([m.json.openToClose, m.json.periodHigh, m.json.high52w, m.json.low52w, m.json.allTimeHigh]).toEqual([null, null, null, null, null]);
    expect(m.stderr).toMatch(/openToClose: needs daily opens: SP500 has closes only/);
    expect(m.stderr).toMatch(/periodHigh, allTimeHigh, high52w, distanceFromHigh52w: need daily highs/);
  });

  it("yfinance's Close-only download (its 3-line header) takes the ticker from the header", async () => {
    const { db } = archive();
    const r = await cli(['import', '--db', db, path.join(fixtures, 'synthetic/close-only/spy_close.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.files[0]).toMatchObject({ ticker: 'SPY', provider: 'yfinance', imported: 28 });
    const m = await cli(['metrics', '--db', db, '--ticker', 'SPY', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(m.json.closeToClose).not.toBeNull();
    expect(m.json.openToClose).toBeNull();
  });

  it('numbers that could be open, high or low are not dropped silently: the analyst is asked', async () => {
    const { db, dir } = archive();
    const p = path.join(dir, 'ABC.csv');
    fs.writeFileSync(p, 'Date,Close,Foo,Bar\n2024-01-02,10,11,12\n2024-01-03,10.5,11.5,12.5\n');
    const r = await cli(['import', '--db', db, p]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/columns 3 \("Foo"\), 4 \("Bar"\) hold numbers that could be open, high or low; map them, or ignore them to import closes only/);
    // Mapped by hand: closes only, as asked.
    const mapped = await cli(['import', '--db', db, '--columns', 'date=1,close=2', p]);
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(mapped.json.files[0]).toMatchObject({ imported: 2 });
  });
});

describe('headers decided by content', () => {
  // The real yahoo SPY excerpt under headers that name nothing: a format string, pandas' index names, an
  // empty name, a language Breadth does not know.
  const spy = fs.readFileSync(path.join(fixtures, 'real/yahoo/SPY.csv'), 'utf8').trim().split(/\r?\n/);
  const body = spy.slice(1).map((l) => l.split(',')).map((f) => [f[0], f[1], f[2], f[3], f[4], f[6]].join(','));

  it('a date column, four prices in high ≥ all ≥ low order, and whole numbers far above them', async () => {
    const { db, dir } = archive();
    const p = path.join(dir, 'SPY.csv');
    fs.writeFileSync(p, ['"%Y-%m-%d",Unnamed: 1,,Ylin,Alin,Sulku'.replace(',,', ',Unnamed: 2,'), ...body].join('\n'));
    const r = await cli(['import', '--db', db, '--dry-run', p]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.files[0]).toMatchObject({ ticker: 'SPY', status: 'checked', rows: body.length });
    // Same bars as the named file.
    const named = archive();
    await cli(['import', '--db', named.db, path.join(fixtures, 'real/yahoo/SPY.csv')]);
    await cli(['import', '--db', db, p]);
    const a = await cli(['metrics', '--db', db, '--ticker', 'SPY', '--from', '2021-01-04', '--to', '2021-02-01']);
    const b = await cli(['metrics', '--db', named.db, '--ticker', 'SPY', '--from', '2021-01-04', '--to', '2021-02-01', '--basis', 'as-traded']);
    for (const k of ['openToClose', 'periodHigh', 'periodLow', 'averageVolume', 'close']) expect(a.json[k], k).toBe(b.json[k]);
  });
});

describe('several tickers side by side', () => {
  it("yfinance's download([IWM, SPY]) imports as one ticker each, with the file's line numbers", async () => {
    const { db } = archive();
    const r = await cli(['import', '--db', db, path.join(fixtures, 'synthetic/yfinance-multi/download.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.json.files.map((f: { ticker: string; imported: number }) => [f.ticker, f.imported])).toEqual([
      ['IWM', 28],
      ['SPY', 28],
    ]);
    // The same figures as each ticker's own yfinance file (README: IWM mean volume 35.66 M over the window).
    const iwm = await cli(['metrics', '--db', db, '--ticker', 'IWM', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(iwm.json.averageVolume).toBeCloseTo(35.66e6, -4);
    expect(iwm.json.openToClose.toFixed(4)).toBe('0.0633');
    const spy = await cli(['metrics', '--db', db, '--ticker', 'SPY', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(spy.json.bars).toBe(28);
  });
});

describe('possible intraday snapshots', () => {
  it("yfinance's ^RUT: the last bar with volume 0 after bars with volume is flagged", async () => {
    const { db } = archive();
    const r = await cli(['import', '--db', db, '--dry-run', path.join(fixtures, 'real/yfinance/^RUT.csv')]);
    const w = r.json.files[0].warnings.filter((x: { reason: string }) => x.reason.startsWith('possible intraday snapshot'));
    expect(w).toEqual([{ line: 31, reason: expect.stringMatching(/the last bar has volume 0 where the bars before it all have volume/) }]);
    // IWM's last bar has its volume: nothing to flag.
    const iwm = await cli(['import', '--db', db, '--dry-run', path.join(fixtures, 'real/yfinance/IWM.csv')]);
    expect(JSON.stringify(iwm.json)).not.toMatch(/snapshot/);
  });

  it('a Barchart footer stamped before the close flags the bar of that day; one stamped the next morning does not', async () => {
    const { db, dir } = archive();
    const original = fs.readFileSync(path.join(fixtures, 'synthetic/barchart/MSFT.csv'), 'utf8');
    const clean = await cli(['import', '--db', db, '--dry-run', path.join(fixtures, 'synthetic/barchart/MSFT.csv')]);
    expect(JSON.stringify(clean.json)).not.toMatch(/snapshot/);
    const p = path.join(dir, 'MSFT.csv');
    fs.writeFileSync(p, original.replace('as of 05-10-2025 09:12am CDT', 'as of 05-09-2025 02:41pm CDT'));
    const r = await cli(['import', '--db', db, '--dry-run', p]);
    const w = r.json.files[0].warnings.filter((x: { reason: string }) => x.reason.startsWith('possible intraday snapshot'));
    expect(w).toEqual([{ line: 4, reason: expect.stringContaining('dated on the day the file was downloaded, before the close (Barchart.com as of 05-09-2025 02:41pm CDT)') }]);
    expect(readDownloadStamp('Downloaded from Barchart.com as of 05-09-2025 03:05pm CDT')).toMatchObject({ date: '2025-05-09', beforeClose: false });
    expect(readDownloadStamp('Downloaded from Barchart.com as of 01-09-2025 03:59pm EST')).toMatchObject({ beforeClose: true });
  });
});

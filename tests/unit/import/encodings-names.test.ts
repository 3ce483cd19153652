/**
 * Files an analyst actually has, second round: UTF-16 exports (with their byte-order mark), lines ending
 * in a lone CR, tickers in download-style file names, and a bad date in the first data row. Each file is
 * the real yahoo SPY/XLI/XLU excerpt of tests/fixtures/import/real/ re-encoded or renamed by the test
 * itself (../shared/data has no UTF-16 or CR-only file), imported through the CLI without the UI.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tickerFromFileName } from '../../../src/main/import/dialects';
import { tempDir } from '../../helpers/archive';

const real = path.resolve(__dirname, '../../fixtures/import/real/yahoo');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

interface FileOut {
  file: string;
  ticker: string | null;
  status: string;
  rows: number;
  imported: number;
  rejected: Array<{ line: number; reason: string }>;
  error?: string;
}

async function importFiles(files: Array<[name: string, bytes: Buffer]>, extra: string[] = []): Promise<{ code: number; files: FileOut[]; stderr: string; db: string }> {
  const t = tempDir();
  cleanups.push(t.cleanup);
  const paths = files.map(([name, bytes]) => {
    const p = path.join(t.dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  });
  const db = path.join(t.dir, 'archive.sqlite');
  let stdout = '';
  let stderr = '';
  const code = await runCli(['import', '--db', db, ...extra, ...paths], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} });
  return { code, files: stdout ? (JSON.parse(stdout) as { files: FileOut[] }).files : [], stderr, db };
}

const spy = fs.readFileSync(path.join(real, 'SPY.csv'), 'utf8');
const rows = spy.trim().split(/\r?\n/).length - 1;

describe('encodings and line ends', () => {
  it('imports a UTF-16 LE file with its byte-order mark as the same bars as the UTF-8 original', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(spy, 'utf16le')]);
    const [a, b] = [await importFiles([['SPY.csv', utf16]]), await importFiles([['SPY.csv', Buffer.from(spy)]])];
    expect(a.code, a.stderr).toBe(0);
    expect(a.files[0]).toMatchObject({ ticker: 'SPY', status: 'imported', rows, imported: rows, rejected: [] });
    expect(b.files[0]).toMatchObject({ imported: rows });
  });

  it('imports UTF-16 BE too', async () => {
    const le = Buffer.from(spy, 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!];
    const r = await importFiles([['SPY.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be])]]);
    expect(r.files[0]).toMatchObject({ ticker: 'SPY', status: 'imported', imported: rows });
  });

  it('imports a file whose lines end in a lone CR', async () => {
    const xli = fs.readFileSync(path.join(real, 'XLI.csv'), 'utf8');
    const n = xli.trim().split(/\r?\n/).length - 1;
    const r = await importFiles([['XLI.csv', Buffer.from(xli.replace(/\r?\n/g, '\r'))]]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.files[0]).toMatchObject({ ticker: 'XLI', status: 'imported', rows: n, imported: n, rejected: [] });
  });
});

describe('a bad date in the first data row', () => {
  it('is that row named with its line and reason, not "no dates found in the date column"', async () => {
    const lines = spy.split('\n');
    lines[1] = lines[1]!.replace(/^\d{4}-\d\d-\d\d/, '2021-13-45');
    const bytes = Buffer.from(lines.join('\n'));
    const blocked = await importFiles([['SPY.csv', bytes]]);
    expect(blocked.code).toBe(1);
    expect(blocked.files[0]!.rejected).toEqual([expect.objectContaining({ line: 2, reason: '"2021-13-45" is not a date in the format YYYY-MM-DD' })]);
    const allowed = await importFiles([['SPY.csv', bytes]], ['--allow-rejected']);
    expect(allowed.files[0]).toMatchObject({ status: 'imported', imported: rows - 1 });
  });

  it('a column of which no value reads as a date says so, with the first value', async () => {
    const bytes = Buffer.from(spy.replace(/^(\d{4})-(\d\d)-(\d\d)/gm, '$1/$3/45'));
    const r = await importFiles([['SPY.csv', bytes]]);
    expect(r.code).not.toBe(0);
    expect(JSON.stringify(r.files[0]) + r.stderr).toMatch(/no value of the date column reads as a date \(the first is "2021\/04\/45"\)/);
  });
});

describe('tickers in file names', () => {
  it.each([
    ['XLE Historical Data.csv', 'XLE'],
    ['SPY Historical Data (2).csv', 'SPY'],
    ['xlk_price-history-05-04-2021.csv', 'XLK'],
    ['SPY (1).csv', 'SPY'],
    ['msft_daily.csv', 'MSFT'],
    ['QQQ-prices.csv', 'QQQ'],
    ['IWM_export_2026-01-11.csv', 'IWM'],
    ['stock_aapl.csv', 'AAPL'],
    ['spy.us.txt', 'SPY'],
    ['^GSPC.csv', '^GSPC'],
    ['BRK-B.csv', 'BRK-B'],
    ['HistoricalData_1700000000000.csv', null],
    ['export.csv', null],
    ['prices.csv', null],
  ])('%s → %s', (name, ticker) => {
    expect(tickerFromFileName(name)).toBe(ticker);
  });

  it('imports a renamed download under the ticker its name carries, and asks for one where none remains', async () => {
    const r = await importFiles([['spy_price-history-05-04-2021.csv', Buffer.from(spy)]]);
    expect(r.files[0]).toMatchObject({ ticker: 'SPY', status: 'imported' });
    const none = await importFiles([['HistoricalData_1700000000000.csv', Buffer.from(spy)]]);
    expect(none.code).not.toBe(0);
    expect(JSON.stringify(none.files[0]) + none.stderr).toMatch(/does not name one; give the ticker/);
  });
});

describe('columns named on the command line', () => {
  // The real SPY excerpt with headers that name nothing the import knows, semicolon-separated.
  const renamed = Buffer.from(
    ['When;First;Top;Bottom;Last;Shares', ...spy.trim().split(/\r?\n/).slice(1).map((l) => l.split(',')).map((f) => [f[0], f[1], f[2], f[3], f[4], f[6]].join(';'))].join('\n'),
  );

  it('--columns maps a file the import cannot read by itself, and the layout is remembered for the next file', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'archive.sqlite');
    const a = path.join(t.dir, 'a.csv');
    const b = path.join(t.dir, 'b.csv');
    fs.writeFileSync(a, renamed);
    fs.writeFileSync(b, renamed);
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await runCli(['import', '--db', db, ...args], { stdout: (s) => (out += s), stderr: (s) => (err += s), env: {} });
      return { code, out: out ? (JSON.parse(out) as { files: FileOut[] }) : null, err };
    };
    // The names say nothing, the content does: dates, a top and a bottom on every row, whole numbers.
    const byContent = await run(['--ticker', 'SPY', '--dry-run', a]);
    expect(byContent.code, byContent.err).toBe(0);
    expect(byContent.out!.files[0]).toMatchObject({ ticker: 'SPY', status: 'checked', rows });
    const mapped = await run(['--ticker', 'SPY', '--columns', 'date=1,open=2,high=3,low=4,close=5,volume=6', a]);
    expect(mapped.code, mapped.err).toBe(0);
    expect(mapped.out!.files[0]).toMatchObject({ ticker: 'SPY', status: 'imported', imported: rows });
    const again = await run(['--ticker', 'QQQ', '--dry-run', b]);
    expect(again.out!.files[0]).toMatchObject({ ticker: 'QQQ', status: 'checked', rows });
    const bad = await run(['--columns', 'date=1,open=0', a]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--columns: open = 0: columns count from 1');
    const short = await run(['--columns', 'date=1,open=2', a]);
    expect(short.err).toContain('--columns needs close=N too');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processFile } from '../../../src/main/import/import-file';
import { freshArchive } from '../../helpers/archive';
import type { PreviewBar } from '../../../src/shared/import';

const synthetic = path.resolve(__dirname, '../../fixtures/import/synthetic');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive() {
  const a = freshArchive();
  cleanups.push(a.cleanup);
  return a;
}

function bars(db: ReturnType<typeof archive>['db'], ticker: string) {
  return db
    .prepare(
      'SELECT date, open, high, low, close, adj_close AS adjClose, volume FROM bars WHERE ticker = ? ORDER BY date',
    )
    .all(ticker) as Array<Omit<PreviewBar, 'line' | 'ticker'>>;
}

describe('layouts the shared data lacks', () => {
  it('yfinance 3-line header: ticker from the Ticker row, data from line 4', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'yfinance-3line/prices.csv') }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.detection).toMatchObject({
      provider: 'yfinance',
      headerLines: 3,
      ticker: 'SPY',
      tickerSource: 'header',
      pricesAdjusted: true,
    });
    const b = bars(a.db, 'SPY');
    expect(b).toHaveLength(5);
    expect(b[0]).toEqual({
      date: '2026-02-17',
      open: 676.41,
      high: 683.27,
      low: 673.74,
      close: 681.75,
      adjClose: null,
      volume: 82716800,
    });
    expect(b[4]).toEqual({
      date: '2026-02-23',
      open: 688.89,
      high: 689.93,
      low: 680.21,
      close: 682.39,
      adjClose: null,
      volume: 74120511,
    });
  });

  it('yfinance tz timestamps with Dividends/Stock Splits columns: dates kept as the exchange day', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'yfinance-tz-actions/XLB.csv') }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.detection.provider).toBe('yfinance');
    expect(r.detection.mapping).toEqual({ date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5, dividend: 6, split: 7 });
    expect(bars(a.db, 'XLB').map((b) => b.date)).toEqual([
      '2025-11-12',
      '2025-11-13',
      '2025-11-14',
      '2025-11-17',
      '2025-11-18',
      '2025-12-22',
    ]);
  });

  it('headerless MetaStock 7-column file with two tickers, listed per ticker', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'stooq-headerless/daily.txt') }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.detection).toMatchObject({
      provider: 'stooq',
      headerLines: 0,
      dateFormat: 'YYYYMMDD',
      pricesAdjusted: true,
    });
    expect(r.tickers.map((t) => [t.ticker, t.rows, t.imported])).toEqual([
      ['SPY', 4, 4],
      ['XLI', 3, 3],
    ]);
    expect(bars(a.db, 'XLI')[2]).toEqual({
      date: '2026-07-02',
      open: 162.1,
      high: 162.6,
      low: 160.77,
      close: 161.12,
      adjClose: null,
      volume: 10032100,
    });
  });

  it('MetaStock ASCII with a <DTYYYYMMDD> header', () => {
    const a = archive();
    const text =
      '<TICKER>,<DTYYYYMMDD>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>\r\nXLI.US,20260701,161.52,162.44,161.07,161.98,8261200\r\n';
    const r = processFile(a.db, { name: 'xli.txt', text }, {}, 'import');
    expect(r.detection).toMatchObject({
      provider: 'stooq',
      dateFormat: 'YYYYMMDD',
      mapping: { ticker: 0, date: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 },
    });
    expect(bars(a.db, 'XLI')).toEqual([
      { date: '2026-07-01', open: 161.52, high: 162.44, low: 161.07, close: 161.98, adjClose: null, volume: 8261200 },
    ]);
  });

  it('Tiingo: raw OHLC with adjClose stored beside Close', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'tiingo/SPY.csv') }, {}, 'import');
    expect(r.detection).toMatchObject({ provider: 'tiingo', pricesAdjusted: false });
    expect(bars(a.db, 'SPY')[0]).toEqual({
      date: '2021-01-04',
      open: 375.31,
      high: 375.45,
      low: 364.82,
      close: 368.79,
      adjClose: 355.446808,
      volume: 110210800,
    });
  });

  it('Barchart: Last is the close, US month-first dates, footer skipped with a warning', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'barchart/MSFT.csv') }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.detection).toMatchObject({ provider: 'barchart', dateFormat: 'MM/DD/YYYY' });
    expect(r.tickers[0]!.warnings).toEqual([
      {
        line: 5,
        kind: 'stray',
        date: null,
        reason: 'not a data row (no date, no prices); skipped',
        raw: 'Downloaded from Barchart.com as of 05-10-2025 09:12am CDT',
      },
    ]);
    expect(bars(a.db, 'MSFT').at(-1)).toEqual({
      date: '2025-05-09',
      open: 440,
      high: 440.74,
      low: 435.88,
      close: 438.73,
      adjClose: null,
      volume: 15324230,
    });
  });

  it('semicolons, decimal commas, dot thousands, German headers, DD.MM.YYYY', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'european-semicolon/^SPX.csv') }, {}, 'import');
    expect(r.detection).toMatchObject({
      provider: 'generic',
      delimiter: ';',
      decimalMark: ',',
      dateFormat: 'DD.MM.YYYY',
      ticker: '^SPX',
    });
    expect(bars(a.db, '^SPX')[0]).toEqual({
      date: '2021-01-04',
      open: 3764.61,
      high: 3769.99,
      low: 3662.71,
      close: 3700.65,
      adjClose: null,
      volume: 5006680000,
    });
  });

  it('tab-separated Dutch export with decimal commas, newest first', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'tab-dutch/XLU.csv') }, {}, 'import');
    expect(r.detection).toMatchObject({ delimiter: '\t', decimalMark: ',' });
    expect(bars(a.db, 'XLU').map((b) => [b.date, b.close])).toEqual([
      ['2021-01-04', 62.08],
      ['2021-01-05', 62.59],
      ['2021-01-06', 64.11],
    ]);
  });

  it('Portuguese Investing.com: Último is the close, comma decimals, M volumes', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(synthetic, 'investing-pt/SPY Dados Históricos.csv') }, {}, 'import');
    expect(r.detection).toMatchObject({
      provider: 'investing',
      decimalMark: ',',
      dateFormat: 'DD.MM.YYYY',
      ticker: 'SPY',
    });
    expect(bars(a.db, 'SPY').at(-1)).toEqual({
      date: '2020-11-27',
      open: 363.84,
      high: 364.18,
      low: 362.58,
      close: 363.67,
      adjClose: null,
      volume: 28510000,
    });
  });

  it('Portuguese Investing.com index: dot thousands without decimals are thousands', () => {
    const a = archive();
    processFile(a.db, { path: path.join(synthetic, 'investing-pt/BVSP.csv') }, {}, 'import');
    expect(bars(a.db, 'BVSP').at(-1)).toMatchObject({
      date: '2020-11-27',
      open: 110227,
      close: 110575,
      volume: 9970000,
    });
  });

  it('DD/MM vs MM/DD that the whole column cannot settle asks the user, and imports once told', () => {
    const a = archive();
    const file = { path: path.join(synthetic, 'ambiguous-dates/IWM.csv') };
    const preview = processFile(a.db, file, {}, 'preview');
    expect(preview.detection.dateFormat).toBeNull();
    expect(preview.detection.needs).toEqual([
      expect.objectContaining({ kind: 'date-format', options: ['MM/DD/YYYY', 'DD/MM/YYYY'] }),
    ]);
    const refused = processFile(a.db, file, {}, 'import');
    expect(refused.status).toBe('failed');
    expect(bars(a.db, 'IWM')).toEqual([]);
    const done = processFile(a.db, file, { dateFormat: 'MM/DD/YYYY' }, 'import');
    expect(done.status).toBe('imported');
    expect(bars(a.db, 'IWM').map((b) => b.date)).toEqual(['2025-01-02', '2025-02-03', '2025-03-04', '2025-04-07']);
  });

  it('one day above 12 anywhere in the column settles the order, even far past the sample', () => {
    const a = archive();
    const lines = ['Date,Open,High,Low,Close'];
    // 12,000 ambiguous rows (past the 256 KiB the detector samples) and only the last has a day above 12.
    for (let i = 0; i < 12000; i++)
      lines.push(`0${(i % 9) + 1}/0${(i % 3) + 1}/${1990 + Math.floor(i / 27)},10.5,11,10,10.75`);
    lines.push('01/13/2024,10.5,11,10,10.75');
    const text = lines.join('\n') + '\n';
    expect(text.length).toBeGreaterThan(256 * 1024);
    const r = processFile(a.db, { name: 'QQQ.csv', text }, { allowRejected: true }, 'preview');
    expect(r.detection.dateFormat).toBe('MM/DD/YYYY');
    expect(
      processFile(a.db, { name: 'QQQ.csv', text: lines.slice(0, -1).join('\n') }, {}, 'preview').detection.dateFormat,
    ).toBeNull();
  });

  it('ticker from the file name: spy.us.txt → SPY, ^GSPC.csv, and none from an anonymous name', () => {
    const a = archive();
    const body = 'Date,Open,High,Low,Close\n2024-01-02,10,11,9,10.5\n';
    expect(processFile(a.db, { name: 'spy.us.txt', text: body }, {}, 'preview').detection.ticker).toBe('SPY');
    expect(processFile(a.db, { name: '^GSPC.csv', text: body }, {}, 'preview').detection.ticker).toBe('^GSPC');
    const anon = processFile(a.db, { name: 'HistoricalData_1715000000.csv', text: body }, {}, 'preview');
    expect(anon.detection.needs.map((n) => n.kind)).toEqual(['ticker']);
    expect(
      processFile(a.db, { name: 'HistoricalData_1715000000.csv', text: body }, { ticker: 'QQQ' }, 'import').tickers[0]!
        .ticker,
    ).toBe('QQQ');
  });

  it('a hand mapping is remembered for files of the same header layout', () => {
    const a = archive();
    // Two numbers beside the date: the content cannot say which is the close.
    const text = 'Fecha de sesión,A,B\n2024-01-02,10,11\n2024-01-03,10.5,12\n';
    const first = processFile(a.db, { name: 'ABC.csv', text }, {}, 'preview');
    expect(first.detection.mapping).toEqual({ date: 0 });
    expect(first.detection.needs[0]).toMatchObject({ kind: 'mapping', missing: ['close'] });
    const mapping = { date: 0, close: 1, high: 2 };
    expect(processFile(a.db, { name: 'ABC.csv', text }, { mapping }, 'import').status).toBe('imported');
    const again = processFile(a.db, { name: 'XYZ.csv', text }, {}, 'import');
    expect(again.detection.mappingSource).toBe('saved');
    expect(again.status).toBe('imported');
    expect(fs.existsSync(a.file)).toBe(true);
  });
});

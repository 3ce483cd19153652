import { describe, expect, it } from 'vitest';
import type { FileDetection, ImportIssue } from '../../../src/shared/import';
import { splitLine } from '../../../src/main/import/csv-line';
import { makeFastRowParser, makeRowParser } from '../../../src/main/import/validate';
import { prng } from '../../helpers/prng';

function detection(over: Partial<FileDetection> = {}): FileDetection {
  return {
    provider: 'generic',
    delimiter: ',',
    decimalMark: '.',
    dateFormat: 'YYYY-MM-DD',
    headerLines: 1,
    header: [],
    mapping: { ticker: 0, date: 1, open: 2, high: 3, low: 4, close: 5, adjClose: 6, volume: 7 },
    mappingSource: 'auto',
    layoutKey: '',
    ticker: null,
    tickerSource: 'column',
    pricesAdjusted: false,
    market: null,
    needs: [],
    ...over,
  };
}

const TODAY = '2026-11-29';

/** The fast parser agrees with the general one: it returns the same row, or leaves the line to it. */
function agree(det: FileDetection, lines: string[], fallback: string | null = null): { fast: number } {
  const fastParse = makeFastRowParser(det, TODAY)!;
  expect(fastParse).not.toBeNull();
  let fast = 0;
  for (const [i, line] of lines.entries()) {
    const issues: ImportIssue[] = [];
    const slow = makeRowParser(det, 'f.csv', (x) => issues.push(x), TODAY)(
      splitLine(line, det.delimiter),
      line,
      i + 2,
      fallback,
    );
    const got = fastParse(line, i + 2, fallback);
    if (got !== null) {
      fast++;
      expect({ line, row: got }).toEqual({ line, row: slow });
      expect({ line, issues }).toEqual({ line, issues: [] });
    }
  }
  return { fast };
}

const GOOD = [
  'SPY,2021-01-04,375.309998,375.450012,364.820007,368.790009,357.190002,110210800',
  'T0000,2000-01-03,140.08,143.15,139.83,142.20,139.35,4839332,1',
  'spy.us,2021-01-05,1,2,1,2,2,7',
  'BRK.B,2021-01-06,0.5,0.75,0.25,0.5,0.5,100',
  'X,2021-01-07,007.50,8,7,7.5,7.5,1.5',
  'X,2021-01-07,123456789012345,123456789012345,123456789012345,123456789012345,1,1',
  'X,2021-01-07,0.00000000000001,0.00000000000001,0.00000000000001,0.00000000000001,1,1',
];

describe('the fast row parser', () => {
  it('reads ordinary lines exactly as the general parser does', () => {
    expect(agree(detection(), GOOD).fast).toBe(GOOD.length);
  });

  it('leaves everything unusual to the general parser', () => {
    const odd = [
      'SPY,2021-01-04,"375.30",375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04, 375.30,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,375.30 ,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,375.,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,.5,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,1e2,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,0x10,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,1234567890123456,1234567890123456,1,1234567890123456,1,1',
      'SPY,2021-01-04,12345678901234.56,12345678901234.56,1,12345678901234.56,1,1',
      'SPY,2021-01-04,-1,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,0,375.45,364.82,368.79,357.19,110210800',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,,110210800',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,null,110210800',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,357.19,',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,357.19,0',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,357.19,-5',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,357.19,28.5M',
      'SPY,2021-01-04,375.30,375.45,364.82,368.79,357.19',
      'SPY,2021-01-04,10,10,10,10,10,',
      'SPY,2021-01-04,10,9,8,10,10,5',
      'SPY,2021-01-04,10,12,11,10,10,5',
      'SPY,2021-01-02,10,12,9,10,10,5',
      'SPY,2021-01-01,10,12,9,10,10,5',
      'SPY,2099-01-02,10,12,9,10,10,5',
      'SPY,1800-01-02,10,12,9,10,10,5',
      'SPY,2021-02-29,10,12,9,10,10,5',
      'SPY,2021-13-01,10,12,9,10,10,5',
      'SPY,2021-1-04,10,12,9,10,10,5',
      'SPY,2021-01-04T00:00:00,10,12,9,10,10,5',
      'SPY, 2021-01-04,10,12,9,10,10,5',
      ',2021-01-04,10,12,9,10,10,5',
      'S P Y,2021-01-04,10,12,9,10,10,5',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZ,2021-01-04,10,12,9,10,10,5',
      'SPY,2021-01-04,10,12,9,10,10,5\r',
      '',
      ',,,,,,,',
    ];
    const { fast } = agree(detection(), [...odd, ...GOOD]);
    expect(fast).toBe(GOOD.length);
  });

  it('other layouts: no ticker column (the fallback ticker), no volume, no adjusted close, other delimiters', () => {
    const noTicker = detection({ mapping: { date: 0, close: 1, high: 2, low: 3, open: 4, volume: 5 } });
    expect(agree(noTicker, ['2021-01-04,10,12,9,10,5', '2021-01-05,10,12,9,10,0'], 'IWM').fast).toBe(1);
    expect(agree(noTicker, ['2021-01-04,10,12,9,10,5'], null).fast).toBe(0);
    const noVolume = detection({ mapping: { date: 0, open: 1, high: 2, low: 3, close: 4 } });
    expect(agree(noVolume, ['2021-01-04,10,10,10,10', '2021-01-04,10,12,9,11,extra'], 'IWM').fast).toBe(2);
    const semicolon = detection({ delimiter: ';' });
    expect(
      agree(
        semicolon,
        GOOD.map((l) => l.replaceAll(',', ';')),
      ).fast,
    ).toBe(GOOD.length);
    expect(agree(detection({ provider: 'stooq' }), ['SPY.US,2021-01-04,1,2,1,2,2,7']).fast).toBe(1);
  });

  it('has no fast path for decimal commas or other date layouts', () => {
    expect(makeFastRowParser(detection({ decimalMark: ',' }))).toBeNull();
    expect(makeFastRowParser(detection({ dateFormat: 'MM/DD/YYYY' }))).toBeNull();
  });

  it('reads every price exactly as JavaScript does (random digits, 1 to 15 of them)', () => {
    const rand = prng(11);
    const lines: string[] = [];
    for (let n = 0; n < 20000; n++) {
      const digits = 1 + Math.floor(rand() * 15);
      let s = '';
      for (let i = 0; i < digits; i++) s += String(Math.floor(rand() * 10));
      const dot = Math.floor(rand() * digits);
      const p = dot > 0 ? `${s.slice(0, dot)}.${s.slice(dot)}` : s;
      lines.push(`X,2021-01-04,${p},${p},${p},${p},${p},${p}`);
    }
    const { fast } = agree(detection(), lines);
    expect(fast).toBeGreaterThan(15000);
  });

  it('agrees with the general parser on randomly mutated lines (seeded)', () => {
    const rand = prng(7);
    const alphabet = ['0', '1', '5', '9', '.', ',', '-', ' ', '"', 'e', 'A', '$', ''];
    const lines: string[] = [];
    for (let n = 0; n < 20000; n++) {
      let l = GOOD[Math.floor(rand() * GOOD.length)]!;
      const edits = Math.floor(rand() * 3);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(rand() * l.length);
        const what = alphabet[Math.floor(rand() * alphabet.length)]!;
        l = rand() < 0.5 ? l.slice(0, at) + what + l.slice(at + 1) : l.slice(0, at) + what + l.slice(at);
      }
      lines.push(l);
    }
    const { fast } = agree(detection(), lines);
    expect(fast).toBeGreaterThan(5000);
  });
});

import { describe, expect, it } from 'vitest';
import { candidateFormats, dateParser } from '../../../src/main/import/dates';
import { tickerFromFileName } from '../../../src/main/import/dialects';
import { isMissing, parseNumber, parseVolume } from '../../../src/main/import/numbers';
import { splitLike } from '../../../src/main/import/validate';

describe('numbers', () => {
  it.each([
    ['92.12999725341795', '.', 92.12999725341795],
    ['$438.73', '.', 438.73],
    ['1,234.50', '.', 1234.5],
    ['2.22E+12', '.', 2.22e12],
    ['1.234,50', ',', 1234.5],
    ['363,67', ',', 363.67],
    ['110.575', ',', 110575],
    ['0b11', '.', NaN],
    ['0x1F', '.', NaN],
    ['12abc', '.', NaN],
    ['1.2.3', '.', NaN],
  ] as const)('parseNumber(%s, %s) = %s', (field, mark, want) => {
    expect(parseNumber(field, mark)).toBe(want);
  });

  it('volumes with K/M/B suffixes', () => {
    expect(parseVolume('28.51M', '.')).toBe(28_510_000);
    expect(parseVolume('5.5K', '.')).toBe(5_500);
    expect(parseVolume('1,02B', ',')).toBe(1_020_000_000);
    expect(parseVolume('15324230', '.')).toBe(15_324_230);
  });

  it('missing-value tokens', () => {
    for (const t of ['', '-', 'null', 'N/A', 'NaN', ' - ', 'nan']) expect(isMissing(t)).toBe(true);
    for (const t of ['0', '1.5', 'abc']) expect(isMissing(t)).toBe(false);
  });
});

describe('dates', () => {
  it('reads each layout and rejects impossible days', () => {
    expect(dateParser('YYYY-MM-DD')('2024-02-29')).toBe('2024-02-29');
    expect(dateParser('YYYY-MM-DD')('2023-02-29')).toBeNull();
    expect(dateParser('YYYY-MM-DD')('2025-11-17 00:00:00-05:00')).toBe('2025-11-17');
    expect(dateParser('YYYYMMDD')('20050225')).toBe('2005-02-25');
    expect(dateParser('MM/DD/YYYY')('5/24/2013')).toBe('2013-05-24');
    expect(dateParser('DD.MM.YYYY')('27.11.2020')).toBe('2020-11-27');
    expect(dateParser('MMM DD, YYYY')('Nov 27, 2020')).toBe('2020-11-27');
    expect(dateParser('DD-MMM-YYYY')('27-Nov-2020')).toBe('2020-11-27');
    expect(dateParser('MM/DD/YY')('01/02/99')).toBe('1999-01-02');
    expect(dateParser('MM/DD/YY')('01/02/24')).toBe('2024-01-02');
  });

  it('a day above 12 leaves one order; otherwise both remain', () => {
    expect(candidateFormats('5/24/2013')).toEqual(['MM/DD/YYYY']);
    expect(candidateFormats('24/05/2013')).toEqual(['DD/MM/YYYY']);
    expect(candidateFormats('05/04/2013')).toEqual(['MM/DD/YYYY', 'DD/MM/YYYY']);
  });
});

describe('tickers and splits', () => {
  it('takes the ticker from common file names', () => {
    expect(tickerFromFileName('IWM.csv')).toBe('IWM');
    expect(tickerFromFileName('/x/y/spy.us.txt')).toBe('SPY');
    expect(tickerFromFileName('^GSPC.csv')).toBe('^GSPC');
    expect(tickerFromFileName('XLE Historical Data.csv')).toBe('XLE');
    expect(tickerFromFileName('data.csv')).toBeNull();
    expect(tickerFromFileName('HistoricalData_1715.csv')).toBeNull();
  });

  it('names split-like one-day ratios and ignores ordinary moves', () => {
    expect(splitLike(0.4899)).toBe('2:1');
    expect(splitLike(0.3345)).toBe('3:1');
    expect(splitLike(2.03)).toBe('1:2 reverse');
    expect(splitLike(0.8)).toBeNull();
    expect(splitLike(0.58)).toBeNull();
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  easterSunday,
  isTradingDay,
  nyseHoliday,
  previousTradingDay,
  tradingDaysBetween,
  weekday,
} from '../../../src/shared/calendar';

const sharedData = path.resolve(__dirname, '../../../../shared/data');

/** Dates of a yfinance CSV (first column), ascending. */
function csvDates(file: string): string[] {
  return fs
    .readFileSync(path.join(sharedData, file), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => /^\d{4}-\d{2}-\d{2},/.test(l))
    .map((l) => l.slice(0, 10));
}

describe('NYSE calendar', () => {
  it('agrees with every day SPY traded from 1993 to 2026, and every weekday it did not', () => {
    const dates = csvDates('yfinance/SPY.csv');
    expect(dates.length).toBeGreaterThan(8000);
    const first = dates[0]!;
    const last = dates[dates.length - 1]!;
    const traded = new Set(dates);
    for (const d of dates) expect(isTradingDay(d), `${d} is in SPY.csv`).toBe(true);
    const expected = tradingDaysBetween(first, last);
    const notTraded = expected.filter((d) => !traded.has(d));
    expect(notTraded).toEqual([]);
    expect(expected.length).toBe(dates.length);
  });

  it('agrees with ^GSPC (yfinance-max) trading days from 1990 on', () => {
    const dates = csvDates('yfinance-max/^GSPC.csv').filter((d) => d >= '1990-01-01');
    const expected = tradingDaysBetween(dates[0]!, dates[dates.length - 1]!);
    expect(dates).toEqual(expected);
  });

  it('names holidays and applies the observance rules', () => {
    expect(nyseHoliday('2025-01-09')).toMatch(/Carter/);
    expect(nyseHoliday('2022-06-20')).toBe('Juneteenth (observed)');
    expect(nyseHoliday('2021-06-18')).toBeNull(); // before Juneteenth became an NYSE holiday
    expect(nyseHoliday('2021-12-31')).toBeNull(); // New Year's Day 2022 fell on a Saturday: not observed
    expect(nyseHoliday('2021-12-24')).toBe('Christmas Day (observed)');
    expect(nyseHoliday('2017-01-02')).toBe("New Year's Day (observed)");
    expect(nyseHoliday('2026-04-03')).toBe('Good Friday');
    expect(nyseHoliday('2026-01-19')).toBe('Martin Luther King Jr. Day');
    expect(nyseHoliday('1997-01-20')).toBeNull(); // MLK day only from 1998
    expect(nyseHoliday('2026-11-26')).toBe('Thanksgiving Day');
    expect(nyseHoliday('2026-05-25')).toBe('Memorial Day');
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('walks dates in UTC', () => {
    expect(weekday('2026-01-09')).toBe(5);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-09', 1)).toBe('2025-03-10');
    expect(previousTradingDay('2025-12-01')).toBe('2025-11-28');
    expect(previousTradingDay('2026-01-20')).toBe('2026-01-16');
    expect(isTradingDay('2026-01-10')).toBe(false);
    expect(tradingDaysBetween('2025-12-01', '2026-01-09')).toHaveLength(28);
  });
});

describe('day numbers', () => {
  it('fromDayNumber agrees with Date for every day from 1900 to 2200', async () => {
    const { dayNumber, fromDayNumber } = await import('../../../src/shared/calendar');
    for (let d = dayNumber('1900-01-01'); d <= dayNumber('2200-12-31'); d++) {
      const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (fromDayNumber(d) !== iso) expect(fromDayNumber(d)).toBe(iso);
      if (dayNumber(iso) !== d) expect(dayNumber(iso)).toBe(d);
    }
  });
});

describe('years 0000..9999 (windows as wide as a user can type)', () => {
  it('dayNumber agrees with Date for the first century too (Date.UTC maps years 0..99 to 1900..1999)', async () => {
    const { dayNumber, fromDayNumber } = await import('../../../src/shared/calendar');
    for (const iso of ['0000-03-01', '0001-01-01', '0050-02-28', '0099-12-31', '0100-01-01', '1600-02-29', '9999-12-31']) {
      const viaDate = new Date(`${iso}T00:00:00Z`).getTime() / 86_400_000;
      expect(dayNumber(iso), iso).toBe(viaDate);
      expect(fromDayNumber(viaDate)).toBe(iso);
    }
  });

  it('holidayCount(y) is the size of the year\'s holiday map for every year', async () => {
    const { holidayCount, nyseHolidays } = await import('../../../src/shared/calendar');
    for (let y = 0; y <= 9999; y++) if (holidayCount(y) !== nyseHolidays(y).size) expect(holidayCount(y), String(y)).toBe(nyseHolidays(y).size);
  });

  it('countTradingDays equals the length of tradingDaysBetween, for ranges inside a year, across years and across centuries', async () => {
    const { countTradingDays, dayNumber, fromDayNumber } = await import('../../../src/shared/calendar');
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const lo = dayNumber('1890-01-01');
    const hi = dayNumber('2120-12-31');
    for (let i = 0; i < 300; i++) {
      const a = lo + Math.floor(rnd() * (hi - lo));
      const span = [3, 40, 400, 4000, 40000][i % 5]!;
      const from = fromDayNumber(a);
      const to = fromDayNumber(Math.min(hi, a + Math.floor(rnd() * span)));
      expect(countTradingDays(from, to), `${from}..${to}`).toBe(tradingDaysBetween(from, to).length);
    }
    expect(countTradingDays('2026-01-02', '2026-01-01')).toBe(0);
    expect(countTradingDays('2026-01-01', '2026-01-01')).toBe(0); // New Year's Day
    expect(countTradingDays('2025-12-31', '2025-12-31')).toBe(1);
  });
});

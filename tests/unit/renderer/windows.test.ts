import { describe, expect, it } from 'vitest';
import { addMonths, presetFrom, resolveWindow, withEnd } from '../../../src/renderer/src/lib/windows';
import { formatDate } from '../../../src/renderer/src/lib/format';

describe('window presets', () => {
  it('moves by calendar months, clamping to the month end', () => {
    expect(addMonths('2026-01-09', -1)).toBe('2025-12-09');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addMonths('2026-01-09', -60)).toBe('2021-01-09');
  });

  it('starts each preset the day after the same date that many months back, never before the first bar', () => {
    expect(presetFrom('1M', '2026-01-09', '1993-01-29')).toBe('2025-12-10');
    expect(presetFrom('1Y', '2026-01-09', '1993-01-29')).toBe('2025-01-10');
    expect(presetFrom('YTD', '2026-01-09', '1993-01-29')).toBe('2026-01-01');
    expect(presetFrom('Max', '2026-01-09', '1993-01-29')).toBe('1993-01-29');
    expect(presetFrom('5Y', '2026-01-09', '2024-06-03')).toBe('2024-06-03');
  });
});

describe('the shared analysis window', () => {
  const report = { from: '2025-12-01', to: '2026-01-09' };
  it("follows the open report's window, 1Y without one", () => {
    const follow = { choice: 'Report', from: null, to: null } as const;
    expect(resolveWindow(follow, report, '1993-01-29', '2026-02-20')).toEqual({ shown: 'Report', from: '2025-12-01', to: '2026-01-09' });
    expect(resolveWindow(follow, null, '1993-01-29', '2026-02-20')).toEqual({ shown: '1Y', from: '2025-02-21', to: '2026-02-20' });
  });
  it('ends a preset on the series\' last bar, whatever the report', () => {
    expect(resolveWindow({ choice: '3M', from: null, to: null }, report, '1993-01-29', '2026-01-09')).toEqual({ shown: '3M', from: '2025-10-10', to: '2026-01-09' });
    expect(resolveWindow({ choice: 'Max', from: null, to: null }, report, '2024-06-03', '2026-01-09').from).toBe('2024-06-03');
  });
  it('keeps typed-in dates for every series; a custom choice without dates falls back to 1Y', () => {
    expect(resolveWindow({ choice: 'Custom', from: '2025-11-03', to: '2025-12-31' }, report, '1993-01-29', '2026-02-20')).toEqual({ shown: 'Custom', from: '2025-11-03', to: '2025-12-31' });
    expect(resolveWindow({ choice: 'Custom', from: null, to: null }, report, '1993-01-29', '2026-01-09').shown).toBe('1Y');
  });
});

describe('dates as the settings write them', () => {
  it('writes ISO by default and each other format from the same day, without time-zone shifts', () => {
    expect(formatDate('2026-01-09')).toBe('2026-01-09');
    expect(formatDate('2026-01-09', 'medium')).toBe('Jan 9, 2026');
    expect(formatDate('2026-01-09', 'dmy')).toBe('09.01.2026');
    expect(formatDate('2026-01-09', 'mdy')).toBe('01/09/2026');
    expect(formatDate('2025-12-31', 'medium')).toBe('Dec 31, 2025');
    expect(formatDate(null)).toBe('—');
  });
});

describe('withEnd', () => {
  it('sets one end, and moves the other when the day passes it', () => {
    const span = { from: '2025-12-01', to: '2026-01-09' };
    expect(withEnd(span, 'from', '2025-12-15')).toEqual({ from: '2025-12-15', to: '2026-01-09' });
    expect(withEnd(span, 'from', '2026-01-20')).toEqual({ from: '2026-01-20', to: '2026-01-20' });
    expect(withEnd(span, 'to', '2025-11-20')).toEqual({ from: '2025-11-20', to: '2025-11-20' });
    expect(withEnd(span, 'to', '2026-01-02')).toEqual({ from: '2025-12-01', to: '2026-01-02' });
  });

  it('leaves an open end open', () => {
    expect(withEnd({ to: '2026-01-09' }, 'from', '2026-01-20')).toEqual({ from: '2026-01-20', to: '2026-01-20' });
    expect(withEnd({}, 'to', '2026-01-20')).toEqual({ from: undefined, to: '2026-01-20' });
  });
});

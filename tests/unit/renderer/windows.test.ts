import { describe, expect, it } from 'vitest';
import { addMonths, presetFrom } from '../../../src/renderer/src/lib/windows';

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

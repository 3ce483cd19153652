/** The date field's reading of typed days: the settings' format, ISO in every format, no impossible day. */
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../../src/renderer/src/lib/DateInput';

describe('parseDate', () => {
  it('reads each format as formatDate writes it', () => {
    expect(parseDate('2026-01-09', 'iso')).toBe('2026-01-09');
    expect(parseDate('Jan 9, 2026', 'medium')).toBe('2026-01-09');
    expect(parseDate('january 9 2026', 'medium')).toBe('2026-01-09');
    expect(parseDate('Sept 30, 2026', 'medium')).toBe('2026-09-30');
    expect(parseDate('09.01.2026', 'dmy')).toBe('2026-01-09');
    expect(parseDate('9/1/2026', 'dmy')).toBe('2026-01-09');
    expect(parseDate('01/09/2026', 'mdy')).toBe('2026-01-09');
    expect(parseDate(' 1/9/2026 ', 'mdy')).toBe('2026-01-09');
  });

  it('takes ISO in every format, and reads a two-field day the way the format writes it', () => {
    for (const f of ['iso', 'medium', 'dmy', 'mdy'] as const) expect(parseDate('2025-12-01', f)).toBe('2025-12-01');
    expect(parseDate('01/09/2026', 'dmy')).toBe('2026-09-01');
    expect(parseDate('01/09/2026', 'mdy')).toBe('2026-01-09');
    // Another format's text is not guessed at.
    expect(parseDate('01/09/2026', 'iso')).toBeNull();
    expect(parseDate('Jan 9, 2026', 'dmy')).toBeNull();
  });

  it('refuses days that do not exist and text that is not a day', () => {
    expect(parseDate('2026-02-29', 'iso')).toBeNull();
    expect(parseDate('2024-02-29', 'iso')).toBe('2024-02-29');
    expect(parseDate('31.04.2026', 'dmy')).toBeNull();
    expect(parseDate('13/01/2026', 'mdy')).toBeNull();
    expect(parseDate('Foo 9, 2026', 'medium')).toBeNull();
    // A word that starts like a month is not one.
    expect(parseDate('Junk 9, 2026', 'medium')).toBeNull();
    expect(parseDate('Ma 9, 2026', 'medium')).toBeNull();
    expect(parseDate('2026-01-0', 'iso')).toBeNull();
    expect(parseDate('', 'iso')).toBeNull();
    expect(parseDate('0999-01-01', 'iso')).toBeNull();
  });
});

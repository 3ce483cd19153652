import { describe, expect, it } from 'vitest';
import { formatCount, formatVolume } from '../../../src/renderer/src/lib/format';
import { prng } from '../../helpers/prng';

describe('formatCount', () => {
  const intl = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

  it('groups thousands as Intl.NumberFormat does, for counts of every size', () => {
    const rand = prng(13);
    const values = [
      0,
      1,
      9,
      10,
      99,
      100,
      999,
      1_000,
      9_999,
      10_000,
      25_000_000,
      123_456_789,
      2 ** 53 - 1,
      999.5,
      2.5,
      -2.5,
      1_234.4,
      -7,
      -1_234_567,
      -999.6,
    ];
    for (let i = 0; i < 2_000; i++)
      values.push(Math.floor(rand() * 10 ** Math.floor(rand() * 16)) * (rand() < 0.2 ? -1 : 1) || 0);
    for (const v of values) expect(formatCount(v), String(v)).toBe(intl.format(v));
  });

  it('writes a count that rounds to zero as 0, where Intl writes -0', () => {
    expect(formatCount(-0)).toBe('0');
    expect(formatCount(-0.4)).toBe('0');
  });

  it('writes what is not a finite number as Intl does', () => {
    for (const v of [Number.NaN, Infinity, -Infinity]) expect(formatCount(v)).toBe(intl.format(v));
  });

  it('writes counts beyond 2^53 and in exponent notation as Intl does', () => {
    for (const v of [2 ** 60, 2 ** 64, 1e21, 1e22, -1e22]) expect(formatCount(v), String(v)).toBe(intl.format(v));
  });

  it('scales volumes and writes small ones as counts', () => {
    expect(formatVolume(4_682_360_000)).toBe('4.68 B');
    expect(formatVolume(9_950)).toBe('9,950');
  });
});

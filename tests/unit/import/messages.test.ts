import { describe, expect, it } from 'vitest';
import { shownPrice } from '../../../src/main/import/validate';

describe('prices in import messages', () => {
  it('are rounded as prices are shown, with more decimals only where two would hide the difference', () => {
    // yfinance's float32 noise (tests/fixtures: a row the range check rejects).
    expect(shownPrice(92.06999969482422, 92.12999725341795)).toBe('92.07');
    expect(shownPrice(92.12999725341795, 92.06999969482422)).toBe('92.13');
    expect(shownPrice(1649.6)).toBe('1649.60');
    // High 92.0649 below Close 92.07: two decimals would read "92.06 is below 92.07"; fine. Closer still:
    expect(shownPrice(92.068, 92.07)).toBe('92.068');
    expect(shownPrice(92.07, 92.068)).toBe('92.070');
  });
});

/** Formatting of numbers and dates for display; one place so every screen agrees. */

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** `2026-01-09` → `Jan 9, 2026` (UTC, never shifted by the local time zone). */
export function formatDate(date: string | null): string {
  if (!date) return '—';
  const d = new Date(`${date}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** A share count scaled to read at a glance: `4.68 B`, `35.66 M`, `12.50 K`, `950`. */
export function formatVolume(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e12) return `${(v / 1e12).toFixed(2)} T`;
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(2)} K`;
  return integer.format(v);
}

/** A message's raw floats rounded as prices are shown: `92.06999969482422` → `92.07`. */
export function roundFloats(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
}

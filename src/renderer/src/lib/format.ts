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

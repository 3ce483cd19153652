/** Formatting of numbers and dates for display; one place so every screen agrees. */
import type { DateFormat } from '@shared/settings';

/**
 * `1234567` → `1,234,567` (rounded to a whole number). Written out rather than with Intl.NumberFormat:
 * the first Intl formatter of a page loads ICU's data, about 20 ms here, and the Overview needs only
 * counts; it is loaded when the views that format prices are (App's preload, 600 ms after the start).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? 'NaN' : n > 0 ? '∞' : '-∞';
  // Half away from zero, as Intl rounds; a count that rounds to zero is "0", never "-0".
  const whole = Math.round(Math.abs(n));
  const digits = whole.toString();
  if (digits.includes('e')) return n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const grouped = digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 && whole > 0 ? `-${grouped}` : grouped;
}

let dateFormat: DateFormat = 'iso';

/** Sets the date format of every screen (the setting; the App sets it before its views render). */
export function setDateFormat(format: DateFormat): void {
  dateFormat = format;
}

/** The date format every screen writes in now. */
export function currentDateFormat(): DateFormat {
  return dateFormat;
}

/**
 * A calendar day `2026-01-09` in the format of the settings: `2026-01-09` (ISO, the default),
 * `Jan 9, 2026`, `09.01.2026` or `01/09/2026`; never shifted by the local time zone.
 */
export function formatDate(date: string | null, format: DateFormat = dateFormat): string {
  if (!date) return '—';
  const y = date.slice(0, 4);
  const m = date.slice(5, 7);
  const d = date.slice(8, 10);
  switch (format) {
    case 'medium':
      return `${MONTHS[Number(m) - 1] ?? m} ${Number(d)}, ${y}`;
    case 'dmy':
      return `${d}.${m}.${y}`;
    case 'mdy':
      return `${m}/${d}/${y}`;
    default:
      return date.slice(0, 10);
  }
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A moment (an ISO timestamp) as the local day in the settings' format and the time, `2026-01-09 14:05`. */
export function formatDateTime(iso: string): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const day = `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`;
  return `${formatDate(day)} ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** A share count scaled to read at a glance: `4.68 B`, `35.66 M`, `12.50 K`, `950`. */
export function formatVolume(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e12) return `${(v / 1e12).toFixed(2)} T`;
  if (a >= 1e9) return `${(v / 1e9).toFixed(2)} B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(2)} M`;
  if (a >= 1e4) return `${(v / 1e3).toFixed(2)} K`;
  return formatCount(v);
}

/** A message's raw floats rounded as prices are shown: `92.06999969482422` → `92.07`. */
export function roundFloats(text: string): string {
  return text.replace(/\d+\.\d{3,}/g, (n) => Number(n).toFixed(2));
}

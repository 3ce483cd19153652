/** A file size for people: 812 kB, 12.4 MB, 1.2 GB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}

/** How a backup's reason reads. */
export const REASON_LABEL = {
  daily: 'at quit',
  migration: 'before an upgrade',
  manual: 'by hand',
  restore: 'before a restore',
} as const;

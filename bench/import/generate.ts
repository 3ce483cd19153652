import fs from 'node:fs';
import { nextTradingDay } from '../../src/shared/calendar';
import { prng } from '../../tests/helpers/prng';

/**
 * Writes a multi-ticker daily CSV (`Ticker,Date,Open,High,Low,Close,Adj Close,Volume,Import`) of
 * `tickers × days` valid bars on NYSE trading days, streaming so memory stays flat. The trailing
 * `Import` column (always 1) lets the sqlite3 tool `.import` the same file into the `bars` table
 * column for column; Breadth ignores a column it does not know.
 */
export function generateCsv(file: string, tickers: number, days: number, seed = 42): void {
  const rand = prng(seed);
  const dates: string[] = [];
  let d = '2000-01-03';
  for (let i = 0; i < days; i++) {
    dates.push(d);
    d = nextTradingDay(d);
  }
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, 'Ticker,Date,Open,High,Low,Close,Adj Close,Volume,Import\n');
    for (let t = 0; t < tickers; t++) {
      const sym = `T${String(t).padStart(4, '0')}`;
      let close = 20 + rand() * 200;
      let out = '';
      for (let i = 0; i < days; i++) {
        const open = close * (1 + (rand() - 0.5) * 0.02);
        close = close * (1 + (rand() - 0.5) * 0.04);
        const high = Math.max(open, close) * (1 + rand() * 0.01);
        const low = Math.min(open, close) * (1 - rand() * 0.01);
        const vol = 100000 + Math.floor(rand() * 9_000_000);
        out += `${sym},${dates[i]},${open.toFixed(2)},${high.toFixed(2)},${low.toFixed(2)},${close.toFixed(2)},${(close * 0.98).toFixed(2)},${vol},1\n`;
        if (out.length > 1 << 20) {
          fs.writeSync(fd, out);
          out = '';
        }
      }
      fs.writeSync(fd, out);
    }
  } finally {
    fs.closeSync(fd);
  }
}

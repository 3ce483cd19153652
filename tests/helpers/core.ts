import path from 'node:path';
import { refreshTickerTotals } from '../../src/main/archive/repository';
import { createCore, type Core, type CoreOptions } from '../../src/main/core';
import { MemoryStore, Settings, settingsDefaults } from '../../src/main/settings';
import { tempDir } from './archive';

/** A core over a fresh archive in a temporary folder, with in-memory settings. */
export function freshCore(
  host: Core['host'] = 'browser',
  extra: Pick<CoreOptions, 'printer' | 'chooseTarget'> = {},
): { core: Core; dir: string; cleanup: () => void } {
  const t = tempDir();
  const core = createCore({
    archivePath: path.join(t.dir, 'archive.sqlite'),
    settings: new Settings(new MemoryStore(settingsDefaults)),
    host,
    version: '0.0.0-test',
    ...extra,
  });
  return {
    core,
    dir: t.dir,
    cleanup: () => {
      core.close();
      t.cleanup();
    },
  };
}

/** Inserts bars directly (for tests of readers, not of the importer). Rows: [date, o, h, l, c, adjClose, volume]. */
export function insertBars(core: Core, ticker: string, rows: Array<[string, number, number, number, number, number | null, number | null]>): void {
  const db = core.db;
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO tickers(symbol) VALUES (?)').run(ticker);
    const stmt = db.prepare('INSERT INTO bars(ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,?,?)');
    for (const r of rows) stmt.run(ticker, ...r);
    refreshTickerTotals(db, [ticker]);
  })();
}

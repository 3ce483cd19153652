/** The remembered ticker list: the same answer while the archive is unchanged, a fresh one after any write. */
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentTickers, listTickers, refreshTickerTotals } from '../../../src/main/archive/repository';
import type { Core } from '../../../src/main/core';
import { freshCore, insertBars } from '../../helpers/core';

describe('currentTickers', () => {
  let core: Core;
  let cleanup: () => void;
  beforeEach(() => ({ core, cleanup } = freshCore()));
  afterEach(() => cleanup());

  it('answers from memory while nothing changed', () => {
    insertBars(core, 'SPY', [['2026-01-09', 1, 2, 0.5, 1.5, null, 100]]);
    const a = currentTickers(core.db);
    expect(a.map((t) => t.symbol)).toEqual(['SPY']);
    expect(currentTickers(core.db)).toBe(a);
    // A read is not a change.
    core.db.prepare('SELECT count(*) FROM bars').get();
    expect(currentTickers(core.db)).toBe(a);
  });

  it("reads again after this connection's writes, of any table the list comes from", () => {
    const empty = currentTickers(core.db);
    expect(empty).toEqual([]);
    insertBars(core, 'IWM', [['2026-01-09', 1, 2, 0.5, 1.5, null, 100]]);
    expect(currentTickers(core.db).map((t) => [t.symbol, t.bars])).toEqual([['IWM', 1]]);
    core.db.prepare("UPDATE tickers SET name = 'iShares Russell 2000 ETF' WHERE symbol = 'IWM'").run();
    expect(currentTickers(core.db)[0]!.name).toBe('iShares Russell 2000 ETF');
    expect(currentTickers(core.db)).toEqual(listTickers(core.db));
  });

  it('reads again after another connection commits (the import worker, a restore)', () => {
    expect(currentTickers(core.db)).toEqual([]);
    const other = new Database(core.archivePath);
    try {
      other.transaction(() => {
        other.prepare("INSERT INTO tickers (symbol) VALUES ('XLB')").run();
        other.prepare("INSERT INTO bars (ticker, date, open, high, low, close, volume) VALUES ('XLB', '2026-01-09', 1, 2, 0.5, 1.5, 10)").run();
        refreshTickerTotals(other, ['XLB']);
      })();
    } finally {
      other.close();
    }
    expect(currentTickers(core.db).map((t) => [t.symbol, t.bars, t.lastDate])).toEqual([['XLB', 1, '2026-01-09']]);
  });
});

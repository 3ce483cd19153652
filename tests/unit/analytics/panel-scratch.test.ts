import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { metricsPanel } from '../../../src/main/analytics/service';
import { openArchive } from '../../../src/main/db/open';
import { processFile } from '../../../src/main/import/import-file';
import { freshArchive } from '../../helpers/archive';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('panels decoded into reused arrays', () => {
  it('a panel is the same whatever panels of other tickers the connection computed before it', () => {
    const a = freshArchive();
    cleanups.push(a.cleanup);
    for (const f of ['yahoo/SPY.csv', 'stooq/xli.us.txt', 'yahoo/XLU.csv']) expect(processFile(a.db, { path: path.join(real, f) }, {}, 'import').status).toBe('imported');
    const q = (ticker: string) => ({ ticker, from: '2024-01-02', to: '2024-06-28', basis: 'as-traded' as const });
    const interleaved = ['SPY', 'XLI', 'XLU', 'SPY', 'XLI'].map((t) => metricsPanel(a.db, q(t)));
    for (const [i, t] of ['SPY', 'XLI', 'XLU', 'SPY', 'XLI'].entries()) {
      // Each on a connection of its own that computed nothing before.
      const { db } = openArchive(a.file, { readonly: true });
      expect(interleaved[i]).toEqual(metricsPanel(db, q(t)));
      db.close();
    }
    expect(interleaved[0]!.close.value).not.toBe(interleaved[1]!.close.value);
  });
});

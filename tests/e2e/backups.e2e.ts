import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, invokeInPage, keepScreenshot, runCli, startHost, test } from './support/host';
import { importWithCli, YFINANCE_EXCERPTS } from './support/import-seed';

const tickerRows = (page: Page): Locator =>
  page.getByRole('table', { name: 'Tickers in the archive' }).getByRole('row');

test.describe('backups', () => {
  test.use({ seed: { run: (db) => importWithCli(db, YFINANCE_EXCERPTS.slice(0, 2)) } });

  test('back up from the Overview, import another file, restore the backup: the window reloads on the archive as it was', async ({ page, host }) => {
    await page.goto(host.url);
    const bar = page.getByRole('region', { name: 'Backups' });
    await expect(bar.getByTestId('backups-latest')).toHaveText('No backup yet');
    await expect(page.getByTestId('stat-tickers')).toHaveText('2');
    await bar.getByRole('button', { name: 'Back up now' }).click();
    await expect(bar.getByTestId('backups-latest')).toContainText('Last backup');
    await expect(bar.getByTestId('backups-latest')).toContainText('(by hand)');

    // Another ticker arrives after the backup (through the CLI, as another process).
    importWithCli(host.dbPath, YFINANCE_EXCERPTS.slice(2));
    await page.reload();
    await expect(page.getByTestId('stat-tickers')).toHaveText('3');

    await bar.getByRole('button', { name: 'All backups (1)' }).click();
    const list = page.getByRole('table', { name: 'Backups of the archive' });
    await list.getByRole('button', { name: 'Restore…' }).click();
    await keepScreenshot(page, 'backups-restore-confirm');
    // The page reloads once the archive is restored: wait for the fresh document.
    await Promise.all([page.waitForEvent('load'), list.getByRole('button', { name: 'Replace the archive with it' }).click()]);
    await expect(page.getByTestId('stat-tickers')).toHaveText('2');
    await expect(tickerRows(page)).toHaveCount(3); // header + IWM + SPY
    // The archive as it was before the restore is a backup too: two in the list now.
    await bar.getByRole('button', { name: 'All backups (2)' }).click();
    await expect(page.getByRole('table', { name: 'Backups of the archive' })).toContainText('before a restore');
    const db = new Database(host.dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare('SELECT symbol FROM tickers WHERE bar_count > 0 ORDER BY symbol').all() as Array<{ symbol: string }>).map((r) => r.symbol)).toEqual(['IWM', 'SPY']);
    db.close();
  });
});

test('a damaged archive: the check a moment after start-up says so and restores the latest good backup', async ({ page }) => {
  let good = '';
  const host = await startHost(async (dbPath) => {
    importWithCli(dbPath, YFINANCE_EXCERPTS);
    const out = await runCli(['backup', '--db', dbPath]);
    good = (out as { name: string }).name;
    // Damage two leaf pages of the bars table behind SQLite's back: the header, the schema and the
    // tickers stay whole, so the archive opens and only the check of every page sees it.
    const db = new Database(dbPath);
    db.pragma('wal_checkpoint(TRUNCATE)');
    const leaves = (db.prepare("SELECT pageno FROM dbstat WHERE name = 'bars' AND pagetype = 'leaf' ORDER BY pageno").all() as Array<{ pageno: number }>).map((r) => r.pageno);
    db.close();
    const fd = fs.openSync(dbPath, 'r+');
    for (const page of leaves.slice(leaves.length >> 1, (leaves.length >> 1) + 2)) fs.writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 4096 * (page - 1));
    fs.closeSync(fd);
  });
  try {
    await page.goto(host.url);
    const notice = page.getByTestId('archive-damaged');
    await expect(notice).toBeVisible({ timeout: 30_000 });
    await expect(notice).toContainText('The archive is damaged.');
    await keepScreenshot(page, 'backups-damaged-notice');
    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: /^Restore the backup of / }).click()]);
    await expect(page.getByTestId('stat-tickers')).toHaveText('3');
    // The archive checks whole now, so the notice has nothing to say.
    expect(await invokeInPage(page, 'backups:check', {})).toMatchObject({ ok: true, data: { ok: true, problems: [] } });
    await expect(notice).toHaveCount(0);
    const db = new Database(host.dbPath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    const kept = fs.readdirSync(path.join(host.dir, 'backups'));
    expect(kept).toContain(good);
    expect(kept.some((n) => n.endsWith('-restore.sqlite.damaged'))).toBe(true);
  } finally {
    await host.stop();
    host.cleanup();
  }
});

import fs from 'node:fs';
import path from 'node:path';
import { dropFiles } from './support/drop';
import { expect, keepScreenshot, repoRoot, test } from './support/host';

const shared = path.resolve(repoRoot, '../shared/data');

const read = (rel: string): { name: string; text: string } => ({
  name: path.basename(rel),
  text: fs.readFileSync(path.join(shared, rel), 'utf8'),
});

test('drop files, see the preview, import with progress, see the summary, undo', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('archive-empty')).toBeVisible();
  // The empty archive offers the action that fills it.
  await page.getByTestId('archive-empty').getByRole('button', { name: 'Import…' }).click();
  await expect(page.getByRole('tab', { name: 'Imports' })).toHaveAttribute('aria-selected', 'true');

  // Record every progress value the bar shows, however briefly.
  await page.evaluate(() => {
    const seen: Array<[number, number]> = [];
    (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
    new MutationObserver(() => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="import-progress"]');
      if (bar) seen.push([bar.value, bar.max]);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });

  await dropFiles(page, [read('yfinance/IWM.csv'), read('yfinance-max/^GSPC.csv')]);
  await expect(page.getByRole('tab', { name: 'Imports' })).toHaveAttribute('aria-selected', 'true');

  const iwm = page.getByRole('article', { name: 'Preview of IWM.csv' });
  const gspc = page.getByRole('article', { name: 'Preview of ^GSPC.csv' });
  await expect(iwm.getByTestId('detected-provider')).toHaveText('yfinance');
  await expect(iwm.getByTestId('detected-ticker')).toHaveText('IWM');
  await expect(iwm.getByTestId('detected-date-format')).toHaveText('YYYY-MM-DD');
  await expect(gspc.getByTestId('detected-ticker')).toHaveText('^GSPC');
  const gspcLines = read('yfinance-max/^GSPC.csv').text.trim().split('\n');
  await expect(gspc.getByTestId('count-rows')).toHaveText(`${(gspcLines.length - 1).toLocaleString('en-US')} rows`);
  await expect(gspc.getByTestId('count-rejected')).toHaveText('0 rejected');
  // The first row of the preview is the file's first data row.
  const first = gspcLines[1]!.split(',');
  await expect(gspc.getByRole('table', { name: 'First rows' }).getByRole('row').nth(1)).toContainText(first[0]!);
  await keepScreenshot(page, 'import-preview');

  await page.getByRole('button', { name: /^Import 2 files$/ }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toBeVisible({ timeout: 60_000 });
  await expect(summary.getByRole('heading')).toContainText('2 of 2 files imported');
  const seen = await page.evaluate(() => (window as unknown as { progressSeen: Array<[number, number]> }).progressSeen);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.some(([value, max]) => max > 1 && value > 0)).toBe(true);
  await keepScreenshot(page, 'import-summary');

  // The archive now holds both, as the CLI sees it too.
  const info = (await host.cli(['info'])) as { tickers: number; bars: number };
  expect(info.tickers).toBe(2);
  await expect(page.getByRole('table', { name: 'Imports' }).getByRole('row')).toHaveCount(3);

  // Undo the ^GSPC import from the history.
  const row = page.getByRole('table', { name: 'Imports' }).getByRole('row', { name: /\^GSPC\.csv/ });
  await row.getByRole('button', { name: 'Undo' }).click();
  await row.getByRole('button', { name: 'Remove its bars' }).click();
  await expect(row).toContainText('undone');
  // The summary above no longer stands as written.
  await expect(page.getByTestId('import-summary')).toContainText('undone since');
  const after = (await host.cli(['info'])) as { tickers: number; bars: number };
  expect(after.bars).toBe(info.bars - (gspcLines.length - 1));
});

test('a file with bad rows is reported line by line and imports nothing by default', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Imports' }).click();
  await dropFiles(page, [read('bad/SP500-spliced.csv')]);
  const card = page.getByRole('article', { name: 'Preview of SP500-spliced.csv' });
  await expect(card.getByTestId('count-rejected')).toHaveText('2,517 rejected');
  const problems = card.getByRole('table', { name: 'Problems' });
  await expect(problems.getByRole('row').nth(1)).toContainText('2825');
  await expect(problems.getByRole('row').nth(1)).toContainText('High 1636.88 is below Close 1649.60');
  await expect(problems.getByRole('row').nth(1)).toContainText('5/24/2013,1646.67,1636.88,1649.78,1649.6');
  await keepScreenshot(page, 'import-rejected');
  // The ticker came from the file name; the analyst names it properly.
  await expect(card.getByTestId('detected-ticker')).toHaveText('SP500-SPLICED');
  await card.getByRole('button', { name: 'change' }).click();
  await card.getByLabel('Ticker for this file').fill('^gspc');
  await card.getByRole('button', { name: 'OK' }).click();
  await expect(card.getByTestId('detected-ticker')).toHaveText('^GSPC');
  await expect(card.getByTestId('count-rejected')).toHaveText('2,517 rejected');
  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  await expect(page.getByTestId('import-summary')).toContainText('0 of 1 file imported');
  await expect(page.getByTestId('import-summary')).toContainText('2,517 rows rejected');
  expect(((await host.cli(['info'])) as { bars: number }).bars).toBe(0);
});

test('a file of 1,000 tickers previews as a searchable table, imports, and keeps the page its width with Undo in reach', async ({ page, host }) => {
  // Synthetic: ../shared/data has no many-ticker file. Built from the real stooq SPY excerpt's last
  // 5 rows, repeated for 1,000 made-up symbols (T0000.US …) with the prices scaled per symbol.
  const rows = fs
    .readFileSync(path.join(repoRoot, 'tests/fixtures/import/real/stooq/spy.us.txt'), 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(-5)
    .map((l) => l.split(','));
  const lines = ['<TICKER>,<PER>,<DATE>,<TIME>,<OPEN>,<HIGH>,<LOW>,<CLOSE>,<VOL>,<OPENINT>'];
  for (let i = 0; i < 1000; i++) {
    const k = 1 + i / 1000;
    const sym = `T${String(i).padStart(4, '0')}.US`;
    for (const f of rows) lines.push([sym, f[1], f[2], f[3], ...f.slice(4, 8).map((v) => (Number(v) * k).toFixed(4)), f[8], f[9]].join(','));
  }
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(host.url);
  await dropFiles(page, [{ name: 'universe.us.txt', text: lines.join('\n') + '\n' }]);
  const preview = page.getByRole('article', { name: 'Preview of universe.us.txt' });
  await expect(preview.getByTestId('detected-ticker')).toHaveText('1,000 tickers (listed below)');
  await expect(preview.getByTestId('ticker-table-count')).toHaveText('1,000 tickers');
  // Virtualised: a screenful of rows, not a thousand.
  expect(await preview.locator('.ticker-row').count()).toBeLessThan(40);
  await preview.getByLabel('Find a ticker in the file').fill('T0999');
  await expect(preview.getByTestId('ticker-table-count')).toHaveText('1 of 1,000');
  await expect(preview.locator('.ticker-row')).toHaveCount(1);
  await expect(preview.locator('.ticker-row')).toContainText('T0999');
  await keepScreenshot(page, 'import-1000-tickers-preview');

  await page.getByRole('button', { name: /^Import 1 file$/ }).click();
  await expect(page.getByTestId('import-summary')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('import-summary')).toContainText('and 980 more tickers');
  const row = page.getByRole('table', { name: 'Imports' }).getByRole('row', { name: /universe\.us\.txt/ });
  await expect(row).toContainText('T0000, T0001, T0002, T0003, T0004 and 995 more');
  // Nothing is wider than the window, and Undo is where the eye finds it.
  const width = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(width.doc).toBeLessThanOrEqual(width.view);
  const undo = row.getByRole('button', { name: 'Undo' });
  await undo.scrollIntoViewIfNeeded();
  const box = (await undo.boundingBox())!;
  const pane = (await page.locator('.main-pane').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(pane.x);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
  // The pane itself did not have to scroll sideways to show it.
  const wide = await page.locator('.main-pane').evaluate((pane) =>
    [...pane.querySelectorAll('*')]
      // What sticks out of the pane (content inside a box that scrolls by itself is that box's business).
      .filter((e) => e.getBoundingClientRect().right > pane.getBoundingClientRect().right + 1 && !e.closest('.scroll-x'))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().width)}`),
  );
  expect(wide).toEqual([]);
  expect(await page.locator('.main-pane').evaluate((el) => el.scrollLeft)).toBe(0);
  await keepScreenshot(page, 'import-1000-tickers-history');
  const info = (await host.cli(['info'])) as { tickers: number; bars: number };
  expect(info).toMatchObject({ tickers: 1000, bars: 5000 });
});

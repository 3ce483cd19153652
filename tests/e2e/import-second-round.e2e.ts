/**
 * The import's second round in Chromium against the browser host: a bad file among clean ones is
 * listed first and "import despite rejected rows" applies to it alone; a yfinance several-tickers file
 * previews as its tickers, side by side; a close-only series (FRED's SP500, real closes) imports and
 * draws as a line, its legend without open, high and low, and without an empty volume pane.
 */
import fs from 'node:fs';
import path from 'node:path';
import { dropFiles } from './support/drop';
import { expect, keepScreenshot, repoRoot, test } from './support/host';

const fixture = (rel: string): { name: string; text: string } => ({
  name: path.basename(rel),
  text: fs.readFileSync(path.join(repoRoot, 'tests/fixtures/import', rel), 'utf8'),
});

test('a bad file among clean ones comes first, and importing it despite its rejected rows is its own choice', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Imports' }).click();
  await dropFiles(page, [fixture('real/yfinance/SPY.csv'), fixture('real/bad/SP500-spliced.csv'), fixture('real/yfinance/IWM.csv')]);
  const cards = page.getByTestId('file-preview');
  await expect(cards).toHaveCount(3);
  await expect(page.getByTestId('files-to-decide')).toHaveText('1 of 3 files need a decision; they are listed first.');
  await expect(cards.first()).toHaveAttribute('aria-label', 'Preview of SP500-spliced.csv');
  const bad = cards.first();
  await expect(bad.getByTestId('count-rejected')).toHaveText('16 rejected');
  const allow = bad.getByLabel('Import this file despite its rejected rows');
  await expect(bad.locator('.allow-rejected')).toContainText('Unticked, the file is not imported.');
  await keepScreenshot(page, 'import-decide-first');
  await allow.check();
  await expect(bad.locator('.allow-rejected')).toContainText('leaving out the 16 rejected');
  // The clean files carry no such choice.
  await expect(page.getByRole('article', { name: 'Preview of SPY.csv' }).getByLabel('Import this file despite its rejected rows')).toHaveCount(0);
  await expect(page.getByTestId('files-to-decide')).toHaveCount(0);
  await page.getByRole('button', { name: /^Import 3 files$/ }).click();
  await expect(page.getByTestId('import-summary')).toContainText('3 of 3 files imported');
  const info = (await host.cli(['info'])) as { tickers: number };
  expect(info.tickers).toBe(3);
});

test('a yfinance download of several tickers previews as each of them; a close-only series draws as a line', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Imports' }).click();
  await dropFiles(page, [fixture('synthetic/yfinance-multi/download.csv'), fixture('synthetic/close-only/SP500.csv')]);
  const wide = page.getByRole('article', { name: 'Preview of download.csv' });
  await expect(wide.getByTestId('detected-ticker')).toHaveText('IWM, SPY (side by side, one each)');
  const fred = page.getByRole('article', { name: 'Preview of SP500.csv' });
  await expect(fred.getByTestId('detected-prices')).toHaveText('as traded, closes only');
  await expect(fred.getByTestId('count-rejected')).toHaveText('0 rejected');
  await fred.getByRole('button', { name: 'change' }).click();
  await fred.getByLabel('Ticker for this file').fill('^GSPC');
  await fred.getByRole('button', { name: 'OK' }).click();
  await expect(fred.getByTestId('detected-ticker')).toHaveText('^GSPC');
  await keepScreenshot(page, 'import-wide-and-close-only');
  await page.getByRole('button', { name: /^Import 2 files$/ }).click();
  await expect(page.getByTestId('import-summary')).toContainText('2 of 2 files imported');

  await page.getByRole('tab', { name: 'Chart' }).click();
  await page.getByRole('button', { name: '^GSPC', exact: true }).click();
  const chart = page.getByTestId('price-chart');
  await expect(chart).toHaveAttribute('data-close-only', 'true');
  await expect(chart).toHaveAttribute('data-bars', '47');
  await expect(page.getByTestId('legend-close')).toBeVisible();
  await expect(page.getByTestId('legend-open')).toHaveCount(0);
  // The legend shows the moving averages drawn, at the bar under the crosshair (the last, here) = the CLI's.
  const m = (await host.cli(['metrics', '--ticker', '^GSPC', '--from', '2026-01-09', '--to', '2026-01-09'])) as { sma20: number };
  await expect(page.getByTestId('legend-sma20')).toHaveText(m.sma20.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  await expect(page.getByTestId('legend-sma50')).toHaveText('—');
  // No volume: no empty volume pane.
  await expect(chart).toHaveAttribute('data-volume-pane', 'false');
  await keepScreenshot(page, 'chart-close-only');
  await page.getByRole('button', { name: 'IWM', exact: true }).click();
  await expect(chart).toHaveAttribute('data-close-only', 'false');
  await expect(chart).toHaveAttribute('data-volume-pane', 'true');
  await keepScreenshot(page, 'chart-after-close-only');
});

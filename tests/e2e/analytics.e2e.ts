import path from 'node:path';
import { expect, keepScreenshot, repoRoot, runCli, test } from './support/host';

const shared = path.resolve(repoRoot, '../shared/data');
const files = ['IWM', 'SPY', '^RUT', 'XLB', 'XLI', 'XLRE', 'XLU'].map((t) => path.join(shared, 'yfinance', `${t}.csv`));

test.use({
  seed: {
    run: async (db) => {
      // Real yfinance files; XLB's 2025-09-08 row (Open above High) is rejected, the rest imported.
      await runCli(['import', '--db', db, '--allow-rejected', ...files]);
    },
  },
});

test('figures of a window agree with the data README, and explain themselves on hover', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Analytics' }).click();
  await page.getByLabel('Ticker', { exact: true }).selectOption('IWM');
  await page.getByLabel('From').fill('2025-12-01');
  await page.getByLabel('To').fill('2026-01-09');

  const panel = page.getByTestId('metrics-panel');
  await expect(panel.getByTestId('window-notes')).toContainText('28 trading days');
  await expect(panel.getByTestId('fig-dailyVolatility')).toHaveText('0.92 %');
  await expect(panel.getByTestId('fig-averageVolume')).toHaveText('35.66 M');
  await expect(panel.getByTestId('fig-openToClose')).toHaveText('+6.33 %');

  // Hovering a figure says how it was computed.
  await panel.getByTestId('fig-dailyVolatility').hover();
  const tip = page.getByRole('tooltip').filter({ visible: true });
  await expect(tip).toContainText('sample sd (n − 1) of 27 daily close-to-close returns');
  await expect(tip).toContainText('28 bars');
  await expect(tip).toContainText('2025-12-01');

  await page.getByLabel('Ticker', { exact: true }).selectOption('^RUT');
  await page.getByLabel('From').fill('2025-12-01');
  await page.getByLabel('To').fill('2026-01-09');
  await expect(panel.getByTestId('fig-close')).toHaveText('2,624.22');
  await expect(panel.getByTestId('fig-sma20')).toHaveText('2,542.44');
  await expect(panel.getByTestId('fig-openToClose')).toHaveText('+5.72 %');
  await keepScreenshot(page, 'analytics-figures');
});

test('relative performance and the sector table over a window', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Analytics' }).click();
  await page.getByLabel('Ticker', { exact: true }).selectOption('IWM');
  await page.getByLabel('From').fill('2025-12-01');
  await page.getByLabel('To').fill('2026-01-09');

  const rel = page.getByTestId('relative-panel');
  await rel.getByLabel('A', { exact: true }).selectOption('IWM');
  await rel.getByLabel('B', { exact: true }).selectOption('SPY');
  const expected = (await host.cli(['relative', '--a', 'IWM', '--b', 'SPY', '--from', '2025-12-01', '--to', '2026-01-09'])) as {
    difference: number;
  };
  const pct = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(2)} %`;
  await expect(rel.getByTestId('rel-difference')).toHaveText(pct(expected.difference));
  await expect(rel.getByRole('img', { name: 'IWM/SPY rebased' })).toBeVisible();

  const group = page.getByTestId('group-panel');
  await group.getByLabel('Tickers of the group').fill('XLB, XLI, XLRE, XLU');
  const day = (await host.cli(['group', '--tickers', 'XLB,XLI,XLRE,XLU', '--date', '2026-01-09'])) as {
    rows: Array<{ ticker: string; change: number }>;
  };
  await expect(group.getByTestId('group-span')).toHaveText('· one day, 2026-01-09');
  const rows = group.getByRole('table', { name: 'Group changes' }).getByRole('row');
  await expect(rows).toHaveCount(5);
  for (const [i, r] of day.rows.entries()) {
    await expect(rows.nth(i + 1)).toContainText(r.ticker);
    await expect(group.getByTestId(`group-change-${r.ticker}`)).toHaveText(pct(r.change));
  }
  await keepScreenshot(page, 'analytics-relative-group');
});

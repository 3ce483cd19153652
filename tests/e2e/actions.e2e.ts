/**
 * Corporate actions in Chromium against the browser host, on the sample: XLB's figures say they span a
 * suspected 2:1 split and offer to record it; one click records it and the figures become the
 * split-adjusted ones the CLI computes (and pandas, in tests/unit/actions); the chart loses its cliff;
 * removing the split brings the warning back. IWM lists the dividend the sample records, and its
 * as-traded return over the report window reads +5.97 %.
 */
import { expect, invokeInPage, keepScreenshot, startHost, test } from './support/host';

const price = (v: number): string => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

test('a suspected split recorded in one click puts the figures right, and taken back brings the warning back', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await page.getByRole('region', { name: 'Analytics' }).getByLabel('Ticker', { exact: true }).selectOption('XLB');
    const panel = page.getByTestId('metrics-panel');
    const notice = panel.getByTestId('suspected-splits');
    await expect(notice).toContainText('XLB closed ×0.49 on 2025-11-17: an unadjusted 2:1 split, it seems.');
    await expect(panel.getByTestId('fig-sma50')).toHaveText('55.56');
    await keepScreenshot(page, 'actions-suspected-split');

    await notice.getByRole('button', { name: 'Record 2:1 split on 2025-11-17' }).click();
    await expect(notice).toHaveCount(0);
    const cli = (await host.cli(['metrics', '--ticker', 'XLB', '--from', '2025-12-01', '--to', '2026-01-09'])) as Record<string, number>;
    expect(cli.sma50).toBeCloseTo(44.34, 2);
    await expect(panel.getByTestId('fig-sma50')).toHaveText(price(cli.sma50!));
    await expect(panel.getByTestId('fig-high52w')).toHaveText(price(cli.high52w!));

    const actions = page.getByTestId('actions-panel');
    await actions.locator('summary').click();
    await expect(actions.locator('summary')).toContainText('(1 split)');
    const table = actions.getByRole('table', { name: 'Corporate actions of XLB' });
    await expect(table.getByRole('row').nth(1)).toContainText('2025-11-17');
    await expect(table.getByRole('row').nth(1)).toContainText('Split 2:1');
    await expect(table.getByRole('row').nth(1)).toContainText('confirmed');
    await actions.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'actions-recorded');

    // The chart draws split-adjusted prices: no −50 % cliff on 2025-11-17.
    const { data: bars } = await invokeInPage<{ data: { dates: string[]; close: { $f64: string } } }>(page, 'archive:bars', { ticker: 'XLB', from: '2025-11-14', to: '2025-11-17' });
    const bytes = Buffer.from(bars.close.$f64, 'base64');
    const close = new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8);
    expect(bars.dates).toEqual(['2025-11-14', '2025-11-17']);
    expect(close[1]! / close[0]!).toBeGreaterThan(0.95);

    // Taken back: the figures span the suspected split again, and say so.
    await table.getByRole('button', { name: 'Remove split 2:1 on 2025-11-17' }).click();
    await expect(notice).toBeVisible();
    await expect(panel.getByTestId('fig-sma50')).toHaveText('55.56');
  } finally {
    await host.stop();
  }
});

test("IWM lists the sample's dividend, and reads +5.97 % as traded over the report window", async ({ page }) => {
  for (const [size, scheme] of [
    [{ width: 1360, height: 860 }, 'light'],
    [{ width: 1024, height: 700 }, 'dark'],
  ] as const) {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: scheme });
    const host = await startHost(undefined, undefined, { sample: true });
    try {
      await page.goto(host.url);
      await page.getByRole('tab', { name: 'Analytics' }).click();
      await page.getByRole('region', { name: 'Analytics' }).getByLabel('Ticker', { exact: true }).selectOption('IWM');
      // The open report's window rules: 2025-12-01 → 2026-01-09.
      const panel = page.getByTestId('metrics-panel');
      await expect(panel.getByTestId('window-notes')).toContainText('28 trading days');
      await page.getByRole('region', { name: 'Analytics' }).getByLabel('Basis', { exact: true }).selectOption('as-traded');
      await expect(panel.getByTestId('fig-openToClose')).toHaveText('+5.97 %');
      await page.getByRole('region', { name: 'Analytics' }).getByLabel('Basis', { exact: true }).selectOption('total-return');
      await expect(panel.getByTestId('fig-openToClose')).toHaveText('+6.33 %');
      const actions = page.getByTestId('actions-panel');
      await actions.locator('summary').click();
      await expect(actions.getByRole('table', { name: 'Corporate actions of IWM' })).toContainText('Dividend 0.842');
      await expect(actions).toContainText('came adjusted for dividends');
      // A bad entry says what to write.
      await actions.getByLabel('Action', { exact: true }).selectOption('split');
      await actions.getByLabel('Action date').fill('2025-12-10');
      await actions.getByLabel('Split ratio').fill('two');
      await actions.getByRole('button', { name: 'Record' }).click();
      await expect(actions.getByRole('alert')).toHaveText('“two” is not a split ratio: write it as 2:1, 3:2 or 1:10 (reverse).');
      await actions.scrollIntoViewIfNeeded();
      await keepScreenshot(page, `actions-iwm-${size.width}x${size.height}-${scheme}`);
      // A day that does not exist keeps the form from being sent: nothing is recorded for the day the
      // field still held, and the browser says what is wrong with the field.
      const day = actions.getByLabel('Action date');
      await actions.getByLabel('Split ratio').fill('2:1');
      await day.fill('2025-02-30');
      await actions.getByRole('button', { name: 'Record' }).click();
      expect(await day.evaluate((el: HTMLInputElement) => [el.validity.customError, el.validationMessage])).toEqual([true, 'not a date: write it as 2026-01-09']);
      await expect(actions.getByRole('alert')).toHaveText('“two” is not a split ratio: write it as 2:1, 3:2 or 1:10 (reverse).');
      await expect(actions.getByRole('table', { name: 'Corporate actions of IWM' })).not.toContainText('Split');
    } finally {
      await host.stop();
    }
  }
});

test('the basis chosen in one view is the basis of every view, across tickers, tabs and a reload', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    const analytics = page.getByRole('region', { name: 'Analytics' });
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await analytics.getByLabel('Ticker', { exact: true }).selectOption('IWM');
    await analytics.getByLabel('Basis', { exact: true }).selectOption('as-traded');
    await expect(page.getByTestId('fig-openToClose')).toHaveText('+5.97 %');
    await analytics.getByLabel('Ticker', { exact: true }).selectOption('SPY');
    await expect(analytics.getByLabel('Basis', { exact: true })).toHaveValue('as-traded');
    await page.getByRole('tab', { name: 'Chart' }).click();
    await expect(page.getByLabel('Chart basis')).toHaveValue('as-traded');
    await page.reload();
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await expect(page.getByRole('region', { name: 'Analytics' }).getByLabel('Basis', { exact: true })).toHaveValue('as-traded');
    // Back to the default from the chart: Analytics follows.
    await page.getByRole('tab', { name: 'Chart' }).click();
    await page.getByLabel('Chart basis').selectOption('split-adjusted');
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await expect(page.getByRole('region', { name: 'Analytics' }).getByLabel('Basis', { exact: true })).toHaveValue('split-adjusted');
  } finally {
    await host.stop();
  }
});

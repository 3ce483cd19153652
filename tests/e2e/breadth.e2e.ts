/**
 * Breadth panes (issue 14) in Chromium against the browser host: the sample's sector ETFs (the report's
 * watchlist) under ^GSPC's chart, the value under the crosshair equal to the CLI's.
 */
import { expect, keepScreenshot, startHost, test } from './support/host';

test('breadth panes under ^GSPC for the report watchlist: the day under the crosshair reads as the CLI says', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toBeVisible();
    await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: '^GSPC', exact: true }).click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', '^GSPC');
    await page.getByLabel('Breadth of').selectOption('watchlist');
    await expect(chart).toHaveAttribute('data-breadth', /^watchlist /);
    const table = page.getByTestId('breadth-table');
    await expect(table).toBeVisible();

    // The CLI over the same universe, window and benchmark.
    const list = ((await host.cli(['reports'])) as Array<{ id: number }>)[0]!;
    const cliSeries = (await host.cli(['breadth', '--report', String(list.id), '--from', '2025-12-01', '--to', '2026-01-09', '--benchmark', '^GSPC'])) as {
      dates: string[];
      advancers: number[];
      decliners: number[];
      adLine: number[];
      above: { sma50: { share: Array<number | null> } };
    };
    // The last day in view first (the report's window ends 2026-01-09)…
    const last = cliSeries.dates.length - 1;
    await expect(table).toHaveAttribute('data-date', cliSeries.dates[last]!);
    await expect(table.getByTestId('breadth-adv-dec')).toContainText(`${cliSeries.advancers[last]} / ${cliSeries.decliners[last]}`);
    // …then the day under the mouse.
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.3);
    await expect.poll(async () => table.getAttribute('data-date')).not.toBe(cliSeries.dates[last]);
    const day = (await table.getAttribute('data-date'))!;
    const w = cliSeries.dates.indexOf(day);
    expect(w).toBeGreaterThan(0);
    const ad = cliSeries.adLine[w]!;
    await expect(table.getByTestId('breadth-ad-line')).toHaveText(`${ad > 0 ? '+' : ad < 0 ? '−' : ''}${Math.abs(ad)}`);
    await expect(table.getByTestId('breadth-adv-dec')).toContainText(`${cliSeries.advancers[w]} / ${cliSeries.decliners[w]}`);
    const share = cliSeries.above.sma50.share[w] ?? null;
    await expect(table.getByTestId('breadth-above-sma50')).toContainText(share === null ? '—' : `${(share * 100).toFixed(0)} %`);
    await keepScreenshot(page, 'breadth-gspc-sectors');
    // Off again: the panes go.
    await page.getByLabel('Breadth of').selectOption('off');
    await expect(chart).not.toHaveAttribute('data-breadth', /.*/);
    await expect(table).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

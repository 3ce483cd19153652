/**
 * The analyst's flow across views (issue 13), in Chromium against the browser host: one analysis window
 * kept across tickers, tabs and a reload and set back by opening a report; one date format from the
 * settings; a linear price axis that never goes below zero; an archive of 10,000 tickers searched from
 * the sidebar, the Overview and Ctrl+K.
 */
import Database from 'better-sqlite3';
import { openArchive } from '../../src/main/db/open';
import { refreshTickerTotals } from '../../src/main/archive/repository';
import { expect, keepScreenshot, startHost, test } from './support/host';
import { archiveBars } from './support/import-seed';

test('the analysis window is one selection: kept across tickers, tabs and a reload, set back by opening a report', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toBeVisible();
    const lastIwm = archiveBars(host.dbPath, 'IWM').at(-1)!.date;

    // Picked in Analytics…
    await page.getByRole('tab', { name: 'Analytics' }).click();
    const presets = page.getByRole('radiogroup', { name: 'Window presets' });
    const windowGroup = page.getByRole('group', { name: 'Window' });
    await presets.getByRole('radio', { name: '3M' }).click();
    await expect(windowGroup.getByLabel('To', { exact: true })).toHaveValue(lastIwm);
    // …it is the chart's range and the watchlist's column…
    await page.getByRole('tab', { name: 'Chart' }).click();
    const range = page.getByRole('group', { name: 'Range' });
    await expect(range.getByRole('button', { name: '3M', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('button', { name: /^Report / })).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByRole('columnheader', { name: /3M/ })).toBeVisible();
    // …and stays through a change of ticker.
    await page.getByRole('grid', { name: 'Watchlist' }).locator('[data-ticker="SPY"]').click();
    await expect(page.getByTestId('chart-ticker')).toHaveText('SPY');
    await expect(range.getByRole('button', { name: '3M', exact: true })).toHaveAttribute('aria-pressed', 'true');

    // Dates typed in compare become the window of every view.
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.getByLabel('Compare start date').fill('2025-11-03');
    await page.getByLabel('Compare end date').fill('2025-12-31');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByRole('button', { name: '2025-11-03 → 2025-12-31' })).toHaveAttribute('aria-pressed', 'true');
    await expect(range.getByRole('button', { name: '3M', exact: true })).toHaveAttribute('aria-pressed', 'false');
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await expect(windowGroup.getByLabel('From', { exact: true })).toHaveValue('2025-11-03');
    await expect(windowGroup.getByLabel('To', { exact: true })).toHaveValue('2025-12-31');
    await expect(presets.getByRole('radio', { checked: true })).toHaveCount(0);
    await expect(page.getByTestId('metrics-panel')).toContainText('2025-11-03 → 2025-12-31');

    // A reload restores it, on the same tab and ticker.
    await page.reload();
    await expect(windowGroup.getByLabel('From', { exact: true })).toHaveValue('2025-11-03');
    await expect(windowGroup.getByLabel('To', { exact: true })).toHaveValue('2025-12-31');
    await expect(page.getByRole('region', { name: 'Analytics' }).getByLabel('Ticker', { exact: true })).toHaveValue('SPY');

    // Opening a report sets its window again, until another is picked.
    await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: /^Small caps lead the rally/ }).first().click();
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await expect(presets.getByRole('radio', { name: 'Report' })).toHaveAttribute('aria-checked', 'true');
    await expect(windowGroup.getByLabel('From', { exact: true })).toHaveValue('2025-12-01');
    await expect(windowGroup.getByLabel('To', { exact: true })).toHaveValue('2026-01-09');
    await page.getByRole('tab', { name: 'Chart' }).click();
    await expect(page.getByRole('button', { name: 'Report 2025-12-01 → 2026-01-09' })).toHaveAttribute('aria-pressed', 'true');
  } finally {
    await host.stop();
  }
});

test('one date format from the settings, ISO by default, in tables, legends and summaries, kept across a reload', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toBeVisible();
    await page.getByRole('tab', { name: 'Overview' }).click();
    const last = ((await host.cli(['info'])) as { lastDate: string }).lastDate;
    await expect(page.getByTestId('stat-last')).toHaveText(last);
    await page.getByLabel('Date format').selectOption('medium');
    const [y, m, d] = last.split('-').map(Number) as [number, number, number];
    const medium = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${d}, ${y}`;
    await expect(page.getByTestId('stat-last')).toHaveText(medium);
    await expect(page.getByRole('table', { name: 'Tickers in the archive' })).toContainText(medium);
    // The chart's legend and the watchlist's summary line write dates the same way.
    await page.getByRole('tab', { name: 'Chart' }).click();
    await expect(page.getByTestId('legend-date')).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    await expect(page.getByText(/tickers · Report window Dec 1, 2025 → Jan 9, 2026/)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Report Dec 1, 2025 → Jan 9, 2026' })).toBeVisible();
    await page.reload();
    await page.getByLabel('Date format').selectOption('dmy');
    await expect(page.getByRole('button', { name: 'Report 01.12.2025 → 09.01.2026' })).toBeVisible();
    // Date fields are written and typed the same way, not in the browser's locale (01/09/2026).
    await page.getByRole('tab', { name: 'Analytics' }).click();
    const from = page.getByRole('group', { name: 'Window' }).getByLabel('From', { exact: true });
    await expect(from).toHaveValue('01.12.2025');
    await from.fill('15.12.2025');
    await expect(page.getByRole('group', { name: 'Window' }).getByRole('radio', { checked: true })).toHaveCount(0);
    await from.blur();
    await expect(from).toHaveValue('15.12.2025');
    // A day that does not exist says how to write one, stays there to be mended after leaving the
    // field (the window keeps its day), and Escape gives the window's day back.
    await from.fill('31.02.2026');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    const message = page.getByRole('status').filter({ hasText: 'not a date: write it as 09.01.2026' });
    await expect(message).toBeVisible();
    // The message covers nothing: at 1024×700 the bar wraps and the Basis select's row moves down.
    const size = page.viewportSize()!;
    for (const [width, height] of [
      [1024, 700],
      [1360, 860],
    ] as const) {
      await page.setViewportSize({ width, height });
      const [m, basis, to] = await Promise.all([
        message.boundingBox(),
        page.getByRole('group', { name: 'Window' }).getByLabel('Basis').boundingBox(),
        page.getByRole('group', { name: 'Window' }).getByLabel('To', { exact: true }).boundingBox(),
      ]);
      for (const other of [basis!, to!]) {
        const apart =
          m!.x + m!.width <= other.x ||
          other.x + other.width <= m!.x ||
          m!.y + m!.height <= other.y ||
          other.y + other.height <= m!.y;
        expect(
          apart,
          `at ${width}×${height} the message ${JSON.stringify(m)} is clear of ${JSON.stringify(other)}`,
        ).toBe(true);
      }
    }
    await page.setViewportSize(size);
    await from.blur();
    await expect(from).toHaveValue('31.02.2026');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await from.focus();
    await from.press('Escape');
    await expect(from).toHaveValue('15.12.2025');
    await expect(from).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('Date format').selectOption('iso');
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await expect(page.getByRole('group', { name: 'Window' }).getByLabel('From', { exact: true })).toHaveValue('2025-12-15');
    // The calendar button's picker (the browser's date input under it) sets the same day.
    await page.getByRole('group', { name: 'Window' }).locator('.date-input-picker').first().fill('2025-12-10');
    await expect(page.getByRole('group', { name: 'Window' }).getByLabel('From', { exact: true })).toHaveValue('2025-12-10');
    // A To before the From moves the From too (the window moves back from either field).
    await page.getByRole('group', { name: 'Window' }).getByLabel('To', { exact: true }).fill('2025-12-05');
    await expect(page.getByRole('group', { name: 'Window' }).getByLabel('From', { exact: true })).toHaveValue('2025-12-05');
    await expect(page.getByRole('group', { name: 'Window' }).getByLabel('To', { exact: true })).toHaveValue('2025-12-05');
    await page.getByRole('tab', { name: 'Chart' }).click();
    await expect(page.getByRole('button', { name: 'Report 2025-12-01 → 2026-01-09' })).toBeVisible();
  } finally {
    await host.stop();
  }
});

/** `n` weekdays ending 2026-01-09, oldest first. */
function weekdays(n: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(2026, 0, 9));
  while (out.length < n) {
    if (d.getUTCDay() % 6 !== 0) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return out.reverse();
}

test('a linear price axis never goes below zero for a stock that rose from cents', async ({ page }) => {
  const host = await startHost((dbPath) => {
    openArchive(dbPath).db.close();
    const db = new Database(dbPath);
    const dates = weekdays(1500);
    db.transaction(() => {
      db.prepare('INSERT INTO tickers (symbol) VALUES (?)').run('CENTS');
      const ins = db.prepare('INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,NULL,?)');
      // 0.50 → 120: with lightweight-charts' default margin the axis would reach about −17.
      dates.forEach((date, i) => {
        const c = 0.5 * Math.pow(240, i / (dates.length - 1));
        ins.run('CENTS', date, c, c * 1.01, c * 0.99, c, 1_000_000);
      });
      refreshTickerTotals(db, ['CENTS']);
    })();
    db.close();
  });
  try {
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Sidebar' }).getByRole('button', { name: 'CENTS', exact: true }).click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'CENTS');
    await page.getByRole('button', { name: 'Max', exact: true }).click();
    await expect.poll(async () => Number(await chart.getAttribute('data-price-min'))).toBeGreaterThanOrEqual(0);
    await expect.poll(async () => Number(await chart.getAttribute('data-price-min'))).toBeLessThan(1);
    await keepScreenshot(page, 'chart-linear-axis-from-zero');
    // On a log scale the axis keeps its margin (and stays positive by construction).
    await page.getByRole('button', { name: 'Log' }).click();
    await expect.poll(async () => Number(await chart.getAttribute('data-price-min'))).toBeGreaterThan(0);
  } finally {
    await host.stop();
  }
});

test.describe('an archive of 10,000 tickers', () => {
  const N = 10_000;
  const sym = (i: number): string => `T${String(i).padStart(4, '0')}`;
  test('the sidebar, the Overview and Ctrl+K find any ticker, rendering a screenful of rows', async ({ page }) => {
    test.setTimeout(120_000);
    const host = await startHost((dbPath) => {
      openArchive(dbPath).db.close();
      const db = new Database(dbPath);
      const dates = weekdays(30);
      db.transaction(() => {
        const t = db.prepare('INSERT INTO tickers (symbol, name) VALUES (?, ?)');
        const b = db.prepare('INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,NULL,?)');
        const all: string[] = [];
        for (let i = 0; i < N; i++) {
          const s = sym(i);
          all.push(s);
          t.run(s, `Company ${String(i).padStart(4, '0')} Holdings`);
          dates.forEach((d, k) => b.run(s, d, 10 + k, 11 + k, 9 + k, 10.5 + k, 1000 + i));
        }
        refreshTickerTotals(db, all);
      })();
      db.close();
    });
    try {
      await page.goto(host.url);
      const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
      await expect(sidebar.getByTestId('sidebar-ticker-count')).toHaveText('10,000');
      await expect(page.getByTestId('stat-tickers')).toHaveText('10,000');
      // Virtualised: a screenful of buttons and of table rows, not 10,000.
      expect(await sidebar.getByRole('list', { name: 'Tickers' }).getByRole('button').count()).toBeLessThan(80);
      const table = page.getByRole('table', { name: 'Tickers in the archive' });
      expect(await table.locator('tbody tr:not([aria-hidden])').count()).toBeLessThan(80);
      await keepScreenshot(page, 'overview-10k-tickers');

      // The sidebar's filter: prefix first; Enter opens the first match's chart.
      const filter = sidebar.getByLabel('Filter tickers');
      await filter.fill('t456');
      await expect(sidebar.getByTestId('sidebar-ticker-count')).toHaveText('10 of 10,000');
      await expect(sidebar.getByRole('list', { name: 'Tickers' }).getByRole('button').first()).toHaveText('T4560');
      await filter.fill('T4567');
      await expect(sidebar.getByRole('list', { name: 'Tickers' }).getByRole('button')).toHaveText(['T4567']);
      await filter.press('Enter');
      await expect(page.getByTestId('price-chart')).toHaveAttribute('data-drawn', 'T4567');
      await keepScreenshot(page, 'sidebar-10k-filtered');

      // The Overview's filter matches names too.
      await page.getByRole('tab', { name: 'Overview' }).click();
      await page.getByLabel("Filter the archive's tickers").fill('company 9876');
      await expect(page.getByTestId('overview-count')).toHaveText('1 of 10,000 tickers');
      await expect(table.locator('tbody th')).toHaveText(['T9876']);
      await table.getByRole('row', { name: /T9876/ }).dblclick();
      await expect(page.getByTestId('price-chart')).toHaveAttribute('data-drawn', 'T9876');

      // Ctrl+K jumps to a ticker far down the list, and to a view by its name.
      await page.keyboard.press('Control+K');
      const search = page.getByRole('combobox', { name: /Search/ });
      await search.fill('T0042');
      await expect(page.getByRole('option', { name: /T0042/ }).first()).toBeVisible();
      await search.press('Enter');
      await expect(page.getByTestId('price-chart')).toHaveAttribute('data-drawn', 'T0042');
      await page.keyboard.press('Control+K');
      await search.fill('ana');
      await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toHaveText(/View\s*Analytics/);
      await search.press('Enter');
      await expect(page.getByRole('tab', { name: 'Analytics' })).toHaveAttribute('aria-selected', 'true');
    } finally {
      await host.stop();
    }
  });
});

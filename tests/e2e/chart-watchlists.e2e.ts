import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { expect, invokeInPage, keepScreenshot, test } from './support/host';
import { archiveBars, importWithCli, insertReports, type ArchiveBar } from './support/import-seed';

const REPORT = {
  id: 1,
  title: 'Small caps led large caps',
  asOf: '2026-01-09',
  from: '2025-12-01',
  to: '2026-01-09',
  tickers: ['IWM', 'SPY', 'XLB', 'QQQ'],
};

const money = (v: number): string => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Colours painted on the chart's canvases: how many distinct ones, and how many pixels near `rgb`. */
async function canvasColours(page: Page, testId: string, rgb?: [number, number, number]): Promise<{ distinct: number; near: number; canvases: number }> {
  return page.evaluate(
    ({ testId, rgb }) => {
      const root = document.querySelector(`[data-testid="${testId}"]`)!;
      const colours = new Set<number>();
      let near = 0;
      const canvases = [...root.querySelectorAll('canvas')];
      for (const c of canvases) {
        if (!c.width || !c.height) continue;
        const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        for (let i = 0; i < data.length; i += 4) {
          if (data[i + 3] === 0) continue;
          colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
          if (rgb && Math.abs(data[i]! - rgb[0]) < 12 && Math.abs(data[i + 1]! - rgb[1]) < 12 && Math.abs(data[i + 2]! - rgb[2]) < 12) near++;
        }
      }
      return { distinct: colours.size, near, canvases: canvases.length };
    },
    { testId, rgb },
  );
}

/** Checks the legend shows exactly the archive's bar. */
async function expectLegend(page: Page, bar: ArchiveBar, prev: ArchiveBar | undefined): Promise<void> {
  const legend = page.getByTestId('chart-legend');
  await expect(legend.getByTestId('legend-date')).toHaveText(bar.date);
  await expect(legend.getByTestId('legend-open')).toHaveText(money(bar.open));
  await expect(legend.getByTestId('legend-high')).toHaveText(money(bar.high));
  await expect(legend.getByTestId('legend-low')).toHaveText(money(bar.low));
  await expect(legend.getByTestId('legend-close')).toHaveText(money(bar.close));
  await expect(legend.getByTestId('legend-volume')).toHaveText(bar.volume === null ? 'n/a' : Math.round(bar.volume).toLocaleString('en-US'));
  if (prev) {
    const ch = bar.close - prev.close;
    const sign = ch > 0 ? '+' : ch < 0 ? '−' : '';
    await expect(legend.getByTestId('legend-change')).toHaveText(`${sign}${money(Math.abs(ch))} (${sign}${money(Math.abs((bar.close / prev.close - 1) * 100))} %)`);
  }
}

async function openReportList(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('list', { name: 'Watchlists' }).getByRole('button', { name: /Small caps led large caps/ }).click();
  await expect(page.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
}

test.describe('chart and watchlists on real yfinance data', () => {
  test.use({
    seed: {
      run: (db) => {
        importWithCli(db);
        insertReports(db, [REPORT]);
      },
    },
  });

  test("a report's watchlist drives the chart; the legend shows the archive's bars", async ({ page, host }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openReportList(page, host.url);
    const grid = page.getByRole('grid', { name: 'Watchlist' });
    await expect(grid.locator('.wl-body [role="row"]')).toHaveCount(4);

    // A ticker without bars says so, with the import one click away.
    const qqq = grid.locator('[data-ticker="QQQ"]');
    await expect(qqq).toContainText('no data — import a CSV');

    // The watchlist's figures agree with the archive.
    const iwm = archiveBars(host.dbPath, 'IWM');
    const last = iwm.at(-1)!;
    const prev = iwm.at(-2)!;
    const iwmRow = grid.locator('[data-ticker="IWM"]');
    await expect(iwmRow.getByTestId('last-close')).toHaveText(money(last.close));
    await expect(iwmRow).toContainText(`${(last.close / prev.close - 1) * 100 > 0 ? '+' : ''}${money((last.close / prev.close - 1) * 100)} %`);
    // Staleness is judged as of the report's date (2026-01-09), not the computer's clock: the bars reach
    // past it, so no row is stale though they end in February.
    await expect(iwmRow.locator('.badge.stale')).toHaveCount(0);
    await expect(iwmRow.locator('.sparkline path')).toHaveAttribute('d', /^M[\d.]+ [\d.]+(L[\d.]+ [\d.]+){59}$/);

    await iwmRow.click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'IWM');
    await expect(chart).toHaveAttribute('data-bars', String(iwm.length));
    // Without the crosshair the legend shows the last bar in view: the report window's last, not a bar off-screen.
    const windowEnd = iwm.findLastIndex((b) => b.date <= REPORT.to);
    await expectLegend(page, iwm[windowEnd]!, iwm[windowEnd - 1]!);

    // The report's window is the preset shown, and its as-of date is marked.
    await expect(page.getByRole('button', { name: /Report 2025-12-01 → 2026-01-09/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(chart).toHaveAttribute('data-markers', /as-of/);

    // Keyboard: Home jumps to the first bar, arrows step through the bars.
    await chart.focus();
    await page.keyboard.press('Home');
    await expectLegend(page, iwm[0]!, undefined);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expectLegend(page, iwm[3]!, iwm[2]!);
    await page.keyboard.press('End');
    await expectLegend(page, last, prev);

    // The mouse, over the report's window again: the legend shows the archive's figures for the bar under it.
    await page.getByRole('button', { name: /Report 2025-12-01/ }).click();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.4, box.y + box.height * 0.4);
    const hovered = await page.getByTestId('legend-date').textContent();
    const i = iwm.findIndex((b) => b.date === hovered);
    expect(i).toBeGreaterThan(0);
    expect(hovered! >= REPORT.from && hovered! <= REPORT.to).toBe(true);
    await expectLegend(page, iwm[i]!, iwm[i - 1]!);

    // The canvas is really drawn on.
    const painted = await canvasColours(page, 'price-chart');
    expect(painted.distinct).toBeGreaterThan(50);
    await keepScreenshot(page, 'chart-watchlist-report-iwm');

    // Arrow keys in the watchlist move the chart to the next ticker.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(chart).toHaveAttribute('data-drawn', 'SPY');
    const spy = archiveBars(host.dbPath, 'SPY');
    await page.mouse.move(0, 0);
    const spyEnd = spy.findLastIndex((b) => b.date <= REPORT.to);
    await expectLegend(page, spy[spyEnd]!, spy[spyEnd - 1]!);
    await page.keyboard.press('ArrowDown');
    await expect(chart).toHaveAttribute('data-drawn', 'XLB');
    // The import's unadjusted-split warning is marked on its bar.
    await expect(chart).toHaveAttribute('data-markers', /issue:2025-11-17/);
    await page.getByRole('button', { name: 'Max', exact: true }).click();
    await keepScreenshot(page, 'chart-xlb-split-marker');

    // The no-data ticker: the chart says so and one click leads to the import view.
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByTestId('chart-no-data')).toContainText('QQQ: no data — import a CSV');
    await qqq.getByRole('button', { name: 'Import…' }).click();
    await expect(page.getByRole('tab', { name: 'Imports' })).toHaveAttribute('aria-selected', 'true');
    expect(errors).toEqual([]);
  });

  test('overlays switch on and off, the log scale, and compare mode rebased at the report window', async ({ page, host }) => {
    await openReportList(page, host.url);
    const grid = page.getByRole('grid', { name: 'Watchlist' });
    await grid.locator('[data-ticker="IWM"]').click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'IWM');
    await page.getByRole('button', { name: '1Y', exact: true }).click();

    // Each moving average is drawn in its own colour; switching it off removes that colour from the canvas.
    const sma200 = page.getByRole('button', { name: 'SMA 200' });
    const sma20 = page.getByRole('button', { name: 'SMA 20', exact: true });
    const SKY: [number, number, number] = [0x0e, 0xa5, 0xe9];
    const AMBER: [number, number, number] = [0xf5, 0x9e, 0x0b];
    if ((await sma200.getAttribute('aria-pressed')) === 'true') await sma200.click();
    await expect(sma200).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await canvasColours(page, 'price-chart', SKY)).near).toBe(0);
    await sma200.click();
    await expect(sma200).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await canvasColours(page, 'price-chart', SKY)).near).toBeGreaterThan(10);
    await expect(sma20).toHaveAttribute('aria-pressed', 'true');
    expect((await canvasColours(page, 'price-chart', AMBER)).near).toBeGreaterThan(20);
    await sma20.click();
    await expect.poll(async () => (await canvasColours(page, 'price-chart', AMBER)).near).toBe(0);
    await sma20.click();

    // The log scale redraws the same bars differently.
    const before = await page.getByTestId('price-chart').screenshot();
    await page.getByRole('button', { name: 'Log' }).click();
    await expect(page.getByRole('button', { name: 'Log' })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => Buffer.compare(await page.getByTestId('price-chart').screenshot(), before) !== 0).toBe(true);
    await page.getByRole('button', { name: 'Log' }).click();
    await keepScreenshot(page, 'chart-iwm-overlays-1y');

    // Compare spans the shared window: 1Y chosen above, so a year ending on IWM's last bar…
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(page.getByLabel('Compare end date')).toHaveValue(archiveBars(host.dbPath, 'IWM').at(-1)!.date);
    await page.getByRole('button', { name: 'Compare' }).click();
    // …and back on the report's window, the report's tickers rebased to 0 % at its first day; QQQ has no bars.
    await page.getByRole('button', { name: /^Report 2025-12-01/ }).click();
    await page.getByRole('button', { name: 'Compare' }).click();
    const compare = page.getByTestId('compare-chart');
    await expect(page.getByLabel('Compare start date')).toHaveValue(REPORT.from);
    await expect(compare).toHaveAttribute('data-lines', '3');
    // The comparison ends where the report's window does, unless another end is picked.
    await expect(page.getByLabel('Compare end date')).toHaveValue(REPORT.to);
    const since = (t: string, from: string, to = REPORT.to): string => {
      const bars = archiveBars(host.dbPath, t);
      const base = bars.find((b) => b.date >= from)!;
      const last = bars.filter((b) => b.date <= to).at(-1)!;
      const v = (last.close / base.close - 1) * 100;
      return `${v > 0 ? '+' : '−'}${money(Math.abs(v))} %`.replace('−', '-');
    };
    const legend = page.getByTestId('compare-legend');
    for (const t of ['IWM', 'SPY', 'XLB']) await expect(legend.getByTestId(`compare-${t}`)).toHaveText(new RegExp(`${t}\\s+${since(t, REPORT.from).replace(/[+.]/g, '\\$&').replace(' ', '\\s')}`));
    await expect(legend.getByTestId('compare-QQQ')).toHaveCount(0);
    await expect(page.getByTestId('compare-chip-QQQ')).toContainText('no data');
    expect((await canvasColours(page, 'compare-chart')).distinct).toBeGreaterThan(30);
    await keepScreenshot(page, 'chart-compare-report-window');

    // A chosen start date rebases every line there; removing a ticker removes its line.
    await page.getByLabel('Compare start date').fill('2025-06-02');
    for (const t of ['IWM', 'SPY']) await expect(legend.getByTestId(`compare-${t}`)).toHaveText(new RegExp(`${t}\\s+${since(t, '2025-06-02').replace(/[+.]/g, '\\$&').replace(' ', '\\s')}`));
    await page.getByRole('button', { name: 'Remove XLB from the comparison' }).click();
    await expect(compare).toHaveAttribute('data-lines', '2');
    // Any ticker of the archive can join, with completion; an end past the data says where each line stops.
    await page.getByLabel('Add to the comparison').fill('xl');
    await page.getByRole('option', { name: /XLB/ }).click();
    await expect(compare).toHaveAttribute('data-lines', '3');
    await page.getByLabel('Compare end date').fill('2026-06-30');
    const lastIwm = archiveBars(host.dbPath, 'IWM').at(-1)!.date;
    await expect(legend.getByTestId('compare-ends-IWM')).toHaveText(`(data end ${lastIwm})`);
    await keepScreenshot(page, 'chart-compare-end-date');
    await page.getByRole('button', { name: 'Compare' }).click();
    await expect(chart).toHaveAttribute('data-drawn', 'IWM');

    // The chart follows the theme: its background turns dark with the window's.
    const background = (): Promise<number> =>
      page.evaluate(() => {
        const canvas = [...document.querySelectorAll('[data-testid="price-chart"] canvas')].sort((a, b) => (b as HTMLCanvasElement).width - (a as HTMLCanvasElement).width)[0] as HTMLCanvasElement;
        const [r, g, b] = canvas.getContext('2d')!.getImageData(4, canvas.height - 4, 1, 1).data;
        return (r! + g! + b!) / 3;
      });
    expect(await background()).toBeGreaterThan(200);
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(background).toBeLessThan(60);
    // …and keeps its overlays (SMA 200 is on and drawn in its colour).
    await expect(sma200).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await canvasColours(page, 'price-chart', SKY)).near).toBeGreaterThan(5);
    await keepScreenshot(page, 'chart-iwm-dark');
    await sma200.click();
    await expect.poll(async () => (await canvasColours(page, 'price-chart', SKY)).near).toBe(0);
  });

  test('lists are created, filled with completion, renamed, reordered and deleted', async ({ page, host }) => {
    await page.goto(host.url);
    const lists = page.getByRole('list', { name: 'Watchlists' });
    await expect(lists.getByRole('button')).toHaveCount(1);
    await page.getByRole('button', { name: 'New watchlist' }).click();
    await page.getByLabel('Name of the new watchlist').fill('Index ETFs');
    await page.keyboard.press('Enter');
    await expect(lists.getByRole('button', { name: /Index ETFs/ })).toHaveAttribute('aria-current', 'true');
    await page.getByRole('tab', { name: 'Chart' }).click();
    await expect(page.getByText('This list is empty')).toBeVisible();

    // Completion over the archive's tickers.
    const box = page.getByRole('combobox', { name: 'Add a ticker' });
    await box.fill('i');
    await expect(page.getByRole('listbox', { name: 'Matching tickers' }).getByRole('option')).toHaveText([/IWM\s.*285 bars to 2026-02-23/]);
    await box.press('ArrowDown');
    await box.press('Enter');
    await box.fill('sp');
    await expect(page.getByRole('option', { name: /SPY/ })).toBeVisible();
    await page.getByRole('option', { name: /SPY/ }).click();
    await box.fill('DIA');
    await box.press('Enter');
    const grid = page.getByRole('grid', { name: 'Watchlist' });
    await expect(grid.locator('.wl-body [role="row"]')).toHaveCount(3);
    await expect(grid.locator('[data-ticker="DIA"]')).toContainText('no data — import a CSV');
    expect(await invokeInPage(page, 'watchlists:list', {})).toMatchObject({
      ok: true,
      data: [{ name: REPORT.title }, { name: 'Index ETFs', tickers: ['IWM', 'SPY', 'DIA'] }],
    });

    // Sorting by a column, then back to the list's own order; Alt+↓ moves a ticker down the list.
    await grid.getByRole('button', { name: 'Ticker' }).click();
    await expect(grid.locator('.wl-body [role="row"] .ticker')).toHaveText(['DIA', 'IWM', 'SPY']);
    await grid.getByRole('button', { name: /Ticker/ }).click();
    await expect(grid.locator('.wl-body [role="row"] .ticker')).toHaveText(['SPY', 'IWM', 'DIA']);
    await grid.getByRole('button', { name: /Ticker/ }).click();
    await grid.locator('[data-ticker="IWM"]').click();
    await grid.press('Alt+ArrowDown');
    await expect(grid.locator('.wl-body [role="row"] .ticker')).toHaveText(['SPY', 'IWM', 'DIA']);
    await grid.press('Delete');
    await expect(grid.locator('.wl-body [role="row"] .ticker')).toHaveText(['SPY', 'DIA']);

    // Rename, move up, delete.
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name of the watchlist').fill('Core');
    await page.keyboard.press('Enter');
    await expect(lists.getByRole('button', { name: /Core/ })).toBeVisible();
    await page.getByRole('button', { name: 'Move the watchlist up' }).click();
    await expect(lists.getByRole('button')).toHaveText([/Core/, /Small caps/]);
    await keepScreenshot(page, 'watchlist-user-list');
    await page.getByRole('button', { name: 'Delete…' }).click();
    await page.getByRole('button', { name: 'Delete “Core”' }).click();
    await expect(lists.getByRole('button')).toHaveText([/Small caps/]);
    // A report's list cannot be deleted from here.
    await expect(page.getByRole('button', { name: 'Delete…' })).toHaveCount(0);
  });

  test('switching tickers 1,000 times and remounting the chart leaks neither canvases nor memory', async ({ page, host }) => {
    // No wall-clock bound per switch: a loaded two-core machine may be slow; only leaks fail this test.
    test.setTimeout(900_000);
    // A smaller window: software rendering repaints fewer pixels per switch, the chart is the same.
    await page.setViewportSize({ width: 1100, height: 640 });
    await openReportList(page, host.url);
    const grid = page.getByRole('grid', { name: 'Watchlist' });
    await grid.locator('[data-ticker="IWM"]').click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'IWM');
    await grid.focus();
    await page.keyboard.press('ArrowDown');
    await expect(chart).toHaveAttribute('data-drawn', 'SPY');
    const cdp = await page.context().newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const canvases = (): Promise<number> => page.evaluate(() => document.querySelectorAll('canvas').length);
    const switchMany = (n: number): Promise<number> =>
      page.evaluate(async (n) => {
        const grid = document.querySelector('[data-testid="watchlist-grid"]') as HTMLElement;
        const chart = () => document.querySelector('[data-testid="price-chart"]') as HTMLElement;
        const t0 = performance.now();
        for (let i = 0; i < n; i++) {
          const key = i % 2 === 0 ? 'ArrowUp' : 'ArrowDown';
          const want = i % 2 === 0 ? 'IWM' : 'SPY';
          grid.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
          const until = performance.now() + 120_000;
          // The data is swapped synchronously; every 50th switch also waits until the chart has painted it.
          const attr = i % 50 === 49 ? 'drawn' : 'ticker';
          while (chart().dataset[attr] !== want) {
            if (performance.now() > until) throw new Error(`switch ${i}: the chart did not show ${want}`);
            await new Promise((r) => (attr === 'drawn' ? requestAnimationFrame(r) : setTimeout(r, 0)));
          }
        }
        return performance.now() - t0;
      }, n);
    const warm = await switchMany(100);
    console.log(`100 switches in ${Math.round(warm)} ms`);
    const canvasesBefore = await canvases();
    const heapBefore = await heap();
    const ms = await switchMany(Number(process.env['SWITCHES'] ?? 1000));
    expect(await canvases()).toBe(canvasesBefore);
    const heapAfter = await heap();
    // Bounded: a leak of one chart or one copy of the bars per switch would add far more than this.
    expect(heapAfter).toBeLessThan(heapBefore * 1.25 + 2_000_000);

    // Mounting and unmounting the chart (compare mode in and out) 50 times: chart.remove() frees its canvases.
    const toggle = page.getByRole('button', { name: 'Compare' });
    for (let i = 0; i < 50; i++) {
      await toggle.click();
      await expect(page.getByTestId('compare-chart')).toBeVisible();
      await toggle.click();
      await expect(chart).toHaveAttribute('data-drawn', /IWM|SPY/);
    }
    expect(await canvases()).toBe(canvasesBefore);
    expect(await heap()).toBeLessThan(heapBefore * 1.25 + 2_000_000);
    test.info().annotations.push({ type: 'switching', description: `1,000 switches in ${Math.round(ms)} ms; heap ${heapBefore} → ${heapAfter} bytes` });
    console.log(`1,000 switches in ${Math.round(ms)} ms; heap ${heapBefore} → ${heapAfter} bytes; ${canvasesBefore} canvases`);
  });

  test('a list of 1,000 tickers stays virtualised: a screenful of rows, End reaches the last', async ({ page, host }) => {
    await page.goto(host.url);
    const tickers = ['IWM', 'SPY', 'XLB', ...Array.from({ length: 997 }, (_, i) => `Z${String(i).padStart(3, '0')}`)];
    const created = await invokeInPage<{ ok: boolean; data: { id: number; tickers: string[] } }>(page, 'watchlists:create', { name: 'Big list', tickers });
    expect(created.ok).toBe(true);
    expect(created.data.tickers).toHaveLength(1000);
    await page.reload();
    await page.getByRole('list', { name: 'Watchlists' }).getByRole('button', { name: /Big list/ }).click();
    const grid = page.getByRole('grid', { name: 'Watchlist' });
    await expect(grid).toHaveAttribute('aria-rowcount', '1001');
    await expect(grid.locator('[data-ticker="IWM"]')).toContainText('260.51');
    const rendered = await grid.locator('.wl-body [role="row"]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    await grid.locator('[data-ticker="IWM"]').click();
    await grid.press('End');
    await expect(grid.locator('[data-ticker="Z996"]')).toHaveAttribute('aria-selected', 'true');
    await expect(grid.locator('[data-ticker="Z996"]')).toBeInViewport();
    await expect(grid.locator('[data-ticker="IWM"]')).toHaveCount(0);
    await expect(page.getByTestId('chart-no-data')).toContainText('Z996: no data — import a CSV');
    expect(await grid.locator('.wl-body [role="row"]').count()).toBeLessThan(40);
    await keepScreenshot(page, 'watchlist-1000-end');
    await grid.press('Home');
    await expect(page.getByTestId('price-chart')).toHaveAttribute('data-drawn', 'IWM');
  });
});

/** `n` weekdays ending 2026-01-09 with a deterministic random walk: a history long enough to load in two steps. */
function insertLongHistory(dbPath: string, ticker: string, n: number): { first: string; last: string } {
  const dates: string[] = [];
  const d = new Date(Date.UTC(2026, 0, 9));
  while (dates.length < n) {
    if (d.getUTCDay() % 6 !== 0) dates.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  dates.reverse();
  const db = new Database(dbPath);
  db.prepare('INSERT INTO tickers (symbol) VALUES (?)').run(ticker);
  const ins = db.prepare('INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,NULL,?)');
  let close = 100;
  db.transaction(() => {
    dates.forEach((date, i) => {
      const open = close;
      close = Math.max(1, close * (1 + Math.sin(i * 12.9898) * 0.02));
      ins.run(ticker, date, open, Math.max(open, close) * 1.005, Math.min(open, close) * 0.995, close, 1_000_000 + (i % 97) * 10_000);
    });
  })();
  db.close();
  return { first: dates[0]!, last: dates.at(-1)! };
}

test.describe('a long history (30,000 bars)', () => {
  const N = 30_000;
  test.use({
    seed: {
      run: (db) => {
        importWithCli(db);
        insertLongHistory(db, 'LONGA', N);
        insertLongHistory(db, 'LONGB', N);
      },
    },
  });

  test('is drawn for the range shown first, then gets its whole history; Max and the keyboard reach its first bar', async ({ page, host }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'Chart' }).click();
    const sidebar = page.getByRole('navigation', { name: 'Sidebar' });
    await sidebar.getByRole('button', { name: 'LONGA', exact: true }).click();
    const chart = page.getByTestId('price-chart');
    await expect(chart).toHaveAttribute('data-drawn', 'LONGA');
    await expect(chart).toHaveAttribute('data-bars', String(N));
    await expect(page.getByRole('button', { name: '1Y', exact: true })).toHaveAttribute('aria-pressed', 'true');
    expect((await canvasColours(page, 'price-chart')).distinct).toBeGreaterThan(50);
    await expect(chart).toHaveAttribute('data-settled', 'LONGA');
    const bars = archiveBars(host.dbPath, 'LONGA');
    await page.mouse.move(0, 0);
    await expectLegend(page, bars.at(-1)!, bars.at(-2)!);
    // The whole history is in: Home reaches the first bar.
    await chart.focus();
    await page.keyboard.press('Home');
    await expectLegend(page, bars[0]!, undefined);
    await page.keyboard.press('End');
    await expectLegend(page, bars.at(-1)!, bars.at(-2)!);

    // All, chosen right after the first frame of another long ticker (before the rest of its history is
    // in): the whole history is loaded at once and shown.
    const before = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          // A long history gets a chart of its own: watch the chart's area, not the chart.
          const area = document.querySelector('[data-testid="price-chart"]')!.closest('.chart-area')!;
          const observer = new MutationObserver(() => {
            const el = area.querySelector<HTMLElement>('[data-testid="price-chart"]');
            if (el?.dataset['drawn'] !== 'LONGB') return;
            observer.disconnect();
            const settled = el.dataset['settled'] ?? 'none';
            [...document.querySelectorAll('button')].find((b) => b.textContent === 'Max')!.click();
            resolve(settled);
          });
          observer.observe(area, { attributes: true, attributeFilter: ['data-drawn'], subtree: true });
          [...document.querySelectorAll('nav[aria-label="Sidebar"] button')].find((b) => b.textContent === 'LONGB')!.dispatchEvent(new MouseEvent('click', { bubbles: true }));
        }),
    );
    expect(before).toBe('none');
    await expect(page.getByRole('button', { name: 'Max', exact: true })).toHaveAttribute('aria-pressed', 'true');
    await expect(chart).toHaveAttribute('data-settled', 'LONGB');
    const long = archiveBars(host.dbPath, 'LONGB');
    // Max shows the whole history: 30,000 bars across the plot, so the left edge is within the first
    // few hundred bars (they are conflated below half a pixel each).
    await keepScreenshot(page, 'chart-long-history-all');
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + 3, box.y + box.height * 0.4);
    await expect
      .poll(async () => {
        const date = (await page.getByTestId('legend-date').textContent())!;
        return date >= long[0]!.date && date < long[300]!.date;
      })
      .toBe(true);
    await page.mouse.move(0, 0);
    expect(errors).toEqual([]);
  });
});

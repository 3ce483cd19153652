/**
 * Reports and notes in Chromium against the browser host: the sample as the first screen, a report
 * pasted from an e-mail, notes that save themselves and survive a killed host, search, chart markers,
 * and pasted HTML that must never run.
 */
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, startHost, test } from './support/host';
import { seedYahooExcerpts } from './support/seed';

const PASTED = `From: Desk <desk@example.com>
Subject: Energy lags while cyclicals run
Date: Fri, 13 Feb 2026 18:05:00 +0000

Energy lags while cyclicals run

#energy #rotation
Related Stocks: XLE, XLI, SPY, QQQX

## What happened
Energy fell for a third session while industrials extended their run [1]. The S&P 500 held near its highs [2].

## What to watch
Crude inventories on Wednesday; a close of XLE back above its 20-day average would end the slide.

References
[1] Sector performance, Example Research, https://example.com/sectors
[2] Index close, Example Wire, https://example.com/close
`;

async function typeInEditor(page: Page, name: string, text: string, nth = 0): Promise<void> {
  const box = page.getByRole('textbox', { name }).nth(nth);
  await box.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

test.describe('the sample on first start', () => {
  test('a fresh host on a new archive opens the sample report, filled from the archive', async ({ page }) => {
    const host = await startHost(undefined, undefined, { sample: true });
    try {
      const errors = collectErrors(page);
      await page.goto(host.url);
      await expect(page.getByTestId('report-title')).toHaveText('Small caps lead the rally, a broadening bull market');
      await expect(page.getByRole('tab', { name: 'Report' })).toHaveAttribute('aria-selected', 'true');
      await expect(page.getByText('sample data', { exact: true })).toBeVisible();
      // Related tickers with last close and change over the window, from the archive's real bars.
      for (const t of ['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU'])
        await expect(page.getByTestId(`tile-${t}`)).toContainText(/\d+\.\d{2}.*%/);
      await expect(page.getByTestId('tile-IWM')).toHaveAttribute('aria-pressed', 'true');
      await expect(page.getByTestId('price-chart')).toHaveAttribute('data-settled', 'IWM');
      await expect(page.getByText('28 trading days')).toBeVisible();
      await expect(page.getByTestId('metrics-panel').getByText('Average volume')).toBeVisible();
      // Citations jump to their reference.
      await page.locator('.report-sections .cite').first().click({ timeout: 10_000 });
      await expect(page.locator('#ref-1')).toBeFocused();
      await expect(page.getByRole('complementary', { name: 'Notes' }).getByText(/IWM closed the window/)).toBeVisible();

      const info = (await host.cli(['info'])) as {
        tickers: number;
        firstDate: string;
        lastDate: string;
        reports: number;
        notes: number;
      };
      expect(info.tickers).toBeGreaterThanOrEqual(10);
      expect(info.firstDate <= '2025-01-02').toBe(true);
      expect(info.lastDate >= '2026-02-20').toBe(true);
      expect(info).toMatchObject({ reports: 1, notes: 2 });

      for (const theme of ['light', 'dark'] as const) {
        await page.evaluate((t) => (document.documentElement.dataset['theme'] = t), theme);
        for (const [w, h] of [
          [1360, 860],
          [1024, 700],
        ] as const) {
          await page.setViewportSize({ width: w, height: h });
          await page.waitForTimeout(300);
          await keepScreenshot(page, `sample-report-${theme}-${w}x${h}`);
        }
      }
      await page.setViewportSize({ width: 1360, height: 860 });
      expect(errors).toEqual([]);
    } finally {
      await host.stop();
    }
  });

  test("the open report's window rules the Chart, Analytics and watchlist views until another is picked", async ({ page }) => {
    const host = await startHost(undefined, undefined, { sample: true });
    try {
      await page.goto(host.url);
      await expect(page.getByTestId('report-title')).toBeVisible();
      await page.getByRole('tab', { name: 'Chart' }).click();
      await expect(page.getByRole('button', { name: 'Report 2025-12-01 → 2026-01-09' })).toHaveAttribute('aria-pressed', 'true');
      // The report's watchlist shows the change over the report's window, not the year to date.
      await expect(page.getByRole('columnheader', { name: /Window/ })).toBeVisible();

      await page.getByRole('tab', { name: 'Analytics' }).click();
      const windowGroup = page.getByRole('group', { name: 'Window' });
      const from = windowGroup.getByLabel('From', { exact: true });
      const to = windowGroup.getByLabel('To', { exact: true });
      const presets = page.getByRole('radiogroup', { name: 'Window presets' });
      await expect(presets.getByRole('radio', { name: 'Report' })).toHaveAttribute('aria-checked', 'true');
      await expect(from).toHaveValue('2025-12-01');
      await expect(to).toHaveValue('2026-01-09');
      await expect(page.getByTestId('metrics-panel')).toContainText('28 trading days');
      // The analyst picks another window: it stays picked across tickers until Report is chosen again.
      await presets.getByRole('radio', { name: '3M' }).click();
      await expect(presets.getByRole('radio', { name: 'Report' })).toHaveAttribute('aria-checked', 'false');
      await expect(to).toHaveValue('2026-02-20');
      await page.getByRole('region', { name: 'Analytics' }).getByLabel('Ticker', { exact: true }).selectOption('SPY');
      await expect(presets.getByRole('radio', { name: '3M' })).toHaveAttribute('aria-checked', 'true');
      await expect(from).toHaveValue('2025-11-21');
      await presets.getByRole('radio', { name: 'Report' }).click();
      await expect(from).toHaveValue('2025-12-01');
      await expect(page.getByTestId('metrics-panel')).toContainText('28 trading days');
      await keepScreenshot(page, 'analytics-report-window');
    } finally {
      await host.stop();
    }
  });

  test("a date-anchored note's marker on the chart opens the note", async ({ page }) => {
    const host = await startHost(undefined, undefined, { sample: true });
    try {
      await page.goto(host.url);
      await page.getByRole('tab', { name: 'Chart' }).click();
      await expect(page.getByTestId('chart-ticker')).toHaveText('IWM');
      const notes = (await host.cli(['report', '--id', '1'])) as {
        notes: Array<{ id: number; anchor: { date: string | null } }>;
      };
      const dated = notes.notes.find((n) => n.anchor.date === '2026-01-09')!;
      const pin = page.getByTestId(`note-pin-${dated.id}`);
      await expect(pin).toBeVisible();
      await pin.click();
      const card = page.getByTestId(`note-${dated.id}`);
      await expect(card).toHaveClass(/focused/);
      await expect(card.getByRole('textbox', { name: 'Note text' })).toBeFocused();
      await keepScreenshot(page, 'chart-note-marker-opened');
    } finally {
      await host.stop();
    }
  });
});

test.describe('a report from pasted text', () => {
  // The archive holds SPY and XLU (Yahoo excerpts): of the pasted tickers only SPY is known.
  test.use({ seed: { run: (db) => seedYahooExcerpts(db) } });

  test('a report pasted from an e-mail, a note on it, a reload, and both found again', async ({ page, host }) => {
    const errors = collectErrors(page);
    await page.goto(host.url);
    await page.getByRole('button', { name: 'From text…' }).click();
    await page.getByRole('textbox', { name: 'Report text' }).fill(PASTED);
    await page.getByRole('button', { name: 'Propose report' }).click();

    // The proposal, for the analyst to correct.
    await expect(page.getByRole('heading', { name: 'New report' })).toBeVisible();
    await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Energy lags while cyclicals run');
    await expect(page.getByLabel('As of')).toHaveValue('2026-02-13');
    await expect(page.getByLabel('Tags')).toHaveValue(/energy/);
    await expect(page.getByLabel('Heading of section 1')).toHaveValue('What happened');
    await expect(page.getByLabel('Title of reference 2')).toHaveValue('Index close');
    await expect(page.getByLabel('Related tickers')).toHaveValue('SPY');
    await expect(page.getByRole('note')).toContainText('XLE');
    await expect(page.getByRole('note')).toContainText('QQQX');
    await page.getByLabel('Sentiment').selectOption('Bearish');
    await keepScreenshot(page, 'report-editor');
    await page.getByRole('button', { name: 'Save report' }).click();

    await expect(page.getByTestId('report-title')).toHaveText('Energy lags while cyclicals run');
    await expect(page.locator('.sentiment')).toHaveText('Bearish');
    await expect(page.getByRole('list', { name: 'Report library' })).toContainText('Energy lags while cyclicals run');

    // A note, saved by itself about a second after typing stops.
    await page.getByRole('button', { name: '+ Note' }).click();
    await typeInEditor(page, 'Note text', 'Watch the crack spread: refiners lead energy out of its slide.');
    const card = page.locator('.note-card').first();
    await expect(card.getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    await keepScreenshot(page, 'notes-panel');

    await page.reload();
    await expect(page.getByTestId('report-title')).toHaveText('Energy lags while cyclicals run');
    await expect(page.locator('.note-card')).toHaveCount(1);
    await expect(page.getByRole('textbox', { name: 'Note text' })).toHaveText(
      'Watch the crack spread: refiners lead energy out of its slide.',
    );

    // Search finds the report by its words and the note by a word only the note has.
    await page.keyboard.press('Control+K');
    const box = page.getByRole('combobox', { name: /Search reports, notes/ });
    await box.fill('crack spread');
    const hit = page.getByRole('listbox', { name: 'Results' }).getByRole('option').first();
    await expect(hit).toContainText('Note');
    await expect(hit.locator('mark').first()).toHaveText(/crack/i);
    await keepScreenshot(page, 'search-note-hit');
    await box.press('Enter');
    await expect(page.locator('.note-card.focused')).toHaveCount(1);
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: /Search reports, notes/ }).fill('cyclicals');
    await expect(page.getByRole('listbox', { name: 'Results' }).getByRole('option').first()).toContainText('Report');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Search' })).toBeHidden();

    // The library narrows by filter; the report goes to the trash and comes back.
    await page.getByRole('button', { name: /^Filters/ }).click();
    await page.getByRole('group', { name: 'Report filters' }).getByLabel('Sentiment').selectOption('Bullish');
    await expect(page.getByText('No report matches.')).toBeVisible();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    // The filters fit the sidebar, and a wrong day's message sits under them, inside it, covering none.
    const filters = page.getByRole('group', { name: 'Report filters' });
    const sidebar = (await page.getByRole('navigation', { name: 'Sidebar' }).boundingBox())!;
    const from = filters.getByLabel('As of from');
    await from.fill('2026-02-30');
    await from.blur();
    const message = filters.getByRole('status').filter({ hasText: 'not a date' });
    await expect(message).toBeVisible();
    const m = (await message.boundingBox())!;
    const to = (await filters.getByLabel('As of to').boundingBox())!;
    for (const el of await filters.locator('select, input[type="text"], .date-input-error').all()) {
      const b = (await el.boundingBox())!;
      expect(b.x + b.width, 'inside the sidebar').toBeLessThanOrEqual(sidebar.x + sidebar.width);
    }
    expect(m.y, 'under the last day field').toBeGreaterThanOrEqual(to.y + to.height);
    await from.focus();
    await from.press('Escape');
    await expect(message).toHaveCount(0);
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();
    await page.getByRole('button', { name: 'Trash (1)' }).click();
    await page.getByRole('button', { name: 'Restore' }).first().click();
    await page.getByRole('button', { name: '← Back to the library' }).click();
    await expect(page.getByRole('list', { name: 'Report library' })).toContainText('Energy lags while cyclicals run');
    expect(errors).toEqual([]);
  });
});

test('a note typed and autosaved survives the host being killed', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: '+ Note' }).click();
    const text = 'Kill test: breadth thrust confirmed on 2026-01-09.';
    await typeInEditor(page, 'Note text', text, 2);
    await expect(page.locator('.note-card').nth(2).getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
    await host.kill();
    const report = (await host.cli(['report', '--id', '1'])) as { notes: Array<{ body: string }> };
    expect(report.notes.map((n) => n.body)).toContain(text);
  } finally {
    host.cleanup();
  }
});

test('HTML pasted into a report or a note never runs', async ({ page, host }) => {
  const errors = collectErrors(page);
  await page.goto(host.url);
  await page.evaluate(() => ((window as unknown as { __pwned: number }).__pwned = 0));
  const evil = `A hostile page
Published: 2026-01-12

## Body
Numbers first <img src=x onerror="window.__pwned=1"> then <script>window.__pwned=2</script> and <a href="javascript:window.__pwned=3">a link</a> [1]. <iframe src="https://example.com"></iframe> <svg onload="window.__pwned=4"></svg>

References
[1] Source, https://example.com/a`;
  await page.getByRole('button', { name: 'From text…' }).click();
  await page.getByRole('textbox', { name: 'Report text' }).fill(evil);
  await page.getByRole('button', { name: 'Propose report' }).click();
  // Raw HTML typed into the section's Markdown shows in the live preview, sanitised.
  await typeInEditor(
    page,
    'Text of section 1',
    '\n<img src=y onerror="window.__pwned=5"><b onmouseover="window.__pwned=6">bold</b>',
  );
  await expect(page.getByLabel('Preview of section 1').locator('b')).toHaveText('bold');
  await page.getByRole('button', { name: 'Save report' }).click();
  await expect(page.getByTestId('report-title')).toHaveText('A hostile page');
  await page.locator('.report-sections b').hover();
  await page.locator('.report-sections a', { hasText: 'a link' }).click();
  // And in a note.
  await page.getByRole('button', { name: '+ Note' }).click();
  await typeInEditor(page, 'Note text', '<img src=z onerror="window.__pwned=7">');
  await expect(page.locator('.note-card').first().getByTestId('save-state')).toHaveText('Saved', { timeout: 10_000 });
  await page.reload();
  await expect(page.getByTestId('report-title')).toHaveText('A hostile page');
  await page.waitForTimeout(500);

  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? 0)).toBe(0);
  const dom = await page.locator('.report-sections').innerHTML();
  expect(dom).not.toMatch(/onerror|onload|onmouseover|<script|<iframe|<svg|javascript:/i);
  expect(errors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
});

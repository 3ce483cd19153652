/**
 * Verification and the ask box in Chromium against the browser host, on the sample: the report's
 * figures carry their verdicts' marks, the panel lists every claim, a mark opens its claim, Show on
 * chart opens the chart on the claim's ticker over its window, and a typed question is answered.
 */
import { expect, keepScreenshot, startHost, test } from './support/host';

test('the sample report shows its figures checked, a claim opens on the chart, and a question is answered', async ({ page }) => {
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-title')).toBeVisible();
    const view = page.getByTestId('report-view');
    // Every figure the reader found is marked where it stands in the prose.
    await expect(view.locator('.claim-mark')).toHaveCount(25);
    await expect(view.locator('.report-verdicts')).toContainText('✓ 8 hold');
    await expect(view.locator('.report-verdicts')).toContainText('✗ 7 differ');
    const panel = page.getByTestId('claims-panel');
    await expect(panel.locator('.claim-row')).toHaveCount(26);
    await keepScreenshot(page, 'claims-marks');

    // The Russell 2000's 5.72 %: holds open-to-close only.
    const mark = view.locator('#section-performance-and-technical-context .claim-mark.v-otherBasis[title^="5.72 %"]').first();
    await expect(mark).toHaveAttribute('title', /5\.72 %: holds on another basis — holds open-to-close, not close-to-close/);
    await mark.click();
    const open = panel.locator('.claim-row.open');
    await expect(open).toContainText('Russell 2000');
    await expect(open).toContainText('^RUT');
    await expect(open).toContainText(/28 bars, 2025-12-01 → 2026-01-09/);
    await keepScreenshot(page, 'claims-panel-open');
    await open.getByRole('button', { name: 'Show on chart' }).click();
    await expect(page.getByTestId('chart-ticker')).toHaveText('^RUT');
    await expect(page.getByRole('button', { name: /\^RUT return 2025-12-01 → 2026-01-09/ })).toHaveAttribute('aria-pressed', 'true');
    await keepScreenshot(page, 'claims-chart-window');

    // A question typed on the report is answered with computed figures.
    await page.getByRole('tab', { name: 'Report' }).click();
    await page.getByLabel('Question').fill('Which sector ETF rose most on Jan 9?');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    const answer = page.getByTestId('answer');
    await expect(answer).toContainText('XLB (Materials Select Sector SPDR) did best: one-day change +1.60 % on 2026-01-09.');
    await expect(answer.getByRole('row')).toHaveCount(6);
    await answer.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'claims-ask-answer');
    await page.getByLabel('Question').fill('Compare IWM and SPY returns from Dec 1 to Jan 9');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(answer).toContainText('Return over 2025-12-01 → 2026-01-09: IWM +5.95 %, SPY +2.33 %.');
    await expect(answer.locator('.answer-chart svg')).toHaveCount(2);
    await answer.scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'claims-ask-compare');
    await page.getByLabel('Question').fill('Tell me a joke');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect(answer).toContainText('I could not tell which figure the question asks for.');
    await expect(answer.getByRole('button', { name: 'How did IWM do from Dec 1 to Jan 9?' })).toBeVisible();

    // The same questions from anywhere: Ctrl+K, type, Enter.
    await page.getByRole('tab', { name: 'Analytics' }).click();
    await page.keyboard.press('Control+K');
    await page.getByRole('combobox', { name: /Search reports/ }).fill('Was the S&P 500 above its 50-day average on Jan 9?');
    await expect(page.getByRole('option', { name: /Ask Was the S&P 500/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('palette-answer')).toContainText(/^Yes: S&P 500 \(\^GSPC\) closed at 6,966\.28 on 2026-01-09, above its 50-day average/);
    await keepScreenshot(page, 'claims-palette-answer');
  } finally {
    await host.stop();
  }
});

test('the checked figures in the dark theme at 1024×700', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const host = await startHost(undefined, undefined, { sample: true });
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('report-view').locator('.claim-mark')).toHaveCount(25);
    await page.locator('#section-sector-rotation').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'claims-marks-dark-1024x700');
    await page.getByTestId('claims-panel').scrollIntoViewIfNeeded();
    await keepScreenshot(page, 'claims-panel-dark-1024x700');

    // The analyst rejects a proposed figure: it is no longer marked or counted; Restore brings it back.
    const panel = page.getByTestId('claims-panel');
    const bySubject = (name: string) => panel.locator('.claim-row').filter({ has: page.locator('.claim-subject', { hasText: new RegExp(`^${name}$`) }) });
    const row = bySubject('Healthcare');
    await row.locator('.claim-head').click();
    await row.getByRole('button', { name: 'Reject' }).click();
    await expect(row).toHaveAttribute('data-review', 'rejected');
    await expect(page.getByTestId('report-view').locator('.claim-mark')).toHaveCount(24);
    await expect(page.locator('.report-verdicts')).toContainText('? 3 unchecked');
    await row.getByRole('button', { name: 'Restore' }).click();
    await expect(row).toHaveAttribute('data-review', 'proposed');
    await expect(page.getByTestId('report-view').locator('.claim-mark')).toHaveCount(25);
    // And edits one: Real Estate's 1.36 % read over the report's window instead of the day.
    const re = bySubject('Real Estate');
    await re.locator('.claim-head').click();
    await re.getByRole('button', { name: 'Edit' }).click();
    await re.getByLabel('Claim metric').selectOption('return');
    await re.getByLabel('Claim from').fill('2025-12-01');
    await re.getByRole('button', { name: 'Save' }).click();
    await expect(re).toHaveAttribute('data-review', 'edited');
    await expect(re).toContainText('2025-12-01 → 2026-01-09');
    await keepScreenshot(page, 'claims-edited-dark-1024x700');
  } finally {
    await host.stop();
  }
});

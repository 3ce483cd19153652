/**
 * Every view of the sample, in both themes, at 1360×860 and at 1024×700: kept as artifacts
 * (artifacts/tour-<view>-<size>-<theme>.png) to be looked at, and checked for what a screenshot shows
 * badly: nothing wider than the window, no pane scrolling sideways, no text cut off by its own box.
 */
import type { Page } from '@playwright/test';
import { expect, keepScreenshot, startHost, test } from './support/host';

const SIZES = [
  { width: 1360, height: 860 },
  { width: 1024, height: 700 },
] as const;
const VIEWS = ['Overview', 'Report', 'Chart', 'Analytics', 'Imports'] as const;

/** Elements whose content is wider than their box, where the box neither scrolls nor ellipsises. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth + 1) out.push(`the page is ${doc.scrollWidth}px wide in a ${window.innerWidth}px window`);
    for (const el of document.querySelectorAll<HTMLElement>('main, nav, aside, header, section, button, th, td, dd, label, h1, h2, .chip')) {
      const style = getComputedStyle(el);
      if (el.offsetParent === null || style.textOverflow === 'ellipsis') continue;
      const scrolls = /auto|scroll/.test(style.overflowX);
      // A table cell whose text spills into its neighbour's (a date over the next column).
      if ((el.tagName === 'TD' || el.tagName === 'TH') && style.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1) {
        out.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" spills out of its cell (${el.scrollWidth} > ${el.clientWidth}px)`);
      }
      if (!scrolls && el.scrollWidth > el.clientWidth + 1 && style.overflowX !== 'visible') {
        out.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 40)}" is cut (${el.scrollWidth} > ${el.clientWidth}px)`);
      }
      if ((el.tagName === 'MAIN' || el.tagName === 'SECTION') && scrolls && el.scrollWidth > el.clientWidth + 1 && !el.closest('.grid-scroll, .wl-scroll, .overview-scroll, .table-scroll')) {
        out.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? ''}" scrolls sideways (${el.scrollWidth} > ${el.clientWidth}px)`);
      }
    }
    // Text in a box that an ancestor clips (a header's sort button in a fixed column, a chip in a bar).
    const clipperOf = (el: Element): HTMLElement | null => {
      for (let p = el.parentElement; p; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') return p;
      return null;
    };
    for (const el of document.querySelectorAll<HTMLElement>('button, a, span, th, td, label, h1, h2, dt, dd, p')) {
      if (el.offsetParent === null || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      const clipper = clipperOf(el);
      if (!clipper || /auto|scroll/.test(getComputedStyle(clipper).overflowX)) continue;
      const r = el.getBoundingClientRect();
      const c = clipper.getBoundingClientRect();
      const ellipsis = getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth;
      // The text's right edge: the box's, or further when the text overflows a box that does not clip it.
      const right = Math.max(r.right, r.left + el.scrollWidth);
      if (!ellipsis && right > c.right + 1 && r.left < c.right) out.push(`"${(el.textContent ?? '').trim().slice(0, 40)}" runs past its ${clipper.className || clipper.tagName.toLowerCase()} box by ${Math.round(right - c.right)}px`);
    }
    return out;
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`every view at both sizes in the ${theme} theme: nothing clipped or wider than the window`, async ({ page }) => {
    test.setTimeout(120_000);
    const host = await startHost(undefined, undefined, { sample: true });
    try {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(SIZES[0]);
      await page.goto(host.url);
      await expect(page.getByTestId('report-title')).toBeVisible();
      // A ticker of the report on the chart, and its figures in Analytics.
      const problems: string[] = [];
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const view of VIEWS) {
          await page.getByRole('tab', { name: view }).click();
          await expect(page.getByRole('tab', { name: view })).toHaveAttribute('aria-selected', 'true');
          if (view === 'Chart') await expect(page.getByTestId('price-chart')).toHaveAttribute('data-drawn', /.+/);
          if (view === 'Analytics') await expect(page.getByTestId('metrics-panel')).toContainText('trading days');
          if (view === 'Report') await expect(page.getByTestId('report-title')).toBeVisible();
          await page.evaluate(() => document.fonts.ready);
          await keepScreenshot(page, `tour-${view.toLowerCase()}-${size.width}x${size.height}-${theme}`);
          problems.push(...(await overflowing(page)).map((p) => `${view} at ${size.width}×${size.height}: ${p}`));
        }
      }
      expect(problems).toEqual([]);
    } finally {
      await host.stop();
    }
  });
}

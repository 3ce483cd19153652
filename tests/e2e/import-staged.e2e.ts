import { test, expect, nextAnswer } from './support/host';

/**
 * A dropped file crosses the boundary once: the page streams it to the host's staging route, and
 * every preview after that (three here, with different options) names only the staged file's id.
 */
test('a 50 MB file dropped on the import screen is staged once and previewed three times', async ({ page, host }) => {
  test.setTimeout(300_000);
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Imports' }).click();

  // Build the file in the page and drop it on the window, as a user dragging it from the desktop would.
  const size = await page.evaluate(() => {
    const lines = ['Ticker,Date,Open,High,Low,Close,Volume'];
    let bytes = 0;
    for (let t = 0; bytes < 50 * 1024 * 1024; t++) {
      const sym = `T${String(t).padStart(4, '0')}`;
      let d = Date.UTC(2000, 0, 3);
      let close = 50 + (t % 50);
      for (let i = 0; i < 2500; i++) {
        const day = new Date(d).getUTCDay();
        if (day !== 0 && day !== 6) {
          close *= 1 + ((((i * 7919 + t * 104729) % 1000) / 1000) - 0.5) * 0.02;
          const line = `${sym},${new Date(d).toISOString().slice(0, 10)},${close.toFixed(2)},${(close * 1.01).toFixed(2)},${(close * 0.99).toFixed(2)},${close.toFixed(2)},${100000 + i}`;
          lines.push(line);
          bytes += line.length + 1;
        }
        d += 86_400_000;
      }
    }
    const file = new File([lines.join('\n') + '\n'], 'big-drop.csv', { type: 'text/csv' });
    const data = new DataTransfer();
    data.items.add(file);
    const target = document.querySelector('.drop-root')!;
    target.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
    target.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));
    return file.size;
  });
  expect(size).toBeGreaterThan(50 * 1024 * 1024);

  const card = page.getByRole('article', { name: 'Preview of big-drop.csv' });
  await expect(card).toBeVisible();
  const previewed = (): Promise<unknown> =>
    nextAnswer(page, 'import:preview', { timeout: 200_000 });
  // The first preview follows the drop; two option changes preview again.
  await previewed();
  await expect(card.getByTestId('detected-ticker')).toBeVisible();
  let next = previewed();
  await page.getByLabel('Rows already in the archive').selectOption('replace');
  await next;
  next = previewed();
  await card.getByLabel('Market of this file').selectOption('UK');
  await next;

  const stats = (await (
    await fetch(`${host.origin}/api/stats`, { headers: { Authorization: `Bearer ${host.token}` } })
  ).json()) as { bytesIn: { invoke: number; stage: number }; staged: number };
  // The file's bytes crossed once, to the staging route; the calls themselves stayed small.
  expect(stats.bytesIn.stage).toBe(size);
  expect(stats.bytesIn.invoke).toBeLessThan(64 * 1024);
  expect(stats.staged).toBe(1);

  // Taking the file off the list deletes the staged copy.
  await card.getByRole('button', { name: /remove/i }).click();
  await expect
    .poll(async () => ((await (await fetch(`${host.origin}/api/stats`, { headers: { Authorization: `Bearer ${host.token}` } })).json()) as { staged: number }).staged)
    .toBe(0);
});

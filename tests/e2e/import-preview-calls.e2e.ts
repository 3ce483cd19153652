import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page, Request } from '@playwright/test';
import { test as base } from '@playwright/test';
import { callsIn, expect, nextAnswer, repoRoot, startHost, type RunningHost } from './support/host';

/**
 * Builds the renderer as development React runs it: StrictMode then runs every state updater twice,
 * which is what made a preview asked for inside an updater go out twice (the production build hid it).
 */
function buildForDevelopment(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(repoRoot, 'node_modules/.bin/tsx'),
      [path.join(repoRoot, 'tests/e2e/support/build-dev-renderer.ts'), outDir],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'development' }, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`development build failed (${code}): ${err}`)),
    );
  });
}

const test = base.extend<{ host: RunningHost }, { devRenderer: string }>({
  devRenderer: [
    // Playwright reads a fixture's dependencies from its first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-dev-build-'));
      await buildForDevelopment(out);
      await use(out);
      fs.rmSync(out, { recursive: true, force: true });
    },
    { scope: 'worker', timeout: 300_000 },
  ],
  host: async ({ devRenderer }, use) => {
    const h = await startHost(undefined, devRenderer);
    await use(h);
    await h.stop();
  },
});

/** Counts the `import:preview` calls the page sends to the browser host (alone or in a batch). */
function countPreviews(page: Page): { sent(): number } {
  let n = 0;
  page.on('request', (r: Request) => {
    n += callsIn(r).filter((c) => c === 'import:preview').length;
  });
  return { sent: () => n };
}

/** Waits for the answer to the next preview the page asks for. */
function nextPreview(page: Page): Promise<unknown> {
  return nextAnswer(page, 'import:preview');
}

test('each user action asks for one preview, under StrictMode in a development build', async ({
  page,
  host,
  devRenderer,
}) => {
  const html = fs.readFileSync(path.join(devRenderer, 'index.html'), 'utf8');
  const script = /src="\.?\/?(assets\/[^"]+\.js)"/.exec(html)?.[1];
  // The development build is what double-invokes updaters: make sure that is what runs (production
  // React replaces its error messages by "Minified React error #n").
  expect(fs.readFileSync(path.join(devRenderer, script!), 'utf8')).not.toContain('Minified React error');
  const previews = countPreviews(page);
  await page.goto(host.url);
  await page.getByRole('tab', { name: 'Imports' }).click();

  // Choosing a file: one preview.
  let answered = nextPreview(page);
  await page.getByTestId('file-input').setInputFiles(path.join(repoRoot, 'tests/fixtures/e2e/yfinance/SPY.csv'));
  const card = page.getByRole('article', { name: 'Preview of SPY.csv' });
  await answered;
  await expect(card.getByTestId('detected-ticker')).toHaveText('SPY');
  expect(previews.sent()).toBe(1);

  // A run option (how to treat rows already in the archive): the file is previewed again, once.
  answered = nextPreview(page);
  await page.getByLabel('Rows already in the archive').selectOption('replace');
  await answered;
  expect(previews.sent()).toBe(2);

  // A file's own option (its market, whose calendar judges its holidays): once.
  answered = nextPreview(page);
  await card.getByLabel('Market of this file').selectOption('CA');
  await answered;
  expect(previews.sent()).toBe(3);

  // A file's own option (its ticker): once more.
  answered = nextPreview(page);
  await card.getByRole('button', { name: 'change' }).click();
  await card.getByLabel('Ticker for this file').fill('spy.us');
  await card.getByRole('button', { name: 'OK' }).click();
  await answered;
  await expect(card.getByTestId('detected-ticker')).toHaveText('SPY.US');
  expect(previews.sent()).toBe(4);
});

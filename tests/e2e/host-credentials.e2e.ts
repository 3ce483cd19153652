import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './support/host';
import { seedYahooExcerpts } from './support/seed';

/** What another local server saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

/** Another web server on 127.0.0.1 (a dev server, another tool), recording every request it receives. */
async function startBystander(): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
    if (new URL(req.url ?? '/', 'http://x').pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      // The page loads a subresource and makes a credentialed fetch of its own origin.
      res.end('<!doctype html><title>bystander</title><img src="/pixel.png"><script>fetch("/probe", { credentials: "include" });</script>');
    } else {
      res.writeHead(204);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test.describe('credentials of the browser host', () => {
  test.use({ seed: { run: (db) => seedYahooExcerpts(db) } });

  test('never reach another server on 127.0.0.1 that the browser visits', async ({ page, context, host }) => {
    const bystander = await startBystander();
    try {
      await page.goto(host.url);
      await expect(page.getByTestId('stat-tickers')).toHaveText('2');
      // The app has called the API and opened its event stream with the token; none of it is a cookie.
      expect(await context.cookies()).toEqual([]);
      expect(await page.evaluate(() => document.cookie)).toBe('');

      const other = `http://127.0.0.1:${bystander.port}`;
      await page.goto(`${other}/`);
      // (the browser may also ask for /favicon.ico)
      await expect.poll(() => bystander.seen.map((s) => s.url)).toEqual(expect.arrayContaining(['/', '/pixel.png', '/probe']));
      // A second tab of the same browser visiting the other server.
      const tab = await context.newPage();
      await tab.goto(`${other}/?from=tab`);
      await expect.poll(() => bystander.seen.some((s) => s.url === '/?from=tab')).toBe(true);

      for (const s of bystander.seen) {
        expect(s.headers.cookie, `${s.method} ${s.url}`).toBeUndefined();
        expect(s.headers.authorization, `${s.method} ${s.url}`).toBeUndefined();
        expect(JSON.stringify(s), `${s.method} ${s.url}`).not.toContain(host.token);
      }
      // Nor can the other origin's scripts read it.
      const visible = await tab.evaluate(() => JSON.stringify({ cookie: document.cookie, session: { ...sessionStorage }, local: { ...localStorage } }));
      expect(visible).not.toContain(host.token);
      expect(JSON.parse(visible)).toMatchObject({ cookie: '', session: {} });

      // Back on the host in the same tab, the page answers again (the token stayed in this tab's
      // sessionStorage, across a reload too); a new tab opened without the URL gets no data.
      await page.goto(host.origin + '/');
      await page.reload();
      await expect(page.getByTestId('stat-tickers')).toHaveText('2');
      const fresh = await context.newPage();
      await fresh.goto(host.origin + '/');
      await expect(fresh.getByRole('alert')).toBeVisible();
    } finally {
      await bystander.close();
    }
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test as base, type Page, type Request, type Response } from '@playwright/test';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifactsDir = path.join(repoRoot, 'artifacts', 'screenshots');

/** A browser host started exactly as `npm run web` starts it, over its own archive. */
export interface RunningHost {
  /** The URL `npm run web` printed; `page.goto(url)` opens the app with the token in its fragment. */
  url: string;
  origin: string;
  token: string;
  dbPath: string;
  dir: string;
  /** The host's process id (its process group's leader). */
  pid: number;
  /** Runs the CLI against this host's archive and returns its parsed JSON. */
  cli(args: string[]): Promise<unknown>;
}

/** Runs the CLI (as `npm run cli` does) and returns its parsed JSON. */
export function runCli(args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'scripts/cli.mjs'), ...args], { cwd: repoRoot });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`cli ${args.join(' ')} exited ${code}: ${err}`))));
  });
}

/**
 * Starts `src/main/web/index.ts` on a free port with a fresh archive; `seed` fills it first. It serves
 * the built renderer (`out/renderer`) unless `renderer` names another build. The host starts with
 * `--no-sample` (tests see only what they seeded) unless `sample` is true, as on a real first start.
 */
export async function startHost(
  seed?: (dbPath: string) => Promise<void> | void,
  renderer = path.join(repoRoot, 'out/renderer'),
  { sample = false }: { sample?: boolean } = {},
): Promise<RunningHost & { stop(): Promise<void>; kill(): Promise<void>; cleanup(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-e2e-'));
  const dbPath = path.join(dir, 'archive.sqlite');
  if (seed) await seed(dbPath);
  const child: ChildProcess = spawn(
    path.join(repoRoot, 'node_modules/.bin/tsx'),
    [path.join(repoRoot, 'src/main/web/index.ts'), '--port', '0', '--db', dbPath, '--settings', dir, '--renderer', renderer, ...(sample ? [] : ['--no-sample'])],
    // Its own process group: tsx runs the host in a child process, and a crash must take both.
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser host did not start: ${stderr}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`browser host exited ${code}: ${stderr}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token')!,
    dbPath,
    dir,
    pid: child.pid!,
    cli: (args) => runCli([...args, '--db', dbPath]),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    // Killed as a crash kills it: no shutdown handler runs. The archive stays for the test to read.
    kill: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid!, 'SIGKILL');
      await exited;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** How a test fills its archive before the host starts (wrapped: Playwright treats bare functions as fixtures). */
export interface Seed {
  run(dbPath: string): Promise<void> | void;
}

/** Test fixture: `host` is a fresh browser host per test, seeded by the test's `seed` option. */
export const test = base.extend<{ seed: Seed | undefined; host: RunningHost }>({
  seed: [undefined, { option: true }],
  host: async ({ seed }, use) => {
    const h = await startHost(seed?.run);
    await use(h);
    await h.stop();
  },
});

/**
 * Calls the browser host's API from inside the page, as the app does: with the token the page keeps
 * (sessionStorage, after `page.goto(host.url)`) as a bearer header. Returns the parsed answer.
 */
export function invokeInPage<T = unknown>(page: Page, channel: string, input: unknown): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      // Typed by hand: this file is also compiled without the DOM library.
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage;
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${storage.getItem('breadth.token') ?? ''}` },
        body: JSON.stringify({ channel, input }),
      });
      return (await res.json()) as T;
    },
    { channel, input },
  );
}

/**
 * The channels a request of the page carries: one for `POST /api/invoke`, those of its calls for
 * `POST /api/batch` (the calls the page made in one task), none for any other request.
 */
export function callsIn(request: Request): string[] {
  if (request.method() !== 'POST') return [];
  const route = new URL(request.url()).pathname;
  if (route === '/api/invoke') return [(request.postDataJSON() as { channel: string }).channel];
  if (route === '/api/batch') return (request.postDataJSON() as { calls: Array<{ channel: string }> }).calls.map((c) => c.channel);
  return [];
}

/**
 * Resolves once the answer to the page's next call on `channel` (alone, or in its batch) has begun to
 * arrive. (Not `response.finished()`: Chromium reports no end for some keepalive requests.)
 */
export function nextAnswer(page: Page, channel: string, options?: { timeout?: number }): Promise<Response> {
  return page.waitForResponse((r) => callsIn(r.request()).includes(channel), options);
}

/** Saves a screenshot under artifacts/screenshots and attaches it to the test report. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: false });
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  return file;
}

export { expect } from '@playwright/test';

import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { freshCore, insertBars } from '../../helpers/core';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, stdout, stderr };
}

/**
 * One failure per domain the CLI reaches, sent through IPC and through the CLI: the same code (the
 * CLI prints it and maps it to its exit code in one place) and the very same message.
 */
describe('a domain failure reads the same through IPC and the CLI', () => {
  const cases: Array<{ domain: string; channel: string; input: object; argv: string[]; code: string; exit: number }> = [
    { domain: 'import', channel: 'import:undo', input: { id: 99 }, argv: ['undo-import', '--id', '99'], code: 'NOT_FOUND', exit: 1 },
    {
      domain: 'analytics',
      channel: 'analytics:panel',
      input: { ticker: 'NOPE', from: '2026-01-02', to: '2026-01-09' },
      argv: ['metrics', '--ticker', 'NOPE', '--from', '2026-01-02', '--to', '2026-01-09'],
      code: 'NOT_FOUND',
      exit: 1,
    },
    {
      domain: 'analytics (a window the schema refuses)',
      channel: 'analytics:panel',
      input: { ticker: 'SPY', from: '2026-01-09', to: '2026-01-02' },
      argv: ['metrics', '--ticker', 'SPY', '--from', '2026-01-09', '--to', '2026-01-02'],
      code: 'INVALID_INPUT',
      exit: 2,
    },
    {
      domain: 'analytics (group)',
      channel: 'analytics:group',
      input: { tickers: ['SPY'], from: '2026-01-09', to: '2026-01-02' },
      argv: ['group', '--tickers', 'SPY', '--from', '2026-01-09', '--to', '2026-01-02'],
      code: 'INVALID_INPUT',
      exit: 2,
    },
  ];

  for (const c of cases) {
    it(`${c.domain}: ${c.code}`, async () => {
      const { core, dir, cleanup } = freshCore();
      cleanups.push(cleanup);
      insertBars(core, 'SPY', [['2026-01-02', 1, 1, 1, 1, null, 1]]);
      const dispatch = createDispatcher(handlers, core, () => true, () => {});
      const ipc = await dispatch(c.channel, c.input, { url: 'test:' });
      expect(ipc).toMatchObject({ ok: false, error: { code: c.code } });
      const { message } = (ipc as { error: { message: string } }).error;
      core.close();

      const r = await cli([...c.argv, '--db', `${dir}/archive.sqlite`]);
      expect(r.code).toBe(c.exit);
      expect(r.stdout).toBe('');
      expect(r.stderr.split('\n')[0]).toBe(`error: ${message} [${c.code}]`);
    });
  }
});

import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempDir } from '../../helpers/archive';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env });
  return { code, stdout, stderr };
}

describe('cli info', () => {
  it('prints the JSON summary of a new archive', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const db = path.join(t.dir, 'new.sqlite');
    const r = await cli(['info', '--db', db]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 10, tickers: 0, bars: 0, firstDate: null, lastDate: null, reports: 0, notes: 0 });
  });

  it('takes the archive from BREADTH_DB', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const r = await cli(['info'], { BREADTH_DB: path.join(t.dir, 'env.sqlite') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).schemaVersion).toBeGreaterThanOrEqual(1);
  });

  it('fails with a usage error on stderr and nothing on stdout', async () => {
    expect(await cli(['info'])).toMatchObject({ code: 2, stdout: '' });
    expect((await cli(['info'])).stderr).toMatch(/needs --db PATH/);
    expect((await cli(['info', '--db'])).stderr).toMatch(/--db/);
    expect((await cli(['nonsense'])).stderr).toMatch(/unknown command "nonsense"/);
    expect((await cli(['info', '--frobnicate', '--db', 'x'])).code).toBe(2);
  });
});

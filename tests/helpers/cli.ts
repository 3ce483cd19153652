import { runCli } from '../../src/main/cli/run';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the CLI's JSON, read field by field
export type CliJson = any;

/** Runs one CLI invocation in-process: its exit code, its parsed JSON (null when none) and its stderr. */
export async function cli(args: string[]): Promise<{ code: number; json: CliJson; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} });
  return { code, json: stdout ? JSON.parse(stdout) : null, stderr };
}

import { parseArgs } from 'node:util';
import { createCore, type Core } from '../core';
import { MemoryStore, Settings, settingsDefaults } from '../settings';
import { CommandFailed, UsageError, type Command } from './command';
import { DomainError } from '../errors';
import { handlers } from '../ipc/handlers';
import { createDispatcher } from '../ipc/handle';
import { commands as allCommands } from './commands/index';
import { APP_VERSION } from '../version';

/** Where a CLI run writes; tests capture these. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const common = {
  db: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

import { BASIS_HELP } from './commands/metrics';

function helpText(commands: Command[]): string {
  const lines = ['Usage: npm run cli -- <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`, '');
  lines.push('The archive is --db PATH, or the BREADTH_DB environment variable. Results are JSON on stdout.');
  lines.push(BASIS_HELP);
  return lines.join('\n');
}

/**
 * Runs one CLI invocation over the core and returns the exit code: 0 on success (JSON on stdout),
 * 1 when the command failed, 2 for a usage error (messages on stderr).
 */
export async function runCli(argv: string[], io: CliIO, commands: Command[] = allCommands): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(helpText(commands) + '\n');
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"\n\n${helpText(commands)}\n`);
    return 2;
  }
  let core: Core | undefined;
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...common, ...command.options },
        allowPositionals: command.positionals ?? false,
        strict: true,
      });
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(`Usage: npm run cli -- ${command.usage}\n${command.summary}\n${command.details ? `\n${command.details}\n` : ''}`);
      return 0;
    }
    const dbPath = (parsed.values.db as string | undefined) ?? io.env.BREADTH_DB;
    const openCore = (): Core => {
      if (!dbPath) throw new UsageError(`${command.name} needs --db PATH (or BREADTH_DB)`);
      core ??= createCore({
        archivePath: dbPath,
        settings: new Settings(new MemoryStore(settingsDefaults)),
        host: 'cli',
        version: APP_VERSION,
      });
      return core;
    };
    const result = await command.run({
      values: parsed.values as Record<string, string | boolean | string[] | undefined>,
      positionals: parsed.positionals,
      core: openCore,
      // The user's own shell is trusted as a sender; the schema and the handler are the renderer's.
      call: async (channel, input) => {
        const dispatch = createDispatcher(handlers, openCore(), () => true, (m, e) => io.stderr(`${m}: ${String(e)}\n`));
        const r = await dispatch(channel, input, { url: 'cli:' });
        if (!r.ok) throw new DomainError(r.error.code, r.error.message, r.error.details);
        return r.data as never;
      },
      progress: (m) => io.stderr(m + '\n'),
    });
    io.stdout(JSON.stringify(result, null, 2) + '\n');
    return 0;
  } catch (err) {
    // The one mapping from a failure to an exit code: bad input is a usage error (2), the rest 1.
    // A domain's refusal names its code, as the renderer's ApiError carries it.
    const code = err instanceof DomainError ? ` [${err.code}]` : '';
    if (err instanceof UsageError || (err instanceof DomainError && err.code === 'INVALID_INPUT')) {
      io.stderr(`error: ${err.message}${code}\nUsage: npm run cli -- ${command.usage}\n`);
      return 2;
    }
    if (err instanceof CommandFailed && err.output !== undefined) {
      io.stdout(JSON.stringify(err.output, null, 2) + '\n');
    }
    io.stderr(`error: ${(err as Error).message}${code}\n`);
    return 1;
  } finally {
    core?.close();
  }
}

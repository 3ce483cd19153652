import type { Channel, OutputOf } from '../../shared/contract/index';
import type { Core } from '../core';

/** Raised for a mistake in the command line itself (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Raised when a command ran but failed; its message goes to stderr, its `output` (if any) to stdout. */
export class CommandFailed extends Error {
  constructor(
    message: string,
    readonly output?: unknown,
  ) {
    super(message);
    this.name = 'CommandFailed';
  }
}

/** What a command's `run` receives. */
export interface CommandContext {
  /** Parsed option values (strings, booleans, or arrays of strings for `multiple` options). */
  values: Record<string, string | boolean | string[] | undefined>;
  /** Positional arguments (e.g. files to import). */
  positionals: string[];
  /** Opens the archive named by `--db` or `BREADTH_DB`; opened lazily and closed after the command. */
  core(): Core;
  /**
   * Calls a channel exactly as the renderer does: the contract's schema validates the input and the
   * same handler runs. A refusal throws the handler's DomainError, which the runner maps to an exit code.
   */
  call<C extends Channel>(channel: C, input: unknown): Promise<OutputOf<C>>;
  /** Where progress lines may go (stderr); stdout is reserved for the JSON result. */
  progress(message: string): void;
}

/** One CLI command: its options (node:util parseArgs style), a help line, and what it does. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** More lines for `<command> --help` (what the options mean). */
  details?: string;
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>;
  /** Whether the command takes positional arguments. */
  positionals?: boolean;
  /** Returns the value printed as JSON on stdout. */
  run(ctx: CommandContext): unknown | Promise<unknown>;
}

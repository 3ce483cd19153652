import {
  contract,
  type Channel,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contract/index';
import type { ErrorCode, ErrorInfo, Result } from '../../shared/domain';
import type { Core } from '../core';
import { clip, DomainError, describeIssues } from '../errors';
import { storageFailure } from '../db/storage-errors';

/** What a handler gets besides its validated input. */
export interface HandlerContext {
  core: Core;
}

/** The implementation of one channel. */
export type Handler<C extends Channel> = (
  input: ParsedInputOf<C>,
  ctx: HandlerContext,
) => OutputOf<C> | Promise<OutputOf<C>>;

/** Handlers for a subset of channels (one domain's file). */
export type DomainHandlers<K extends Channel> = { [C in K]: Handler<C> };

/** Handlers for every channel: a channel without one fails to compile. */
export type Handlers = DomainHandlers<Channel>;

/** Who sent an invocation: the frame URL in Electron, the page origin under the browser host. */
export interface SenderInfo {
  url: string;
}

/** Decides whether a sender may invoke channels at all. */
export type SenderPolicy = (sender: SenderInfo) => boolean;

/** Validates, routes and wraps one invocation; never throws. */
export type Dispatch = (channel: unknown, input: unknown, sender: SenderInfo) => Promise<Result<unknown>>;

function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: ErrorInfo } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

export { describeIssues };

function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The one generic `handle()`: checks the sender, validates the input against the channel's schema,
 * runs the handler and returns `{ ok: true, data }` or `{ ok: false, error: { code, message } }`.
 */
export function createDispatcher(
  handlers: Handlers,
  core: Core,
  isAllowedSender: SenderPolicy,
  log: (message: string, err: unknown) => void = (m, e) => console.error(m, e),
): Dispatch {
  return async (channel, input, sender) => {
    if (!isAllowedSender(sender)) return fail('FORBIDDEN', `sender ${sender.url || '(unknown)'} may not call Breadth`);
    if (!isChannel(channel)) return fail('INVALID_INPUT', `unknown channel ${clip(JSON.stringify(channel) ?? String(channel), 80)}`);
    // No input at all means an empty one; null or any other non-object is refused by the schema.
    const parsed = contract[channel].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) return fail('INVALID_INPUT', `${channel}: ${describeIssues(parsed.error)}`);
    try {
      const handler = handlers[channel] as Handler<Channel>;
      const data = await handler(parsed.data as never, { core });
      return { ok: true, data };
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message, err.details);
      const storage = storageFailure(err);
      if (storage) return fail('UNAVAILABLE', `${channel}: ${storage}. Nothing was written.`, { archive: 'STORAGE' });
      log(`${channel} failed`, err);
      return fail('INTERNAL', err instanceof Error ? err.message : String(err));
    }
  };
}

import type { z } from 'zod';
import type { ErrorCode } from '../shared/domain';

/**
 * The one error every domain of the core throws for a failure the caller should see: a stable code the
 * UI and the CLI switch on, a sentence for the user, and optional structured details. The IPC
 * dispatcher maps it to the `{ ok: false, error }` envelope and the CLI runner to an exit code, each in
 * one place; anything else that escapes a handler is a bug and answers INTERNAL.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Shorthand for the commonest refusals. */
export const notFound = (message: string, details?: unknown): DomainError => new DomainError('NOT_FOUND', message, details);
/** A request that conflicts with the archive's state. */
export const conflict = (message: string, details?: unknown): DomainError => new DomainError('CONFLICT', message, details);
/** An input the schema let through but the domain refuses. */
export const invalidInput = (message: string, details?: unknown): DomainError =>
  new DomainError('INVALID_INPUT', message, details);

/** At most this many characters of one issue, and this many issues: a hostile input is never echoed whole. */
const ISSUE_CHARS = 240;
const ISSUES_SHOWN = 5;

/** `text` cut to `max` characters (an ellipsis says it was): a hostile input is never echoed whole. */
export function clip(text: string, max = ISSUE_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Renders zod issues as one readable sentence: `from: expected a date as YYYY-MM-DD`. */
export function describeIssues(error: z.ZodError): string {
  const shown = error.issues
    .slice(0, ISSUES_SHOWN)
    .map((i) => clip(i.path.length ? `${i.path.map((p) => clip(String(p))).join('.')}: ${i.message}` : i.message));
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

import type { QueryClient } from '@tanstack/react-query';
import type { Channel, EventName } from '@shared/contract/index';

/** A channel's domain: the part of its name before the colon (`archive` of `archive:bars`). */
type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;

/** What a write makes stale: a whole domain's queries (`'archive'`) or one channel's (`'import:list'`). */
export type Stale = DomainOf<Channel> | Channel;

/** What an import (or its undo) changes: bars, tickers, issues, every figure, the history, completions. */
const ARCHIVE_CHANGED = [
  'archive',
  // An import may bring a file's splits and dividends.
  'actions',
  'analytics',
  'import:list',
  'watchlists:complete',
  // Every report's verdicts are re-read against the new bars.
  'claims',
] as const satisfies readonly Stale[];

/** What a report's change touches: the library, its watchlist, its notes (trash), search, the counts. */
const REPORT_CHANGED = ['reports', 'watchlists', 'notes', 'search', 'archive:info'] as const satisfies readonly Stale[];

/** What a note's change touches: the report's notes and note count, chart markers, search. */
const NOTE_CHANGED = ['notes', 'reports:list', 'search', 'archive:info'] as const satisfies readonly Stale[];

/**
 * Every channel that writes, with the queries its success (or failure) makes stale: the one place that
 * decides what refetches. `useCallMutation` only takes channels listed here, so a new write channel
 * must say what it changes before the renderer can call it.
 */
export const INVALIDATES = {
  // The settings hook writes the answer into its own query (optimistically); nothing else reads them.
  'settings:set': [],
  'import:run': ARCHIVE_CHANGED,
  'import:undo': ARCHIVE_CHANGED,
  // A cancelled run is settled by `import:run` itself.
  'import:cancel': [],
  // Mappings are read by previews, which are asked for afresh on every change.
  'import:saveMapping': [],
  // A split or dividend re-prices the ticker's bars: every figure, chart and verdict on them.
  'actions:add': ['actions', 'archive:bars', 'analytics', 'claims'],
  'actions:remove': ['actions', 'archive:bars', 'analytics', 'claims'],
  'watchlists:create': ['watchlists'],
  'watchlists:rename': ['watchlists'],
  'watchlists:reorder': ['watchlists'],
  'watchlists:reorderItems': ['watchlists'],
  'watchlists:delete': ['watchlists'],
  'watchlists:addTicker': ['watchlists'],
  'watchlists:removeTicker': ['watchlists'],
  'watchlists:fromReport': ['watchlists'],
  // A report's tickers are its watchlist; its words are in the search index.
  'reports:create': REPORT_CHANGED,
  'reports:update': REPORT_CHANGED,
  'reports:duplicate': REPORT_CHANGED,
  'reports:delete': REPORT_CHANGED,
  'reports:restore': REPORT_CHANGED,
  'reports:purge': REPORT_CHANGED,
  'reports:importMarkdown': REPORT_CHANGED,
  // A proposal saves nothing.
  'reports:fromText': [],
  'notes:create': NOTE_CHANGED,
  'notes:update': NOTE_CHANGED,
  'notes:delete': NOTE_CHANGED,
  'notes:restore': NOTE_CHANGED,
  // A question reads the archive; asked on demand, it changes nothing.
  'claims:ask': [],
  // A decision on a claim changes that report's verdicts.
  'claims:review': ['claims'],
  // The reader's names: verdicts read them.
  'claims:setAliases': ['claims'],
  // An export writes a file, never the archive.
  'pdf:export': [],
  'sample:load': [...ARCHIVE_CHANGED, ...REPORT_CHANGED, 'sample'],
  'sample:remove': [...ARCHIVE_CHANGED, ...REPORT_CHANGED, 'sample'],
  // A backup adds one to the list; a restore reloads the window (useReloadOnRestore).
  'backups:create': ['backups:list'],
  'backups:restore': ['backups'],
} as const satisfies Partial<Record<Channel, readonly Stale[]>>;

/** A channel that writes: one `useCallMutation` accepts. */
export type MutationChannel = keyof typeof INVALIDATES;

/** Events from main that announce a change made elsewhere (another window, the menu, the CLI's job). */
export const EVENT_INVALIDATES = {
  'import:done': ARCHIVE_CHANGED,
  'claims:rechecked': ['claims'],
} as const satisfies Partial<Record<EventName, readonly Stale[]>>;

/** Marks stale every query whose channel (the first element of its `[channel, input]` key) matches. */
export function invalidate(client: QueryClient, stale: readonly Stale[]): Promise<void> {
  if (stale.length === 0) return Promise.resolve();
  const matches = (channel: unknown): boolean =>
    typeof channel === 'string' && stale.some((s) => channel === s || channel.startsWith(`${s}:`));
  return client.invalidateQueries({ predicate: (q) => matches(q.queryKey[0]) });
}

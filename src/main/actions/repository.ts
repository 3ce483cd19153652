/**
 * The corporate actions of the archive: list, record and remove a ticker's splits and dividends, and
 * read them as the pricing of the analytics. Every write runs in the caller's write turn.
 */
import { prepared } from '../db/statements';
import type { ActionKind, ActionSource, CorporateAction, TickerActions } from '../../shared/actions';
import { describeAction } from '../../shared/actions';
import type { TradingDate } from '../../shared/domain';
import type { Pricing } from '../analytics/basis';
import type { Db } from '../db/open';
import { marketByCode, suggestMarket } from '../../shared/markets';
import { DomainError } from '../errors';

interface ActionRow {
  id: number;
  ticker: string;
  kind: ActionKind;
  date: string;
  ratio: number | null;
  amount: number | null;
  source: ActionSource;
  import_id: number | null;
  created_at: string;
}

function toAction(r: ActionRow): CorporateAction {
  return {
    id: r.id,
    ticker: r.ticker,
    kind: r.kind,
    date: r.date,
    ratio: r.ratio,
    amount: r.amount,
    source: r.source,
    importId: r.import_id,
    createdAt: r.created_at,
  };
}

/** A ticker's actions, oldest first. */
export function listActions(db: Db, ticker: string): TickerActions {
  const meta = db.prepare('SELECT prices_adjusted AS adj FROM tickers WHERE symbol = ?').get(ticker) as { adj: number } | undefined;
  const rows = db.prepare('SELECT * FROM corporate_actions WHERE ticker = ? ORDER BY date, kind').all(ticker) as ActionRow[];
  if (!meta && rows.length === 0) throw new DomainError('NOT_FOUND', `${ticker} is not in the archive`, { ticker });
  return { ticker, actions: rows.map(toAction), providerAdjusted: meta?.adj === 1 };
}

/** What the analytics need of a ticker to price its bars: the provider's adjustment and its actions. */
export function pricingOf(db: Db, ticker: string): Pricing {
  return knownPricing(db, ticker) ?? { providerAdjusted: false, actions: [], calendar: marketByCode(suggestMarket(ticker))?.calendar ?? null };
}

/**
 * {@link pricingOf} for a ticker the archive knows, or null when it does not: one query for its row
 * (a universe asks this of every member), and its actions only when it has some; it also says whether
 * an import flagged a suspected split of it, so that a panel without any asks no further.
 */
export function knownPricing(db: Db, ticker: string): Pricing | null {
  const row = prepared(
    db,
    `SELECT prices_adjusted AS adj, market,
            EXISTS (SELECT 1 FROM corporate_actions WHERE ticker = symbol) AS acted,
            EXISTS (SELECT 1 FROM import_issues WHERE ticker = symbol AND kind = 'split') AS flagged
       FROM tickers WHERE symbol = ?`,
  ).get(ticker) as { adj: number; market: string | null; acted: number; flagged: number } | undefined;
  if (!row) return null;
  const actions = row.acted
    ? (prepared(db, 'SELECT kind, date, ratio, amount FROM corporate_actions WHERE ticker = ? ORDER BY date').all(ticker) as Pricing['actions'][number][])
    : [];
  return { providerAdjusted: row.adj === 1, actions, calendar: marketByCode(row.market ?? suggestMarket(ticker))?.calendar ?? null, splitsFlagged: row.flagged === 1 };
}

/** A new action, as the analyst or a file gives it. */
export interface ActionDraft {
  ticker: string;
  kind: ActionKind;
  date: TradingDate;
  ratio?: number | null;
  amount?: number | null;
}

/**
 * Records one action. The ticker must be in the archive; a split needs a ratio ≠ 1, a dividend a
 * positive amount; a second action of the same kind on the same day is a CONFLICT naming the first.
 */
export function addAction(db: Db, draft: ActionDraft, source: ActionSource = 'manual', importId: number | null = null): CorporateAction {
  const known = db.prepare('SELECT 1 FROM tickers WHERE symbol = ?').get(draft.ticker);
  if (!known) throw new DomainError('NOT_FOUND', `${draft.ticker} is not in the archive: import its prices first`, { ticker: draft.ticker });
  const ratio = draft.kind === 'split' ? (draft.ratio ?? null) : null;
  const amount = draft.kind === 'dividend' ? (draft.amount ?? null) : null;
  if (draft.kind === 'split' && (ratio === null || !(ratio > 0) || ratio === 1)) {
    throw new DomainError('INVALID_INPUT', 'a split needs a ratio such as 2:1 (two new shares for one) or 1:10 (a reverse split)');
  }
  if (draft.kind === 'dividend' && (amount === null || !(amount > 0))) {
    throw new DomainError('INVALID_INPUT', 'a dividend needs a positive amount per share');
  }
  const existing = db.prepare('SELECT * FROM corporate_actions WHERE ticker = ? AND kind = ? AND date = ?').get(draft.ticker, draft.kind, draft.date) as ActionRow | undefined;
  if (existing) {
    throw new DomainError('CONFLICT', `${draft.ticker} already has a ${describeAction(toAction(existing))}: remove it first to record another`, { id: existing.id });
  }
  const id = db
    .prepare('INSERT INTO corporate_actions (ticker, kind, date, ratio, amount, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(draft.ticker, draft.kind, draft.date, ratio, amount, source, importId).lastInsertRowid as number;
  return toAction(db.prepare('SELECT * FROM corporate_actions WHERE id = ?').get(id) as ActionRow);
}

/** Records the actions a file carried, in the import's transaction; one the archive already has is kept. */
export function addFileActions(db: Db, importId: number, drafts: readonly ActionDraft[]): number {
  const insert = db.prepare(
    "INSERT INTO corporate_actions (ticker, kind, date, ratio, amount, source, import_id) VALUES (?, ?, ?, ?, ?, 'file', ?) ON CONFLICT (ticker, kind, date) DO NOTHING",
  );
  let added = 0;
  for (const d of drafts) {
    added += insert.run(d.ticker, d.kind, d.date, d.kind === 'split' ? d.ratio : null, d.kind === 'dividend' ? d.amount : null, importId).changes;
  }
  return added;
}

/** Removes one action (NOT_FOUND when there is none with that id). */
export function removeAction(db: Db, id: number): CorporateAction {
  const row = db.prepare('SELECT * FROM corporate_actions WHERE id = ?').get(id) as ActionRow | undefined;
  if (!row) throw new DomainError('NOT_FOUND', `no corporate action with id ${id}`);
  db.prepare('DELETE FROM corporate_actions WHERE id = ?').run(id);
  return toAction(row);
}

import type { ClaimAlias } from '../../shared/claims';
import type { Db } from '../db/open';
import { deleteMeta, readMeta, writeMeta } from '../db/meta';

/** Names reports use for what the archive keys by ticker; the analyst may edit them. */
export const DEFAULT_ALIASES: readonly ClaimAlias[] = [
  { name: 'S&P 500', ticker: '^GSPC' },
  { name: 'S&P', ticker: '^GSPC' },
  { name: 'SPX', ticker: '^GSPC' },
  { name: 'Russell 2000', ticker: '^RUT' },
  { name: 'Russell', ticker: '^RUT' },
  { name: 'Dow Jones Industrial Average', ticker: '^DJI' },
  { name: 'Dow Jones', ticker: '^DJI' },
  { name: 'Dow', ticker: '^DJI' },
  { name: 'Nasdaq Composite', ticker: '^IXIC' },
  { name: 'Nasdaq', ticker: '^IXIC' },
  { name: 'Nasdaq 100', ticker: '^NDX' },
  { name: 'small caps', ticker: 'IWM' },
  { name: 'small-cap stocks', ticker: 'IWM' },
  { name: 'large caps', ticker: 'SPY' },
  { name: 'Real Estate', ticker: 'XLRE' },
  { name: 'Industrials', ticker: 'XLI' },
  { name: 'Basic Materials', ticker: 'XLB' },
  { name: 'Materials', ticker: 'XLB' },
  { name: 'Energy', ticker: 'XLE' },
  { name: 'Financial Services', ticker: 'XLF' },
  { name: 'Financials', ticker: 'XLF' },
  { name: 'Healthcare', ticker: 'XLV' },
  { name: 'Health Care', ticker: 'XLV' },
  { name: 'Utilities', ticker: 'XLU' },
  { name: 'Technology', ticker: 'XLK' },
  { name: 'Tech', ticker: 'XLK' },
  { name: 'Consumer Discretionary', ticker: 'XLY' },
  { name: 'Consumer Staples', ticker: 'XLP' },
  { name: 'Communication Services', ticker: 'XLC' },
];

/** The SPDR sector funds, for questions about "sector ETFs". */
export const SECTOR_ETFS = ['XLB', 'XLC', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLRE', 'XLU', 'XLV', 'XLY'] as const;

const KEY = 'claims.aliases';

/** The aliases in effect: the analyst's, or the defaults. */
export function loadAliases(db: Db): ClaimAlias[] {
  const v = readMeta(db, KEY);
  return v ? (JSON.parse(v) as ClaimAlias[]) : [...DEFAULT_ALIASES];
}

/** Replaces the aliases (an empty list restores the defaults). Run inside a write transaction. */
export function saveAliases(db: Db, aliases: ClaimAlias[]): ClaimAlias[] {
  if (aliases.length === 0) {
    deleteMeta(db, KEY);
    return [...DEFAULT_ALIASES];
  }
  writeMeta(db, KEY, JSON.stringify(aliases));
  return aliases;
}

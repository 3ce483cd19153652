import type { BarField, ImportProvider } from '../../shared/import';

/** Lower-cases a header cell and strips quotes, marks, accents and decorations, for matching. */
export function normaliseHeader(cell: string): string {
  return cell
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/["*]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

/**
 * Header names of each bar field, in English and the common European languages (normalised: lower
 * case, no accents). Earlier entries win when a file has several candidates for one field.
 */
const SYNONYMS: Record<BarField, string[]> = {
  date: [
    'date',
    '<date>',
    '<dtyyyymmdd>',
    'timestamp',
    'datetime',
    'trade date',
    'day',
    'data',
    'datum',
    'fecha',
    'dato',
    'date/heure',
    'time',
  ],
  ticker: [
    'ticker',
    '<ticker>',
    'symbol',
    'ticker symbol',
    'code',
    'simbolo',
    'ativo',
    'codigo',
    'valeur',
    'wertpapier',
  ],
  open: [
    'open',
    '<open>',
    'open price',
    'opening price',
    'opening',
    'apertura',
    'abertura',
    'ouverture',
    'eroffnung',
    'eroeffnung',
    'erster',
    'eerste koers',
    'openingskoers',
  ],
  high: [
    'high',
    '<high>',
    'high price',
    'day high',
    'daily high',
    'max',
    'maxima',
    'maximo',
    'massimo',
    'plus haut',
    'haut',
    'hoch',
    'tageshoch',
    'hoogste',
    'hoog',
  ],
  low: [
    'low',
    '<low>',
    'low price',
    'day low',
    'daily low',
    'min',
    'minima',
    'minimo',
    'plus bas',
    'bas',
    'tief',
    'tagestief',
    'laagste',
    'laag',
  ],
  close: [
    'close',
    '<close>',
    'close/last',
    'close price',
    'closing price',
    'closing',
    'last',
    'last price',
    'price',
    'ultimo',
    'cierre',
    'chiusura',
    'fechamento',
    'fecho',
    'cloture',
    'dernier',
    'schluss',
    'schlusskurs',
    'zuletzt',
    'slot',
    'slotkoers',
  ],
  adjClose: [
    'adj close',
    'adj. close',
    'adjclose',
    'adj_close',
    'adjusted close',
    'adjusted_close',
    'adjusted',
    'cierre ajustado',
    'fechamento ajustado',
    'chiusura rettificata',
    'cloture ajustee',
    'bereinigter schlusskurs',
  ],
  dividend: ['dividends', 'dividend', 'dividend_amount', 'dividend amount', 'divcash', 'cash dividend', 'div'],
  split: ['stock splits', 'stock split', 'split_coefficient', 'split coefficient', 'splitfactor', 'split factor', 'split ratio', 'splits', 'split'],
  volume: [
    'volume',
    '<vol>',
    '<volume>',
    'vol',
    'vol.',
    'volumen',
    'volume (shares)',
    'volumes',
    'umsatz',
    'stuck',
    'volume negociado',
  ],
};

const LOOKUP = new Map<string, { field: BarField; rank: number }>();
for (const [field, names] of Object.entries(SYNONYMS) as Array<[BarField, string[]]>) {
  names.forEach((n, rank) => {
    if (!LOOKUP.has(n)) LOOKUP.set(n, { field, rank });
  });
}

/** Maps header cells to bar fields by name; unknown columns (Change %, Dividends…) are left out. */
export function mapHeader(header: string[]): Partial<Record<BarField, number>> {
  const best = new Map<BarField, { index: number; rank: number }>();
  header.forEach((cell, index) => {
    const hit = LOOKUP.get(normaliseHeader(cell));
    if (!hit) return;
    const prev = best.get(hit.field);
    if (!prev || hit.rank < prev.rank) best.set(hit.field, { index, rank: hit.rank });
  });
  const mapping: Partial<Record<BarField, number>> = {};
  for (const [field, { index }] of best) mapping[field] = index;
  // "time" is only the date when nothing better names it (stooq has both <DATE> and <TIME>).
  return mapping;
}

/** Names the provider whose layout a header matches, and whether its OHLC come adjusted. */
export function identifyProvider(
  header: string[],
  hasAdjClose: boolean,
): { provider: ImportProvider; pricesAdjusted: boolean } {
  const raw = header.map((h) =>
    h
      .replace(/^\ufeff/, '')
      .replace(/"/g, '')
      .trim(),
  );
  const n = raw.map(normaliseHeader);
  const has = (name: string): boolean => n.includes(name);
  if (n.some((c) => /^<.*>$/.test(c))) return { provider: 'stooq', pricesAdjusted: true };
  if (has('close/last')) return { provider: 'nasdaq', pricesAdjusted: false };
  if ((has('vol.') || has('change %') || has('var%') || has('var.%') || has('% var.')) && n.length <= 8) {
    return { provider: 'investing', pricesAdjusted: false };
  }
  if (n[0] === 'timestamp' && has('open') && raw[0] === 'timestamp')
    return { provider: 'alphavantage', pricesAdjusted: false };
  if (has('adjclose') && (has('divcash') || has('splitfactor') || has('adjvolume')))
    return { provider: 'tiingo', pricesAdjusted: false };
  if (has('last') && (has('%chg') || has('change')) && (has('time') || has('date')))
    return { provider: 'barchart', pricesAdjusted: false };
  const yahooClassic = ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'];
  if (raw.length === yahooClassic.length && raw.every((c, i) => c === yahooClassic[i]))
    return { provider: 'yahoo', pricesAdjusted: false };
  const yfinanceNames = new Set([
    'Date',
    'Datetime',
    'Open',
    'High',
    'Low',
    'Close',
    'Adj Close',
    'Volume',
    'Dividends',
    'Stock Splits',
    'Capital Gains',
    'Repaired?',
  ]);
  if ((raw[0] === 'Date' || raw[0] === 'Datetime') && raw.every((c) => yfinanceNames.has(c))) {
    // yfinance without Adj Close is its default auto_adjust=True download: OHLC already adjusted.
    return { provider: 'yfinance', pricesAdjusted: !hasAdjClose };
  }
  return { provider: 'generic', pricesAdjusted: false };
}

/** The key under which a hand-made mapping is remembered: the normalised header and delimiter. */
export function layoutKey(header: string[], delimiter: string): string {
  return `${delimiter === '\t' ? 'tab' : delimiter}:${header.map(normaliseHeader).join('|')}`;
}

const NOT_TICKERS = new Set([
  'DATA',
  'PRICES',
  'PRICE',
  'EXPORT',
  'DOWNLOAD',
  'HISTORY',
  'HISTORICAL',
  'QUOTES',
  'TABLE',
  'SHEET',
  'FILE',
  'DAILY',
  'OUTPUT',
  'TEST',
]);

/** The ticker a file name implies (`IWM.csv`, `spy.us.txt` → SPY, `^GSPC.csv`, `SPY Historical Data.csv`), or null. */
export function tickerFromFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  let stem = base.replace(/\.(csv|txt|tsv|prn|dat)$/i, '');
  stem = stem.replace(
    /\s+(historical data|historische daten|dados historicos|dados históricos|données historiques|datos históricos)(\s*\(\d+\))?$/i,
    '',
  );
  stem = stem.replace(/\.us$/i, '');
  // Browsers' copies and provider download words around the ticker: `SPY (1)`, `xlk_price-history-05-04-2021`,
  // `msft_daily`, `QQQ-prices`, `IWM_export_2026-01-11`, `aapl.historical`.
  stem = stem.replace(/\s*\(\d+\)$/, '');
  for (let before = ''; before !== stem; ) {
    before = stem;
    stem = stem
      .replace(/[\s_.-]+\d{1,4}[-_.]\d{1,2}[-_.]\d{1,4}$/, '')
      .replace(/[\s_.-]+\d{8,14}$/, '')
      .replace(/[\s_.-]+(?:price[\s_-]?history|historical[\s_-]?(?:data|prices|quotes)?|history|prices?|quotes?|daily|weekly|eod|ohlcv?|data|export(?:ed)?|download(?:ed)?|stock|chart|us)$/i, '')
      .replace(/^(?:(?:stock|quotes?|prices?|history|export|download|daily|eod)[\s_.-]+)+(?=[A-Za-z^])/i, '');
  }
  const t = stem.trim().toUpperCase();
  // Download names like Nasdaq's `HistoricalData_1715000000.csv` carry a time stamp, not a ticker.
  if (
    !/^[A-Z0-9^][A-Z0-9^.\-=_]*$/.test(t) ||
    t.length > 24 ||
    NOT_TICKERS.has(t) ||
    /^HISTORICAL|_\d{3,}$|\d{6,}/.test(t)
  )
    return null;
  return t;
}

/** The archive's symbol for a ticker as a file spells it (stooq's `SPY.US` → `SPY`). */
export function normaliseTicker(raw: string, provider: ImportProvider): string {
  const t = raw.trim().toUpperCase();
  return provider === 'stooq' ? t.replace(/\.US$/, '') : t;
}

/**
 * Markets: where a ticker trades, which decides the holiday calendar its gaps and holidays are judged
 * by. Breadth knows the NYSE's calendar; for any other market it judges a ticker by its own trading
 * days (weekends aside) and says once that no calendar is known, instead of warning on every US
 * holiday the market did trade (a Brazilian index on Thanksgiving, a Singapore file on July 4).
 */

/** A market Breadth can name. `calendar` is the holiday calendar it knows for it (null: none). */
export interface Market {
  code: string;
  name: string;
  calendar: 'NYSE' | null;
}

/** Every market Breadth names, once. */
export const MARKETS: readonly Market[] = [
  { code: 'US', name: 'United States (NYSE, Nasdaq)', calendar: 'NYSE' },
  { code: 'CA', name: 'Canada (TSX)', calendar: null },
  { code: 'BR', name: 'Brazil (B3)', calendar: null },
  { code: 'MX', name: 'Mexico (BMV)', calendar: null },
  { code: 'UK', name: 'United Kingdom (LSE)', calendar: null },
  { code: 'DE', name: 'Germany (Xetra)', calendar: null },
  { code: 'FR', name: 'France (Euronext Paris)', calendar: null },
  { code: 'NL', name: 'Netherlands (Euronext Amsterdam)', calendar: null },
  { code: 'CH', name: 'Switzerland (SIX)', calendar: null },
  { code: 'EU', name: 'Euro area (Euro Stoxx)', calendar: null },
  { code: 'JP', name: 'Japan (TSE)', calendar: null },
  { code: 'HK', name: 'Hong Kong (HKEX)', calendar: null },
  { code: 'CN', name: 'China (SSE, SZSE)', calendar: null },
  { code: 'KR', name: 'South Korea (KRX)', calendar: null },
  { code: 'IN', name: 'India (NSE, BSE)', calendar: null },
  { code: 'SG', name: 'Singapore (SGX)', calendar: null },
  { code: 'AU', name: 'Australia (ASX)', calendar: null },
];

/** Market codes, for validation. */
export const MARKET_CODES = MARKETS.map((m) => m.code) as [string, ...string[]];

/** The market of a code (undefined for one Breadth does not name). */
export function marketByCode(code: string): Market | undefined {
  return MARKETS.find((m) => m.code === code);
}

/** Yahoo-style suffixes (`PETR4.SA`, `D05.SI`, `VOD.L`) and stooq's (`spy.us`, `vod.uk`). */
const SUFFIXES: Record<string, string> = {
  US: 'US', TO: 'CA', V: 'CA', NE: 'CA', SA: 'BR', MX: 'MX', L: 'UK', UK: 'UK', IL: 'UK', DE: 'DE', F: 'DE', PA: 'FR',
  AS: 'NL', SW: 'CH', T: 'JP', JP: 'JP', HK: 'HK', SS: 'CN', SZ: 'CN', KS: 'KR', KQ: 'KR', NS: 'IN', BO: 'IN', SI: 'SG', AX: 'AU',
};

/** Index symbols of other markets (Yahoo's spelling). */
const INDICES: Record<string, string> = {
  '^BVSP': 'BR', '^GSPTSE': 'CA', '^MXX': 'MX', '^FTSE': 'UK', '^FTMC': 'UK', '^GDAXI': 'DE', '^FCHI': 'FR', '^AEX': 'NL',
  '^SSMI': 'CH', '^STOXX50E': 'EU', '^STOXX': 'EU', '^N225': 'JP', '^HSI': 'HK', '000001.SS': 'CN', '^KS11': 'KR',
  '^NSEI': 'IN', '^BSESN': 'IN', '^STI': 'SG', '^AXJO': 'AU', '^AORD': 'AU', IBOV: 'BR', BVSP: 'BR',
};

/**
 * The market a ticker's symbol suggests: an index of another market, an exchange suffix, else the US
 * (where plain symbols such as SPY and ^GSPC trade). The analyst can set another (`--market`).
 */
export function suggestMarket(ticker: string): string {
  const t = ticker.toUpperCase();
  if (INDICES[t]) return INDICES[t]!;
  const dot = t.lastIndexOf('.');
  if (dot > 0) {
    const m = SUFFIXES[t.slice(dot + 1)];
    if (m) return m;
  }
  return 'US';
}

/** What a ticker's gaps are judged by, said once: null when its market has the NYSE calendar. */
export function calendarNote(ticker: string, market: string): string | null {
  const m = marketByCode(market);
  if (m?.calendar) return null;
  return `no holiday calendar is known for ${m ? m.name : market}: ${ticker}'s holidays are not checked, and its gaps are judged by its own trading days`;
}

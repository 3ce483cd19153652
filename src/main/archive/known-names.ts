/**
 * Names of the funds and indexes analysts quote most, for tickers whose price files carry no name
 * (none of the common providers' CSV layouts do). A name the archive holds always wins.
 */
const KNOWN: Readonly<Record<string, string>> = {
  SPY: 'SPDR S&P 500 ETF Trust',
  IVV: 'iShares Core S&P 500 ETF',
  VOO: 'Vanguard S&P 500 ETF',
  QQQ: 'Invesco QQQ Trust (Nasdaq-100)',
  DIA: 'SPDR Dow Jones Industrial Average ETF',
  IWM: 'iShares Russell 2000 ETF',
  MDY: 'SPDR S&P MidCap 400 ETF',
  RSP: 'Invesco S&P 500 Equal Weight ETF',
  XLB: 'Materials Select Sector SPDR',
  XLC: 'Communication Services Select Sector SPDR',
  XLE: 'Energy Select Sector SPDR',
  XLF: 'Financial Select Sector SPDR',
  XLI: 'Industrial Select Sector SPDR',
  XLK: 'Technology Select Sector SPDR',
  XLP: 'Consumer Staples Select Sector SPDR',
  XLRE: 'Real Estate Select Sector SPDR',
  XLU: 'Utilities Select Sector SPDR',
  XLV: 'Health Care Select Sector SPDR',
  XLY: 'Consumer Discretionary Select Sector SPDR',
  TLT: 'iShares 20+ Year Treasury Bond ETF',
  GLD: 'SPDR Gold Shares',
  '^GSPC': 'S&P 500 Index',
  '^SPX': 'S&P 500 Index',
  SPX: 'S&P 500 Index',
  '^DJI': 'Dow Jones Industrial Average',
  '^IXIC': 'Nasdaq Composite',
  '^NDX': 'Nasdaq-100 Index',
  '^RUT': 'Russell 2000 Index',
  '^VIX': 'CBOE Volatility Index',
  MSFT: 'Microsoft Corporation',
  AAPL: 'Apple Inc.',
};

/** The well-known name of a ticker, or null. */
export function knownName(symbol: string): string | null {
  return KNOWN[symbol] ?? null;
}

import { DEFAULT_BASIS, type TradingDate } from '../../shared/domain';
import type { ArchiveState, PdfRequest, PrintChart, PrintDocument, PrintTickerRow } from '../../shared/pdf';
import type { Report } from '../../shared/reports';
import { addDays } from '../../shared/calendar';
import { archiveInfo, hasTicker, readBars, tickerNames } from '../archive/repository';
import type { Core } from '../core';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { verifyReport } from '../claims/verify';
import { listNotes } from '../notes/repository';
import { getReport } from '../reports/repository';
import { dataIssues } from '../watchlists/repository';

/** Calendar days of context a chart shows before the report's window. */
const CONTEXT_DAYS = 62;
/** Calendar days loaded before what a chart shows, so its SMA(20) is drawn from the first bar shown. */
const SMA_LEAD_DAYS = 45;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** The newest bar and the latest import still in effect. */
export function archiveState(db: Db): ArchiveState {
  const latest = db.prepare("SELECT max(created_at) FROM imports WHERE status = 'committed'").pluck().get() as string | null;
  return { newestBar: archiveInfo(db).lastDate, latestImport: latest ?? null };
}

/** The window the figures are computed over: the report's, or its as-of day alone. */
export function figuresWindow(report: Report): { from: TradingDate; to: TradingDate } {
  return report.window ?? { from: report.asOf, to: report.asOf };
}

function chartOf(db: Db, ticker: string, window: { from: TradingDate; to: TradingDate }, hasWindow: boolean): PrintChart | null {
  const shownFrom = addDays(window.from, -CONTEXT_DAYS);
  const shownTo = window.to;
  const bars = readBars(db, ticker, addDays(shownFrom, -SMA_LEAD_DAYS), shownTo);
  if (!bars.dates.some((d) => d >= shownFrom)) return null;
  const col = (a: Float64Array): Array<number | null> => Array.from(a, orNull);
  return {
    ticker,
    dates: bars.dates,
    open: col(bars.open),
    high: col(bars.high),
    low: col(bars.low),
    close: col(bars.close),
    volume: col(bars.volume),
    shownFrom,
    shownTo,
    window: hasWindow ? window : null,
  };
}

/**
 * Assembles what the PDF shows: the report, each related ticker's figures over its window (from the
 * analytics workers), the bars of the charts, the chosen notes, and the archive's state.
 */
export async function buildPrintDocument(core: Core, request: PdfRequest, now = new Date()): Promise<PrintDocument> {
  const report = getReport(core.db, request.reportId);
  const window = figuresWindow(report);
  const names = tickerNames(core.db);
  const tickers: PrintTickerRow[] = await Promise.all(
    report.tickers.map(async (ticker) => {
      const name = names.get(ticker) ?? null;
      if (!hasTicker(core.db, ticker)) return { ticker, name, hasData: false, panel: null, issues: [] };
      // The year the 52-week figures look back over, to the window's end.
      const issues = dataIssues(core.db, ticker, addDays(window.to, -365), window.to);
      try {
        const panel = await core.analytics.run('panel', { ticker, from: window.from, to: window.to, basis: DEFAULT_BASIS });
        return { ticker, name, hasData: panel.window.bars > 0, panel, issues };
      } catch (err) {
        if (err instanceof DomainError && err.code === 'NOT_FOUND') return { ticker, name, hasData: false, panel: null, issues };
        throw err;
      }
    }),
  );
  const unknown = (request.charts ?? []).filter((t) => !report.tickers.includes(t));
  if (unknown.length) {
    throw new DomainError('INVALID_INPUT', `${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not among the report's tickers`, { unknown });
  }
  const charted = request.charts ?? report.tickers;
  const charts = charted.flatMap((t) => {
    const c = hasTicker(core.db, t) ? chartOf(core.db, t, window, report.window !== null) : null;
    return c ? [c] : [];
  });
  const allNotes = listNotes(core.db, report.id);
  let notes = allNotes;
  if (request.notes === 'none') notes = [];
  else if (Array.isArray(request.notes)) {
    const chosen = new Set(request.notes);
    const missing = [...chosen].filter((id) => !allNotes.some((n) => n.id === id));
    if (missing.length) throw new DomainError('NOT_FOUND', `note ${missing.join(', ')} is not a note of report ${report.id}`, { missing });
    notes = allNotes.filter((n) => chosen.has(n.id));
  }
  const settings = core.settings.ui();
  return {
    report,
    author: settings.author,
    pageSize: request.pageSize ?? settings.pageSize,
    marginMm: settings.marginMm,
    dateFormat: settings.dateFormat,
    window,
    tickers,
    charts,
    notes,
    verification: await verifyReport(core, report.id),
    figuresTable: request.figuresTable ?? false,
    archive: archiveState(core.db),
    generatedAt: now.toISOString(),
    appVersion: core.version,
  };
}

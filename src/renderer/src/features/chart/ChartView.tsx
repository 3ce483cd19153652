import { BasisOptions } from '@renderer/lib/BasisOptions';
import type { PriceBasis } from '@shared/domain';
import { useQueries } from '@tanstack/react-query';
import { memo, useState } from 'react';
import type { BarColumns } from '@shared/domain';
import { useSelection } from '@renderer/app/selection';
import { ApiError } from '@renderer/lib/api';
import { useLocalState } from '@renderer/lib/local-state';
import { callQuery, useCall } from '@renderer/lib/use-call';
import { BARS_OPTIONS } from './chart-calls';
import { useOpenReportWindow } from '@renderer/features/reports/use-open-report';
import { useActiveWatchlist } from '@renderer/features/watchlists/use-watchlists';
import { WatchlistTable } from '@renderer/features/watchlists/WatchlistTable';
import { focusChart, useChartFocus } from './chart-focus';
import { AddTickerBox } from '@renderer/features/watchlists/AddTickerBox';
import { CompareChart, MAX_COMPARE } from './CompareChart';
import { PriceChart, type Overlays } from './PriceChart';
import type { RangePreset } from './series';
import { FALLBACK_PRESET, resolveWindow, withEnd } from '@renderer/lib/windows';
import { formatDate } from '@renderer/lib/format';
import { DateInput } from '@renderer/lib/DateInput';
import { WINDOW_PRESETS, type WindowChoice } from '@shared/settings';
import { useChartColors } from './use-chart-colors';
import { BreadthTable } from '@renderer/features/breadth/BreadthTable';
import type { BreadthUniverse } from '@shared/breadth';
import './chart.css';

/** Whose breadth is drawn under the chart. */
type BreadthChoice = 'off' | 'watchlist' | 'report' | 'market';

const DEFAULT_OVERLAYS: Overlays = { sma20: true, sma50: true, sma200: false };
/** From this many bars on, a ticker gets a new chart instead of swapping data into the old one. */
const FRESH_CHART_BARS = 20_000;

/** A toggle button that says whether it is on. */
function Toggle(props: { on: boolean; onChange: (on: boolean) => void; children: React.ReactNode; title?: string }): React.JSX.Element {
  return (
    <button type="button" className="chip" aria-pressed={props.on} title={props.title} onClick={() => props.onChange(!props.on)}>
      {props.children}
    </button>
  );
}

/** "no data — import a CSV", with the way to the import view one click away. */
function NoData(props: { ticker: string }): React.JSX.Element {
  const { setView } = useSelection();
  return (
    <div className="empty chart-empty" data-testid="chart-no-data">
      <h2>{props.ticker}: no data — import a CSV</h2>
      <p>The archive has no bars for {props.ticker} yet.</p>
      <button type="button" className="primary" onClick={() => setView('imports')}>
        Import a CSV…
      </button>
    </div>
  );
}

/**
 * The Chart view: the selected ticker's candlesticks (volume pane, SMA overlays, log scale, range
 * presets with the open report's window, markers) or compare mode, above the open watchlist's table,
 * whose active row drives the chart.
 */
export const ChartView = memo(function ChartView(): React.JSX.Element {
  const { ticker, openNote, basis, setBasis, window: chosen, setWindow } = useSelection();
  const { active } = useActiveWatchlist();
  // The open report's window rules until the analyst picks another range; a report's own watchlist
  // brings its report's window when no report is open.
  const openReport = useOpenReportWindow();
  const report = openReport ?? active?.report ?? null;
  const reportWindow = report?.windowFrom && report.windowTo ? report : null;
  const reportRange = reportWindow ? { from: reportWindow.windowFrom!, to: reportWindow.windowTo! } : null;
  const colors = useChartColors();
  const [overlays, setOverlays] = useLocalState<Overlays>('chart.overlays', DEFAULT_OVERLAYS);
  const [logScale, setLogScale] = useLocalState<boolean>('chart.log', false);
  // Choosing the preset already shown shows its range again (after scrolling or zooming away from it).
  const [rangeRequest, setRangeRequest] = useState(0);
  // A window another view asked for (a checked figure's) rules until a preset is chosen.
  const focus = useChartFocus();
  const claim = focus && focus.ticker === ticker ? focus : null;
  const choose = (choice: WindowChoice): void => {
    if (claim) focusChart(null);
    setWindow({ ...chosen, choice });
    setRangeRequest((n) => n + 1);
  };
  const shaded = claim ? { id: -1, slug: '', title: claim.label, asOf: claim.to, windowFrom: claim.from, windowTo: claim.to } : report;
  const [compareOn, setCompareOn] = useState(false);
  // Breadth of a universe under the chart: the open watchlist's members, the open report's, or a market's.
  const [breadthOf, setBreadthOf] = useLocalState<BreadthChoice>('chart.breadth', 'off');
  const [legendDate, setLegendDate] = useState<string | null>(null);
  const [compareExtra, setCompareExtra] = useState<string[] | null>(null);

  const bars = useCall(
    'archive:bars',
    { ticker: ticker ?? '', basis },
    { ...BARS_OPTIONS, enabled: ticker !== null, placeholderData: (prev) => prev },
  );
  const issues = useCall('archive:issues', { ticker: ticker ?? '' }, { enabled: ticker !== null });
  const noteMarkers = useCall('notes:markers', { ticker: ticker ?? 'SPY' }, { enabled: ticker !== null });
  const noData = bars.error instanceof ApiError && bars.error.code === 'NOT_FOUND';
  const shown: BarColumns | undefined = bars.data && bars.data.ticker === ticker ? bars.data : bars.isPlaceholderData ? bars.data : undefined;

  // The shared window made concrete for the shown ticker (presets end on its last bar).
  const resolved =
    shown && shown.dates.length > 0
      ? resolveWindow(chosen, reportRange, shown.dates[0]!, shown.dates.at(-1)!)
      : null;
  const preset: RangePreset =
    claim || resolved?.shown === 'Report' || resolved?.shown === 'Custom' ? 'Window' : (resolved?.shown ?? FALLBACK_PRESET);
  const chartWindow = claim ? { from: claim.from, to: claim.to } : resolved && (resolved.shown === 'Report' || resolved.shown === 'Custom') ? resolved : null;

  const extras = compareExtra ?? (active?.tickers.filter((t) => t !== ticker).slice(0, MAX_COMPARE - 1) ?? []);
  const compareTickers = ticker ? [ticker, ...extras.filter((t) => t !== ticker)].slice(0, MAX_COMPARE) : [];
  const compareData = useQueries({
    queries: (compareOn ? compareTickers : []).map((t) => callQuery('archive:bars', { ticker: t, basis }, BARS_OPTIONS)),
  });
  const compareSeries = compareData.flatMap((q) => (q.data ? [q.data] : []));
  const universe: BreadthUniverse | null =
    breadthOf === 'watchlist' && active ? { kind: 'watchlist', name: active.name } : breadthOf === 'report' && openReport ? { kind: 'report', id: openReport.id } : breadthOf === 'market' ? { kind: 'market', market: 'US' } : null;
  const breadth = useCall(
    'breadth:series',
    { universe: universe ?? { kind: 'market', market: 'US' }, from: resolved?.from ?? '2000-01-01', to: resolved?.to ?? '2000-01-01', benchmark: ticker ?? undefined, basis },
    { enabled: universe !== null && resolved !== null && ticker !== null && !compareOn, placeholderData: (prev) => prev },
  );
  const breadthShown = universe && breadth.data && breadth.data.benchmark?.ticker === ticker ? breadth.data : null;

  // Compare spans the shared window; a start or end typed here becomes the window of every view.
  const compareStart = resolved?.from ?? '2000-01-01';
  const compareEnd = resolved?.to ?? compareStart;
  const setCompareSpan = (span: { from: string; to: string }): void => setWindow({ choice: 'Custom', ...span });

  return (
    <section className="chart-view" aria-label="Chart">
      <header className="chart-toolbar">
        <h1 data-testid="chart-ticker">{ticker ?? 'Chart'}</h1>
        <div className="chip-group" role="group" aria-label="Range">
          {WINDOW_PRESETS.map((p) => (
            <button key={p} type="button" className="chip" aria-pressed={!claim && preset === p} onClick={() => choose(p)} title={compareOn ? `Compare over ${p}` : undefined}>
              {p}
            </button>
          ))}
          {claim && (
            <button type="button" className="chip report-chip" aria-pressed="true" title={`${claim.label}: ${formatDate(claim.from)} → ${formatDate(claim.to)}`} onClick={() => choose(chosen.choice)}>
              {claim.label} {formatDate(claim.from)} → {formatDate(claim.to)} ×
            </button>
          )}
          {!claim && resolved?.shown === 'Custom' && (
            <button type="button" className="chip report-chip" aria-pressed="true" title="The window typed in (Analytics or compare); press a preset to leave it" onClick={() => choose('Custom')}>
              {formatDate(resolved.from)} → {formatDate(resolved.to)}
            </button>
          )}
          {reportWindow && (
            <button
              type="button"
              className="chip report-chip"
              aria-pressed={!claim && resolved?.shown === 'Report'}
              title={`The window of "${reportWindow.title}": ${formatDate(reportWindow.windowFrom)} → ${formatDate(reportWindow.windowTo)}`}
              onClick={() => choose('Report')}
            >
              Report {formatDate(reportWindow.windowFrom!)} → {formatDate(reportWindow.windowTo!)}
            </button>
          )}
        </div>
        <div className="chip-group" role="group" aria-label="Overlays">
          <Toggle on={overlays.sma20} onChange={(on) => setOverlays({ ...overlays, sma20: on })}>
            <i className="swatch sma20" /> SMA 20
          </Toggle>
          <Toggle on={overlays.sma50} onChange={(on) => setOverlays({ ...overlays, sma50: on })}>
            <i className="swatch sma50" /> SMA 50
          </Toggle>
          <Toggle on={overlays.sma200} onChange={(on) => setOverlays({ ...overlays, sma200: on })}>
            <i className="swatch sma200" /> SMA 200
          </Toggle>
          <Toggle on={logScale} onChange={setLogScale} title="Logarithmic price scale">
            Log
          </Toggle>
          <Toggle on={compareOn} onChange={setCompareOn} title="Compare up to six tickers rebased to 0 % at a start date">
            Compare
          </Toggle>
        </div>
        <label className="chip breadth-choice">
          Breadth
          <select aria-label="Breadth of" value={breadthOf} onChange={(e) => setBreadthOf(e.target.value as BreadthChoice)}>
            <option value="off">off</option>
            <option value="watchlist" disabled={!active}>
              {active ? `watchlist ${active.name}` : 'the open watchlist'}
            </option>
            <option value="report" disabled={!openReport}>
              report tickers
            </option>
            <option value="market">market US</option>
          </select>
        </label>
        {/* The basis is the one Analytics and the watchlists use: chosen once, kept across views. */}
        <select className="chip" aria-label="Chart basis" value={basis} onChange={(e) => setBasis(e.target.value as PriceBasis)}>
          <BasisOptions />
        </select>
      </header>
      {compareOn && ticker && (
        <div className="compare-bar" role="group" aria-label="Compare">
          <label>
            Start <DateInput aria-label="Compare start date" value={compareStart} onChange={(iso) => setCompareSpan(withEnd({ from: compareStart, to: compareEnd }, 'from', iso))} />
          </label>
          <label>
            End <DateInput aria-label="Compare end date" value={compareEnd} onChange={(iso) => setCompareSpan(withEnd({ from: compareStart, to: compareEnd }, 'to', iso))} />
          </label>
          {compareTickers.map((t, i) => (
            <span key={t} className={`chip compare-key c${i}`} data-testid={`compare-chip-${t}`}>
              <i className="swatch" /> {t}
              {compareData[i]?.error && <span className="muted">no data</span>}
              {i > 0 && (
                <button type="button" className="icon-button" aria-label={`Remove ${t} from the comparison`} onClick={() => setCompareExtra(extras.filter((x) => x !== t))}>
                  ×
                </button>
              )}
            </span>
          ))}
          {/* Any ticker of the archive, with completion. */}
          {compareTickers.length < MAX_COMPARE && (
            <AddTickerBox onAdd={(t) => !compareTickers.includes(t) && setCompareExtra([...extras, t])} label="Add to the comparison" placeholder="Compare with…" />
          )}
        </div>
      )}
      <div className="chart-area">
        {!ticker ? (
          <div className="empty chart-empty">
            <h2>Choose a ticker</h2>
            <p>Pick a row of the watchlist below or a ticker in the sidebar.</p>
          </div>
        ) : noData ? (
          <NoData ticker={ticker} />
        ) : compareOn ? (
          <CompareChart series={compareSeries} start={compareStart} end={compareEnd} colors={colors} />
        ) : shown ? (
          shown.dates.length === 0 ? (
            <NoData ticker={ticker} />
          ) : (
            <PriceChart
              // Long histories get a fresh chart per ticker: lightweight-charts replaces a series' data by
              // unlinking every old point from its shared time index and re-sorting it once per series,
              // which at 100,000 bars costs more than a new chart. Short ones swap data in place (cheaper
              // than new canvases).
              key={shown.dates.length >= FRESH_CHART_BARS ? shown.ticker : 'swap'}
              bars={shown}
              issues={issues.data && shown.ticker === ticker ? issues.data : []}
              report={shaded}
              overlays={overlays}
              logScale={logScale}
              preset={preset}
              window={chartWindow}
              rangeRequest={rangeRequest}
              colors={colors}
              notes={noteMarkers.data}
              onNote={(n) => openNote(n.noteId, n.reportId)}
              breadth={breadthShown}
              onLegendDate={breadthShown ? setLegendDate : undefined}
            />
          )
        ) : bars.error ? (
          <p className="error">{bars.error.message}</p>
        ) : (
          <div className="chart-empty" aria-busy="true" />
        )}
      </div>
      {breadthShown && !compareOn && <BreadthTable breadth={breadthShown} date={legendDate} />}
      {universe && breadth.error && !compareOn && <p className="error small">Breadth: {breadth.error.message}</p>}
      {active ? (
        <WatchlistTable list={active} />
      ) : (
        <p className="muted small wl-none">No watchlist yet: press + under Watchlists in the sidebar to start one.</p>
      )}
    </section>
  );
});

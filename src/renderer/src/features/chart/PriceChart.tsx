import { formatDate } from '@renderer/lib/format';
import {
  CandlestickSeries,
  ColorType,
  createChart,
  createSeriesMarkers,
  createTextWatermark,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  PriceScaleMode,
  type AutoscaleInfo,
  type IChartApi,
  type ISeriesApi,
  type ISeriesMarkersPluginApi,
  type ITextWatermarkPluginApi,
  type MouseEventParams,
  type SeriesMarker,
  type Time,
  type UTCTimestamp,
} from 'lightweight-charts';
import { addWindowShade } from './window-shade';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DataIssue } from '@shared/archive';
import type { NoteMarker } from '@shared/notes';
import type { WatchlistReport } from '@shared/watchlists';
import type { BarColumns } from '@shared/domain';
import type { BreadthSeries } from '@shared/breadth';
import { whenIdle } from '@renderer/lib/idle';
import { ChartLegend } from './ChartLegend';
import {
  dateToTime,
  firstBarToLoad,
  indexOnOrAfter,
  indexOnOrBefore,
  issueRuns,
  legendAt,
  presetRange,
  smaLine,
  toChartSeries,
  type RangePreset,
} from './series';
import type { ChartColors } from './use-chart-colors';

/** The breadth panes' names, top to bottom, written at each pane's top left. */
const BREADTH_PANES = ['A/D line', 'Above the 20-, 50- and 200-day averages', 'McClellan oscillator'];

/** Which moving averages are drawn. */
export interface Overlays {
  sma20: boolean;
  sma50: boolean;
  sma200: boolean;
}

const SMA_PERIODS = { sma20: 20, sma50: 50, sma200: 200 } as const;
type SmaKey = keyof typeof SMA_PERIODS;
const SMA_KEYS = Object.keys(SMA_PERIODS) as SmaKey[];

interface Handles {
  chart: IChartApi;
  windowShade: ISeriesApi<'Area', Time>;
  candles: ISeriesApi<'Candlestick', Time>;
  /** A close-only series (index levels, NAVs) is drawn as this line instead of candles. */
  closeLine: ISeriesApi<'Line', Time>;
  volume: ISeriesApi<'Histogram', Time>;
  sma: Record<SmaKey, ISeriesApi<'Line', Time>>;
  markers: ISeriesMarkersPluginApi<Time>;
  lineMarkers: ISeriesMarkersPluginApi<Time>;
  /** Whether the bars shown are close-only (markers and the crosshair go on the line). */
  closeOnly: boolean;
}

/** Props of {@link PriceChart}. */
export interface PriceChartProps {
  bars: BarColumns;
  issues: readonly DataIssue[];
  report: WatchlistReport | null;
  overlays: Overlays;
  logScale: boolean;
  /** The range to show; re-applied when it, the window or the ticker changes. */
  preset: RangePreset;
  /** The window the `Window` preset shows (the open report's, a checked figure's, dates typed in). */
  window: { from: string; to: string } | null;
  /** Bumped when the user chooses a preset, so that choosing the one shown applies it again. */
  rangeRequest: number;
  colors: ChartColors;
  /** Date-anchored notes on this ticker: a marker on their bar and a pin above it that opens the note. */
  notes?: readonly NoteMarker[];
  /** Opens a note (its marker or pin was clicked). */
  onNote?: (note: NoteMarker) => void;
  /** Breadth of a universe, drawn in panes under the prices (A/D line, % above averages, McClellan). */
  breadth?: BreadthSeries | null;
  /** The day the legend shows (under the crosshair, else the last bar in view), for a table beside the chart. */
  onLegendDate?: (date: string) => void;
}

const NO_NOTES: readonly NoteMarker[] = [];

/** Width of the price axis in CSS pixels (wider when the labels need it). */
const PRICE_AXIS_WIDTH = 72;

/** Prices on the axis and its labels as the legend writes them: 6,966.28, with thousands separators. */
const priceLabel = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const PRICE_FORMAT = { type: 'custom', minMove: 0.01, formatter: (p: number) => priceLabel.format(p) } as const;

/** Room below the lowest price shown, as a share of the prices' span (lightweight-charts' default look). */
const BOTTOM_ROOM = 0.1 / 0.8;
/**
 * Pixels kept free at the top of the price pane below the legend over it (its height is measured, as it
 * wraps on narrow charts): the highest bar and the markers above it (as of, notes, divergences) are
 * drawn below the legend, never under it.
 */
const LEGEND_GAP = 22;

/**
 * Autoscale of the price pane on a linear scale: the data's range with room below it, but never below
 * zero (a price cannot be negative, so an axis reaching under zero only wastes space and misleads). The
 * pane's own bottom margin is zero for that reason; on a log scale the default margin applies.
 */
function priceAutoscale(isLog: () => boolean, legendHeight: () => number) {
  return (original: () => AutoscaleInfo | null): AutoscaleInfo | null => {
    const r = original();
    if (!r?.priceRange) return r;
    const margins = { above: Math.max(legendHeight() + LEGEND_GAP, r.margins?.above ?? 0), below: r.margins?.below ?? 0 };
    if (isLog()) return { ...r, margins };
    const { minValue, maxValue } = r.priceRange;
    const room = (maxValue - minValue) * BOTTOM_ROOM || Math.abs(minValue) * 0.05;
    return { ...r, margins, priceRange: { minValue: minValue >= 0 ? Math.max(0, minValue - room) : minValue - room, maxValue } };
  };
}

function chartOptions(colors: ChartColors) {
  return {
    layout: {
      background: { type: ColorType.Solid, color: colors.background } as const,
      textColor: colors.muted,
      fontFamily: getComputedStyle(document.body).fontFamily,
      attributionLogo: false,
      panes: { separatorColor: colors.border, enableResize: true },
    },
    grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
    // A price axis of steady width: switching tickers does not move the plot (nor resize its canvases,
    // which with software rendering costs more than drawing a few hundred bars).
    // A label at a pane's edge is drawn only when all of it fits (the lowest price was cut in half).
    rightPriceScale: { borderColor: colors.border, minimumWidth: PRICE_AXIS_WIDTH, entireTextOnly: true },
    // "Max" must show every bar, even 100,000 of them: let bars get thinner than half a pixel, and let
    // the chart conflate what a pixel cannot show instead of drawing each bar.
    // The edges stay at the first and last bar: the library then keeps the labels of the ticks next to
    // them inside the axis (the year under the last bar was cut off at the right edge).
    timeScale: { borderColor: colors.border, minBarSpacing: 0.001, enableConflation: true, fixLeftEdge: true, fixRightEdge: true },
    crosshair: { mode: CrosshairMode.Normal },
  };
}

/** Binary search of a chart time among ascending times; the index of the bar at or before it. */
function indexOfTime(times: readonly number[], time: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first point at or after `time` (points ascending by time). */
function lowerTime(points: ReadonlyArray<{ time: UTCTimestamp }>, time: number): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.time < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Sets the data of each moving average shown that does not have these bars' yet. */
function syncSma(
  h: Handles | null,
  bars: BarColumns | undefined,
  overlays: Overlays,
  smaFor: Partial<Record<SmaKey, BarColumns>>,
  times: readonly UTCTimestamp[],
): void {
  if (!h || !bars) return;
  for (const k of SMA_KEYS) {
    if (overlays[k] && smaFor[k] !== bars) {
      h.sma[k].setData(smaLine(times, bars.close, SMA_PERIODS[k]));
      smaFor[k] = bars;
    }
  }
}

/** Adds `f` to `set`; returns its removal (an effect's cleanup). */
function addRefresh(set: Set<() => void>, f: () => void): () => void {
  set.add(f);
  return () => {
    set.delete(f);
  };
}

/**
 * Candlesticks of one ticker with volume in its own pane, SMA overlays, the open report's window shaded,
 * markers for the report's as-of date and the import's data-quality warnings, and a legend for the bar
 * under the crosshair. Keyboard: ←/→ move the crosshair (Shift: 10 bars), +/− zoom, Home/End.
 * The chart is created once per mount and removed on unmount; switching tickers only swaps data.
 */
export function PriceChart(props: PriceChartProps): React.JSX.Element {
  const { bars, issues, report, overlays, logScale, preset, window: shownWindow, rangeRequest, colors } = props;
  const notes = props.notes ?? NO_NOTES;
  const onNoteRef = useRef(props.onNote);
  const notesRef = useRef(notes);
  useLayoutEffect(() => {
    onNoteRef.current = props.onNote;
    notesRef.current = notes;
  });
  /** Where each note's pin sits (x in CSS pixels from the chart's left), or off-screen. */
  const [pins, setPins] = useState<Array<{ note: NoteMarker; x: number }>>([]);
  const placePins = useRef<() => void>(() => {});
  const container = useRef<HTMLDivElement>(null);
  const handles = useRef<Handles | null>(null);
  const times = useRef<UTCTimestamp[]>([]);
  const smaFor = useRef<Partial<Record<SmaKey, BarColumns>>>({});
  const [cursor, setCursor] = useState<{ bars: BarColumns; index: number } | null>(null);
  // The last bar in view: what the legend shows while the crosshair is away (not a bar off-screen).
  const [lastInView, setLastInView] = useState<{ bars: BarColumns; index: number } | null>(null);
  const initialColors = useRef(colors);
  const currentBars = useRef<BarColumns | null>(null);
  const byKeyboard = useRef(false);
  /** The bars given to the chart and the index of the first one loaded (> 0 until the whole history is). */
  const loaded = useRef<{ bars: BarColumns; first: number } | null>(null);
  /** Loads the rest of the history and the moving averages; null once done. */
  const complete = useRef<(() => void) | null>(null);
  /** Effects whose output depends on which bars are loaded, re-run once all are. */
  const refreshClipped = useRef(new Set<() => void>());
  const overlaysRef = useRef(overlays);
  const logRef = useRef(logScale);
  const noteMinRef = useRef<() => void>(() => {});
  const noteInViewRef = useRef<() => void>(() => {});
  const presetRef = useRef<{ preset: RangePreset; window: { from: string; to: string } | null }>({ preset, window: null });
  /** The breadth panes' series and names while breadth is on (see the breadth effect below). */
  const breadthSeriesRef = useRef<{
    ad: ISeriesApi<'Line', Time>;
    above: Array<ISeriesApi<'Line', Time>>;
    mcc: ISeriesApi<'Histogram', Time>;
    names: Array<ITextWatermarkPluginApi<Time>>;
  } | null>(null);

  // Layout effects throughout: the candles change in the same frame as the legend and the heading.
  // Create the chart once; remove it (and with it every canvas and listener) on unmount.
  useLayoutEffect(() => {
    const el = container.current!;
    const c = initialColors.current;
    const chart = createChart(el, { ...chartOptions(c), autoSize: true });
    const windowShade = addWindowShade(chart, c.windowShade);
    const legendEl = el.parentElement?.querySelector<HTMLElement>('.chart-legend') ?? null;
    const legendHeight = { px: legendEl?.offsetHeight ?? 40 };
    const autoscaleInfoProvider = priceAutoscale(() => logRef.current, () => legendHeight.px);
    const candles = chart.addSeries(CandlestickSeries, {
      priceFormat: PRICE_FORMAT,
      autoscaleInfoProvider,
      upColor: c.up,
      downColor: c.down,
      borderUpColor: c.up,
      borderDownColor: c.down,
      wickUpColor: c.up,
      wickDownColor: c.down,
    });
    const line = (color: string) =>
      chart.addSeries(LineSeries, { color, lineWidth: 1, priceLineVisible: false, lastValueVisible: false, crosshairMarkerVisible: false });
    const sma = { sma20: line(c.sma20), sma50: line(c.sma50), sma200: line(c.sma200) };
    const closeLine = chart.addSeries(LineSeries, { color: c.accent, lineWidth: 2, priceLineVisible: false, priceFormat: PRICE_FORMAT, autoscaleInfoProvider });
    const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: 'volume' }, priceLineVisible: false }, 1);
    chart.panes()[0]?.setStretchFactor(4);
    chart.panes()[1]?.setStretchFactor(1);
    const markers = createSeriesMarkers(candles, []);
    const lineMarkers = createSeriesMarkers(closeLine, []);
    handles.current = { chart, windowShade, candles, closeLine, volume, sma, markers, lineMarkers, closeOnly: false };

    const onMove = (p: MouseEventParams<Time>): void => {
      const b = el.dataset['bars'] ? currentBars.current : null;
      if (!b) return;
      // A mouse event ends keyboard control; a programmatic one (scrolling, zooming) must not undo it.
      if (p.sourceEvent) byKeyboard.current = false;
      if (p.time === undefined) {
        if (!byKeyboard.current) setCursor(null);
        return;
      }
      setCursor({ bars: b, index: indexOfTime(times.current, p.time as number) });
    };
    chart.subscribeCrosshairMove(onMove);
    // A click on a note's marker opens the note.
    const onClick = (p: MouseEventParams<Time>): void => {
      const id = typeof p.hoveredObjectId === 'string' ? p.hoveredObjectId : '';
      if (!id.startsWith('note:')) return;
      const note = notesRef.current.find((n) => `note:${n.noteId}` === id);
      if (note) onNoteRef.current?.(note);
    };
    chart.subscribeClick(onClick);
    // The lowest price on the axis, for tests and tools (after the frame that rescaled it).
    let minFrame = 0;
    const noteMin = (): void => {
      cancelAnimationFrame(minFrame);
      minFrame = requestAnimationFrame(() => {
        minFrame = requestAnimationFrame(() => {
          const r = candles.priceScale().getVisibleRange();
          if (r) el.dataset['priceMin'] = String(r.from);
        });
      });
    };
    noteMinRef.current = noteMin;
    const noteInView = (): void => {
      const range = chart.timeScale().getVisibleLogicalRange();
      const b = currentBars.current;
      if (!range || !b) return;
      const index = Math.max(0, Math.min(b.dates.length - 1, Math.floor(range.to) + (loaded.current?.bars === b ? loaded.current.first : 0)));
      setLastInView((prev) => (prev && prev.bars === b && prev.index === index ? prev : { bars: b, index }));
    };
    noteInViewRef.current = noteInView;
    const place = (): void => {
      placePins.current();
      noteMin();
      noteInView();
    };
    chart.timeScale().subscribeVisibleLogicalRangeChange(place);
    chart.timeScale().subscribeSizeChange(place);
    // The legend wraps to more lines on a narrow chart: the pane keeps room for all of them.
    const legendObserver = new ResizeObserver(() => {
      const px = legendEl?.offsetHeight ?? 40;
      if (px === legendHeight.px) return;
      legendHeight.px = px;
      chart.priceScale('right', 0).applyOptions({});
    });
    if (legendEl) legendObserver.observe(legendEl);
    return () => {
      chart.unsubscribeCrosshairMove(onMove);
      chart.unsubscribeClick(onClick);
      chart.timeScale().unsubscribeVisibleLogicalRangeChange(place);
      chart.timeScale().unsubscribeSizeChange(place);
      legendObserver.disconnect();
      cancelAnimationFrame(minFrame);
      handles.current = null;
      // The breadth panes go with the chart: a chart made again (StrictMode's second mount) makes its own.
      breadthSeriesRef.current = null;
      chart.remove();
    };
  }, []);


  // Theme.
  useLayoutEffect(() => {
    const h = handles.current!;
    h.chart.applyOptions(chartOptions(colors));
    h.candles.applyOptions({
      upColor: colors.up,
      downColor: colors.down,
      borderUpColor: colors.up,
      borderDownColor: colors.down,
      wickUpColor: colors.up,
      wickDownColor: colors.down,
    });
    h.closeLine.applyOptions({ color: colors.accent });
    h.windowShade.applyOptions({ topColor: colors.windowShade, bottomColor: colors.windowShade });
  }, [colors]);

  // What the effects below read from the latest render.
  useLayoutEffect(() => {
    overlaysRef.current = overlays;
    presetRef.current = { preset, window: shownWindow };
  });

  // The ticker's bars: candles and volume, in the same frame. A long history first gets only the bars
  // around the range shown (so the first frame processes and paints what the user sees); the whole
  // history follows in idle time after that frame, as do the moving averages. Anything that needs the
  // whole history before then (a preset reaching further back, the keyboard) completes it at once.
  useLayoutEffect(() => {
    const h = handles.current!;
    const el = container.current!;
    const s = toChartSeries(bars, { up: colors.up + '80', down: colors.down + '80' });
    times.current = s.times;
    currentBars.current = bars;
    const first = firstBarToLoad(bars.dates, presetRef.current.preset, presetRef.current.window);
    const partial = first > 0;
    // Closes only (no bar has open, high and low): a line, with the markers and the crosshair on it.
    h.closeOnly = s.candles.length === 0 && s.closes.length > 0;
    h.closeLine.setData(h.closeOnly ? s.closes : []);
    el.dataset['closeOnly'] = String(h.closeOnly);
    h.candles.setData(partial ? s.candles.slice(lowerTime(s.candles, s.times[first]!)) : s.candles);
    // No volume at all (an index, a close-only series): no empty volume pane. The series waits, empty,
    // in the price pane (a pane without series goes) and returns to its own pane with the next ticker that has volume.
    const volumePane = h.volume.getPane().paneIndex();
    if (s.volumes.length === 0 && volumePane !== 0) {
      h.volume.setData([]);
      h.volume.moveToPane(0);
    } else if (s.volumes.length > 0 && volumePane === 0) {
      h.volume.moveToPane(1);
      h.chart.panes()[0]?.setStretchFactor(4);
      h.chart.panes()[1]?.setStretchFactor(1);
    }
    el.dataset['volumePane'] = String(s.volumes.length > 0);
    h.volume.setData(partial ? s.volumes.slice(lowerTime(s.volumes, s.times[first]!)) : s.volumes);
    loaded.current = { bars, first };
    el.dataset['bars'] = String(h.closeOnly ? s.closes.length : s.candles.length);
    el.dataset['ticker'] = bars.ticker;
    delete el.dataset['drawn'];
    delete el.dataset['settled'];
    complete.current = () => {
      complete.current = null;
      if (loaded.current?.bars !== bars) return;
      if (loaded.current.first > 0) {
        h.candles.setData(s.candles);
        h.volume.setData(s.volumes);
        loaded.current = { bars, first: 0 };
        refreshClipped.current.forEach((f) => f());
      }
      syncSma(handles.current, loaded.current?.bars, overlaysRef.current, smaFor.current, times.current);
    };
    // Two frames: the chart paints in the first, ours runs after it. Then the rest, when idle.
    let cancelIdle = (): void => undefined;
    let raf = requestAnimationFrame(() => {
      raf = requestAnimationFrame(() => {
        el.dataset['drawn'] = bars.ticker;
        cancelIdle = whenIdle(() => {
          complete.current?.();
          el.dataset['settled'] = bars.ticker;
        });
      });
    });
    return () => {
      cancelAnimationFrame(raf);
      cancelIdle();
    };
  }, [bars, colors.up, colors.down]);

  // Moving averages: computed when first shown for these bars (and kept across theme changes); for a
  // new ticker, after its first frame (see above).
  useLayoutEffect(() => {
    const h = handles.current!;
    for (const k of SMA_KEYS) {
      if (smaFor.current[k] && smaFor.current[k] !== bars) {
        // A line of the previous ticker would be wrong over these bars: drop it.
        h.sma[k].setData([]);
        delete smaFor.current[k];
      }
      h.sma[k].applyOptions({ visible: overlays[k] });
    }
    if (!complete.current) syncSma(handles.current, loaded.current?.bars, overlaysRef.current, smaFor.current, times.current);
  }, [bars, overlays]);

  useLayoutEffect(() => {
    logRef.current = logScale;
    handles.current!.chart.priceScale('right', 0).applyOptions({
      mode: logScale ? PriceScaleMode.Logarithmic : PriceScaleMode.Normal,
      // Linear: the room below the prices comes from priceAutoscale (which stops at zero).
      scaleMargins: { top: 0.1, bottom: logScale ? 0.1 : 0 },
    });
    noteMinRef.current();
  }, [logScale]);

  // The open report's window, shaded behind the candles (only over the bars loaded so far).
  useLayoutEffect(() => {
    const apply = (): void => {
      const h = handles.current!;
      if (!report?.windowFrom || !report.windowTo) {
        h.windowShade.setData([]);
        return;
      }
      const from = Math.max(indexOnOrAfter(bars.dates, report.windowFrom), loaded.current?.bars === bars ? loaded.current.first : 0);
      const to = indexOnOrBefore(bars.dates, report.windowTo);
      const shade = [];
      for (let i = from; i <= to; i++) shade.push({ time: times.current[i]!, value: 1 });
      h.windowShade.setData(shade);
    };
    apply();
    return addRefresh(refreshClipped.current, apply);
  }, [bars, report]);

  // Markers: the report's as-of date and the import's data-quality warnings, each on its bar (only
  // over the bars loaded so far).
  useLayoutEffect(() => {
    const apply = (): void => {
      const h = handles.current!;
      const first = loaded.current?.bars === bars ? loaded.current.first : 0;
      const m: SeriesMarker<Time>[] = [];
      const at = (date: string): UTCTimestamp | null => {
        const i = indexOnOrBefore(bars.dates, date);
        return i >= first && bars.dates[i] === date ? dateToTime(date) : null;
      };
      const byDate = new Map<string, DataIssue[]>();
      for (const issue of issues) byDate.set(issue.date, [...(byDate.get(issue.date) ?? []), issue]);
      // Warnings on neighbouring bars merge into one marker with a count (a run of zero-volume days).
      const warned: Array<{ index: number; kinds: string[] }> = [];
      for (const [date, list] of byDate) {
        if (at(date) === null) continue;
        warned.push({ index: indexOnOrBefore(bars.dates, date), kinds: list.map((i) => i.kind) });
      }
      warned.sort((x, y) => x.index - y.index);
      for (const run of issueRuns(warned)) {
        const date = bars.dates[run.first]!;
        const text = `⚠ ${run.kinds.join(', ')}${run.days > 1 ? ` ×${run.days}` : ''}`;
        m.push({ time: dateToTime(date), position: 'belowBar', shape: 'circle', color: colors.warn, text, id: `issue:${date}` });
      }
      for (const n of notes) {
        if (n.ticker !== bars.ticker) continue;
        const i = indexOnOrBefore(bars.dates, n.date);
        if (i < first || i < 0) continue;
        m.push({ time: dateToTime(bars.dates[i]!), position: 'aboveBar', shape: 'square', color: colors.sma50, id: `note:${n.noteId}` });
      }
      // Breadth divergences (the benchmark at a new high, the A/D line not): one marker per run of days.
      if (props.breadth && props.breadth.benchmark?.ticker === bars.ticker) {
        const days = props.breadth.divergences.flatMap((d) => (at(d) === null ? [] : [{ index: indexOnOrBefore(bars.dates, d), kinds: ['divergence'] }]));
        // Divergence days a week apart are one episode: one short label each, so labels never pile up.
        for (const run of issueRuns(days, 5)) {
          const date = bars.dates[run.first]!;
          m.push({ time: dateToTime(date), position: 'aboveBar', shape: 'arrowDown', color: colors.down, text: `A/D ÷${run.days > 1 ? ` ×${run.days}` : ''}`, id: `divergence:${date}` });
        }
      }
      if (report) {
        const i = indexOnOrBefore(bars.dates, report.asOf);
        if (i >= first) {
          m.push({ time: dateToTime(bars.dates[i]!), position: 'aboveBar', shape: 'arrowDown', color: colors.accent, text: 'as of', id: 'as-of' });
        }
      }
      m.sort((a, b) => (a.time as number) - (b.time as number));
      (h.closeOnly ? h.lineMarkers : h.markers).setMarkers(m);
      (h.closeOnly ? h.markers : h.lineMarkers).setMarkers([]);
      container.current!.dataset['markers'] = m.map((x) => x.id).join(' ');
    };
    apply();
    return addRefresh(refreshClipped.current, apply);
  }, [bars, issues, report, notes, props.breadth, colors.warn, colors.accent, colors.sma50, colors.down]);

  // Pins over the chart for the notes (clickable and reachable by Tab), kept over their bar as the
  // chart scrolls and zooms.
  useLayoutEffect(() => {
    placePins.current = () => {
      const h = handles.current;
      if (!h) return;
      const ts = h.chart.timeScale();
      const next: Array<{ note: NoteMarker; x: number }> = [];
      for (const n of notesRef.current) {
        if (n.ticker !== bars.ticker) continue;
        const i = indexOnOrBefore(bars.dates, n.date);
        if (i < 0) continue;
        const x = ts.timeToCoordinate(dateToTime(bars.dates[i]!));
        if (x !== null && x >= 0 && x <= ts.width()) next.push({ note: n, x });
      }
      setPins((prev) => (prev.length === next.length && prev.every((p, k) => p.note === next[k]!.note && Math.abs(p.x - next[k]!.x) < 0.5) ? prev : next));
    };
    const raf = requestAnimationFrame(() => placePins.current());
    return () => cancelAnimationFrame(raf);
  }, [bars, notes]);

  // Breadth panes under the prices: the A/D line, the share above the 20/50/200-day averages and the
  // McClellan oscillator, each in its own pane on the shared time scale; gone when breadth is off.
  // Each pane is named at its top left; its values are in the breadth table under the chart (the day
  // under the crosshair), not in tags on the axis: in panes this low a tag covered the axis's one tick.
  const { breadth } = props;
  useLayoutEffect(() => {
    const h = handles.current!;
    const el = container.current!;
    if (!breadth) {
      const b = breadthSeriesRef.current;
      if (b) {
        for (const n of b.names) n.detach();
        for (const s of [b.ad, ...b.above, b.mcc]) h.chart.removeSeries(s);
        breadthSeriesRef.current = null;
      }
      delete el.dataset['breadth'];
      return;
    }
    if (!breadthSeriesRef.current) {
      const base = h.chart.panes().length;
      const quiet = { priceLineVisible: false, lastValueVisible: false } as const;
      const ad = h.chart.addSeries(
        LineSeries,
        { ...quiet, color: colors.accent, lineWidth: 2, priceFormat: { type: 'price', precision: 0, minMove: 1 } },
        base,
      );
      const above = [colors.sma20, colors.sma50, colors.sma200].map((color) =>
        h.chart.addSeries(
          LineSeries,
          {
            ...quiet,
            color,
            lineWidth: 1,
            priceFormat: { type: 'custom', minMove: 0.1, formatter: (v: number) => `${v.toFixed(0)} %` },
          },
          base + 1,
        ),
      );
      const mcc = h.chart.addSeries(HistogramSeries, { ...quiet }, base + 2);
      const names = BREADTH_PANES.map((_, k) => {
        const pane = h.chart.panes()[base + k]!;
        pane.setStretchFactor(1.2);
        return createTextWatermark(pane, { horzAlign: 'left', vertAlign: 'top' });
      });
      breadthSeriesRef.current = { ad, above, mcc, names };
    }
    const b = breadthSeriesRef.current;
    b.names.forEach((n, k) => n.applyOptions({ lines: [{ text: BREADTH_PANES[k]!, color: colors.muted, fontSize: 11 }] }));
    b.ad.applyOptions({ color: colors.accent });
    const times = breadth.dates.map(dateToTime);
    b.ad.setData(times.map((time, w) => ({ time, value: breadth.adLine[w]! })));
    (['sma20', 'sma50', 'sma200'] as const).forEach((key, k) =>
      b.above[k]!.setData(times.flatMap((time, w) => (breadth.above[key].share[w] === null ? [] : [{ time, value: breadth.above[key].share[w]! * 100 }]))),
    );
    b.mcc.setData(times.map((time, w) => ({ time, value: breadth.mcclellan[w]!, color: breadth.mcclellan[w]! >= 0 ? colors.up + 'a0' : colors.down + 'a0' })));
    el.dataset['breadth'] = breadth.universe.label;
  }, [breadth, colors]);

  // The range preset (and again whenever the ticker or the window changes). Logical indices count from
  // the first bar loaded; a range reaching before it loads the whole history first.
  const windowFrom = shownWindow?.from;
  const windowTo = shownWindow?.to;
  useLayoutEffect(() => {
    const r = presetRange(bars.dates, preset, windowFrom && windowTo ? { from: windowFrom, to: windowTo } : null);
    const ts = handles.current!.chart.timeScale();
    if (!r || r.from < (loaded.current?.first ?? 0)) complete.current?.();
    const first = loaded.current?.first ?? 0;
    if (r) ts.setVisibleLogicalRange({ from: r.from - first - 0.5, to: r.to - first + 0.5 });
    else ts.fitContent();
    // The same range for other bars fires no range event: the legend's bar in view is set here too.
    noteInViewRef.current();
  }, [bars, preset, windowFrom, windowTo, rangeRequest]);

  const legendIndex =
    cursor && cursor.bars === bars ? cursor.index : lastInView && lastInView.bars === bars ? lastInView.index : bars.dates.length - 1;
  const legend = useMemo(() => legendAt(bars, legendIndex), [bars, legendIndex]);
  const legendDate = bars.dates[legendIndex];
  const { onLegendDate } = props;
  useEffect(() => {
    if (legendDate) onLegendDate?.(legendDate);
  }, [legendDate, onLegendDate]);
  // The moving averages shown, at the bar under the crosshair: the mean of its last n closes.
  const smaLegend = useMemo(
    () =>
      SMA_KEYS.filter((k) => overlays[k]).map((k) => {
        const n = SMA_PERIODS[k];
        let sum = 0;
        let ok = legendIndex + 1 >= n;
        for (let j = legendIndex - n + 1; ok && j <= legendIndex; j++) {
          const c = bars.close[j]!;
          if (Number.isFinite(c)) sum += c;
          else ok = false;
        }
        return { key: k, label: `SMA ${n}`, value: ok ? sum / n : null, color: colors[k] };
      }),
    [bars, legendIndex, overlays, colors],
  );

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>): void => {
    const h = handles.current;
    const n = times.current.length;
    if (!h || n === 0) return;
    // Keyboard navigation works on the whole history's indices.
    if (complete.current && ['ArrowLeft', 'ArrowRight', 'Home', 'End', '+', '=', '-', '_'].includes(e.key)) complete.current();
    const ts = h.chart.timeScale();
    const range = ts.getVisibleLogicalRange();
    const moveTo = (i: number): void => {
      const idx = Math.max(0, Math.min(n - 1, i));
      const close = bars.close[idx]!;
      if (range && (idx < range.from || idx > range.to)) {
        const width = range.to - range.from;
        const from = idx < range.from ? idx - 0.5 : idx + 0.5 - width;
        ts.setVisibleLogicalRange({ from, to: from + width });
      }
      byKeyboard.current = true;
      if (Number.isFinite(close)) h.chart.setCrosshairPosition(close, times.current[idx]!, h.closeOnly ? h.closeLine : h.candles);
      setCursor({ bars, index: idx });
    };
    const current = cursor && cursor.bars === bars ? cursor.index : n - 1;
    const step = e.shiftKey ? 10 : 1;
    switch (e.key) {
      case 'ArrowLeft':
        moveTo(current - step);
        break;
      case 'ArrowRight':
        moveTo(current + step);
        break;
      case 'Home':
        if (range) ts.setVisibleLogicalRange({ from: -0.5, to: range.to - range.from - 0.5 });
        moveTo(0);
        break;
      case 'End':
        ts.scrollToRealTime();
        moveTo(n - 1);
        break;
      case '+':
      case '=':
      case '-':
      case '_': {
        if (!range) return;
        const factor = e.key === '+' || e.key === '=' ? 0.8 : 1.25;
        const centre = cursor && cursor.bars === bars ? cursor.index : (range.from + range.to) / 2;
        const half = Math.max(5, ((range.to - range.from) * factor) / 2);
        ts.setVisibleLogicalRange({ from: centre - half, to: centre + half });
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <div className="price-chart">
      <ChartLegend ticker={bars.ticker} legend={legend} smas={smaLegend} />
      <div
        ref={container}
        className="chart-canvas"
        tabIndex={0}
        role="img"
        aria-label={`${bars.ticker} candlestick chart; arrow keys move the crosshair, + and − zoom, Home and End jump`}
        data-testid="price-chart"
        onKeyDown={onKeyDown}
        onBlur={() => handles.current?.chart.clearCrosshairPosition()}
      />
      {pins.length > 0 && (
        <div className="note-pins" aria-label="Notes on this chart">
          {pins.map((p) => (
            <button
              key={p.note.noteId}
              type="button"
              className="note-pin"
              style={{ left: p.x }}
              data-testid={`note-pin-${p.note.noteId}`}
              title={`Note of ${formatDate(p.note.date)} (${p.note.reportTitle}): ${p.note.excerpt}`}
              aria-label={`Open the note of ${formatDate(p.note.date)}: ${p.note.excerpt}`}
              onClick={() => props.onNote?.(p.note)}
            >
              ✎
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

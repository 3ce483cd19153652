import {
  CandlestickSeries,
  ColorType,
  createChart,
  CrosshairMode,
  HistogramSeries,
  LineSeries,
  type UTCTimestamp,
} from 'lightweight-charts';
import type { PrintChart } from '@shared/pdf';
import { dateToTime, smaLine } from '@renderer/features/chart/series';
import { addWindowShade } from '@renderer/features/chart/window-shade';

/** Paper colours: a PDF is read on white whatever the app's theme. */
export const PAPER = {
  background: '#ffffff',
  text: '#1b1f24',
  muted: '#4a5361',
  grid: 'rgba(0,0,0,0.06)',
  border: '#c9ced6',
  up: '#089981',
  down: '#f23645',
  sma20: '#e08a00',
  windowShade: 'rgba(41,98,255,0.10)',
} as const;

/** How many device pixels the image has per CSS pixel of the page: sharp at print resolution. */
export const CHART_SCALE = 2;

const nextFrame = (): Promise<void> => new Promise((r) => requestAnimationFrame(() => r()));

/**
 * Draws one ticker's chart as it looks on screen (candles, volume in its own pane, SMA 20, the report's
 * window shaded) at `CHART_SCALE`× the size it is printed, and returns it as a PNG data URL from the
 * chart's own `takeScreenshot()`: Chromium prints canvases blank (lightweight-charts #873).
 */
export async function chartImage(c: PrintChart, width: number, height: number): Promise<string> {
  const s = CHART_SCALE;
  const host = document.createElement('div');
  host.style.cssText = `position:fixed;left:-100000px;top:0;width:${width * s}px;height:${height * s}px`;
  document.body.append(host);
  const chart = createChart(host, {
    width: width * s,
    height: height * s,
    autoSize: false,
    layout: {
      background: { type: ColorType.Solid, color: PAPER.background },
      textColor: PAPER.muted,
      fontSize: 9 * s,
      fontFamily: "'DejaVu Sans', Arial, Helvetica, sans-serif",
      attributionLogo: false,
      panes: { separatorColor: PAPER.border, enableResize: false },
    },
    grid: { vertLines: { color: PAPER.grid }, horzLines: { color: PAPER.grid } },
    rightPriceScale: { borderColor: PAPER.border, entireTextOnly: true },
    timeScale: { borderColor: PAPER.border, fixLeftEdge: true, fixRightEdge: true },
    crosshair: { mode: CrosshairMode.Hidden },
    handleScroll: false,
    handleScale: false,
  });
  try {
    const times: UTCTimestamp[] = c.dates.map(dateToTime);
    const shade = addWindowShade(chart, PAPER.windowShade);
    const candles = chart.addSeries(CandlestickSeries, {
      upColor: PAPER.up,
      downColor: PAPER.down,
      borderUpColor: PAPER.up,
      borderDownColor: PAPER.down,
      wickUpColor: PAPER.up,
      wickDownColor: PAPER.down,
      priceLineVisible: false,
    });
    const sma = chart.addSeries(LineSeries, {
      color: PAPER.sma20,
      lineWidth: 3,
      priceLineVisible: false,
      lastValueVisible: false,
      crosshairMarkerVisible: false,
    });
    // No tag of the last volume: on paper the volume pane holds two ticks (0 and one above), and the
    // tag covered the upper one (SPY's 100M) half-way; the report's figures give its volumes.
    const volume = chart.addSeries(
      HistogramSeries,
      { priceFormat: { type: 'volume' }, priceLineVisible: false, lastValueVisible: false },
      1,
    );
    chart.panes()[0]?.setStretchFactor(4);
    chart.panes()[1]?.setStretchFactor(1);

    const close = Float64Array.from(c.close, (v) => v ?? NaN);
    const bars = [];
    const vols = [];
    for (let i = 0; i < times.length; i++) {
      const [o, h, l, cl, v] = [c.open[i], c.high[i], c.low[i], c.close[i], c.volume[i]];
      if (o != null && h != null && l != null && cl != null) bars.push({ time: times[i]!, open: o, high: h, low: l, close: cl });
      if (v != null) vols.push({ time: times[i]!, value: v, color: cl != null && o != null && cl < o ? PAPER.down : PAPER.up });
    }
    candles.setData(bars);
    volume.setData(vols);
    sma.setData(smaLine(times, close, 20));
    if (c.window) {
      const from = dateToTime(c.window.from);
      const to = dateToTime(c.window.to);
      shade.setData(times.filter((t) => t >= from && t <= to).map((time) => ({ time, value: 1 })));
    }
    const first = c.dates.findIndex((d) => d >= c.shownFrom);
    let last = c.dates.length - 1;
    while (last > 0 && c.dates[last]! > c.shownTo) last--;
    chart.timeScale().setVisibleLogicalRange({ from: Math.max(0, first) - 0.5, to: last + 0.5 });
    // The chart draws on the next animation frames.
    await nextFrame();
    await nextFrame();
    return chart.takeScreenshot().toDataURL('image/png');
  } finally {
    chart.remove();
    host.remove();
  }
}

import { formatDate } from '@renderer/lib/format';
import {
  ColorType,
  createChart,
  CrosshairMode,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type MouseEventParams,
  type Time,
} from 'lightweight-charts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { BarColumns, TradingDate } from '@shared/domain';
import { rebaseCloses, timeToDate } from './series';
import type { ChartColors } from './use-chart-colors';

/** The most tickers compare mode draws at once. */
export const MAX_COMPARE = 6;

const pct = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/**
 * Compare mode: up to six tickers as lines rebased to 0 % at `start` (each at its first bar on or after
 * it), so who led over the period is visible at a glance. The legend shows each line's value under the
 * crosshair (its last value when the crosshair is away).
 */
export function CompareChart(props: {
  series: readonly BarColumns[];
  start: TradingDate;
  /** The comparison's end: lines whose data stop before it say so. */
  end: TradingDate;
  colors: ChartColors;
}): React.JSX.Element {
  const { series, start, end, colors } = props;
  const container = useRef<HTMLDivElement>(null);
  const chartRef = useRef<IChartApi | null>(null);
  const lines = useRef<Array<ISeriesApi<'Line', Time>>>([]);
  const [hover, setHover] = useState<{ time: number; values: Array<number | null> } | null>(null);
  const rebased = useMemo(() => series.slice(0, MAX_COMPARE).map((b) => rebaseCloses(b, start, end)), [series, start, end]);

  useEffect(() => {
    const chart = createChart(container.current!, {
      autoSize: true,
      crosshair: { mode: CrosshairMode.Normal },
      layout: { attributionLogo: false },
      rightPriceScale: { entireTextOnly: true },
      localization: { priceFormatter: (v: number) => `${pct.format(v)}\u00a0%` },
    });
    chartRef.current = chart;
    return () => {
      chartRef.current = null;
      lines.current = [];
      chart.remove();
    };
  }, []);

  useEffect(() => {
    chartRef.current!.applyOptions({
      layout: { background: { type: ColorType.Solid, color: colors.background }, textColor: colors.muted },
      grid: { vertLines: { color: colors.grid }, horzLines: { color: colors.grid } },
      rightPriceScale: { borderColor: colors.border },
      timeScale: { borderColor: colors.border, fixLeftEdge: true, fixRightEdge: true },
    });
  }, [colors]);

  useEffect(() => {
    const chart = chartRef.current!;
    const el = container.current!;
    for (const l of lines.current) chart.removeSeries(l);
    lines.current = rebased.map((r, i) => {
      const s = chart.addSeries(LineSeries, { color: colors.compare[i]!, lineWidth: 2, priceLineVisible: false, title: r.ticker });
      s.setData(r.points);
      return s;
    });
    chart.timeScale().fitContent();
    el.dataset['lines'] = String(rebased.filter((r) => r.points.length > 0).length);
    const onMove = (p: MouseEventParams<Time>): void => {
      if (p.time === undefined) return setHover(null);
      setHover({
        time: p.time as number,
        values: lines.current.map((s) => {
          const d = p.seriesData.get(s) as { value?: number } | undefined;
          return d?.value ?? null;
        }),
      });
    };
    chart.subscribeCrosshairMove(onMove);
    return () => chart.unsubscribeCrosshairMove(onMove);
  }, [rebased, colors.compare]);

  return (
    <div className="price-chart">
      <div className="chart-legend" data-testid="compare-legend">
        <span className="legend-ticker">{hover ? timeToDate(hover.time) : `${start} → ${end}`}</span>
        {rebased.map((r, i) => {
          const v = hover ? hover.values[i] : (r.points.at(-1)?.value ?? null);
          return (
            <span key={r.ticker} className={`compare-key c${i}`} data-testid={`compare-${r.ticker}`}>
              <i className="swatch" /> {r.ticker}{' '}
              <b>{r.baseDate === null ? 'no bars after the start' : v === null || v === undefined ? '—' : `${pct.format(v)}\u00a0%`}</b>
              {/* A line that stops before the end is not compared over the same span: say where it stops. */}
              {!hover && r.lastDate && r.lastDate < end && (
                <span className="warn" data-testid={`compare-ends-${r.ticker}`}>
                  {' '}
                  (data end {formatDate(r.lastDate)})
                </span>
              )}
            </span>
          );
        })}
      </div>
      <div ref={container} className="chart-canvas" data-testid="compare-chart" role="img" aria-label={`Compare ${rebased.map((r) => r.ticker).join(', ')} rebased to 0 % at ${start}`} />
    </div>
  );
}

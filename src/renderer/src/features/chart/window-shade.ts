import { AreaSeries, type IChartApi, type ISeriesApi, type Time } from 'lightweight-charts';

/**
 * The report's window as a shade behind the candles: an area at the top of a hidden 0..1 price scale,
 * so it fills the pane's height wherever its points are. The screen chart and the print chart use it.
 */
export function addWindowShade(chart: IChartApi, color: string): ISeriesApi<'Area', Time> {
  const shade = chart.addSeries(AreaSeries, {
    priceScaleId: 'report-window',
    lineColor: 'rgba(0,0,0,0)',
    lineWidth: 1,
    topColor: color,
    bottomColor: color,
    lastValueVisible: false,
    priceLineVisible: false,
    crosshairMarkerVisible: false,
    autoscaleInfoProvider: () => ({ priceRange: { minValue: 0, maxValue: 1 } }),
  });
  chart.priceScale('report-window').applyOptions({ visible: false, scaleMargins: { top: 0, bottom: 0 } });
  return shade;
}

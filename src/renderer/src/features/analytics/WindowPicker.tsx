import { formatDate } from '@renderer/lib/format';
import { BasisOptions } from '@renderer/lib/BasisOptions';
import { DateInput } from '@renderer/lib/DateInput';
import { withEnd } from '@renderer/lib/windows';
import type { PriceBasis, TradingDate } from '@shared/domain';
import { WINDOW_PRESETS, type WindowPreset } from '@shared/settings';

/** The window and basis every analytics figure is computed over. */
export interface AnalysisWindow {
  /** The preset shown as chosen; 'Report' is the open report's window; null for dates typed in. */
  preset: WindowPreset | 'Report' | null;
  from: TradingDate;
  to: TradingDate;
  basis: PriceBasis;
}

/** Presets (with the open report's window first when there is one), a date range and the price basis. */
export function WindowPicker(props: {
  value: AnalysisWindow;
  report?: { from: TradingDate; to: TradingDate; title: string } | null;
  onPreset: (p: WindowPreset | 'Report') => void;
  onChange: (patch: Partial<AnalysisWindow>) => void;
}): React.JSX.Element {
  const v = props.value;
  return (
    <div className="toolbar window-picker" role="group" aria-label="Window">
      <div className="segmented" role="radiogroup" aria-label="Window presets">
        {props.report && (
          <button
            type="button"
            role="radio"
            aria-checked={v.preset === 'Report'}
            className={v.preset === 'Report' ? 'seg active report-seg' : 'seg report-seg'}
            title={`The window of "${props.report.title}": ${formatDate(props.report.from)} → ${formatDate(props.report.to)}`}
            onClick={() => props.onPreset('Report')}
          >
            Report
          </button>
        )}
        {WINDOW_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            role="radio"
            aria-checked={v.preset === p}
            className={v.preset === p ? 'seg active' : 'seg'}
            onClick={() => props.onPreset(p)}
          >
            {p}
          </button>
        ))}
      </div>
      <label>
        From
        <DateInput value={v.from} onChange={(iso) => props.onChange({ ...withEnd(v, 'from', iso), preset: null })} aria-label="From" />
      </label>
      <label>
        To
        <DateInput value={v.to} onChange={(iso) => props.onChange({ ...withEnd(v, 'to', iso), preset: null })} aria-label="To" />
      </label>
      <label>
        Basis
        <select
          value={v.basis}
          onChange={(e) => props.onChange({ basis: e.target.value as PriceBasis })}
          aria-label="Basis"
        >
          <BasisOptions />
        </select>
      </label>
    </div>
  );
}

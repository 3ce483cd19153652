import type { PriceBasis, TradingDate } from '@shared/domain';
import { WINDOW_PRESETS, type WindowPreset } from '@renderer/lib/windows';

/** The window and basis every analytics figure is computed over. */
export interface AnalysisWindow {
  preset: WindowPreset | null;
  from: TradingDate;
  to: TradingDate;
  basis: PriceBasis;
}

/** Presets, a date range and the price basis. */
export function WindowPicker(props: {
  value: AnalysisWindow;
  onPreset: (p: WindowPreset) => void;
  onChange: (patch: Partial<AnalysisWindow>) => void;
}): React.JSX.Element {
  const v = props.value;
  return (
    <div className="toolbar window-picker" role="group" aria-label="Window">
      <div className="segmented" role="radiogroup" aria-label="Window presets">
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
        <input
          type="date"
          value={v.from}
          max={v.to}
          onChange={(e) => e.target.value && props.onChange({ from: e.target.value, preset: null })}
          aria-label="From"
        />
      </label>
      <label>
        To
        <input
          type="date"
          value={v.to}
          min={v.from}
          onChange={(e) => e.target.value && props.onChange({ to: e.target.value, preset: null })}
          aria-label="To"
        />
      </label>
      <label>
        Basis
        <select
          value={v.basis}
          onChange={(e) => props.onChange({ basis: e.target.value as PriceBasis })}
          aria-label="Basis"
        >
          <option value="raw">as traded</option>
          <option value="adjusted">adjusted (Adj Close)</option>
        </select>
      </label>
    </div>
  );
}

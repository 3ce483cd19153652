import { useSyncExternalStore } from 'react';

/** A window another view asks the chart to show (a checked figure's): shaded and in view. */
export interface ChartFocus {
  ticker: string;
  from: string;
  to: string;
  /** What the window is, for the range chip ("Claim: IWM return"). */
  label: string;
}

let focus: ChartFocus | null = null;
const listeners = new Set<() => void>();

/** Asks the chart to show `f` (null: back to the presets and the report's window). */
export function focusChart(f: ChartFocus | null): void {
  focus = f;
  for (const l of listeners) l();
}

/** The window the chart was asked to show, if any. */
export function useChartFocus(): ChartFocus | null {
  return useSyncExternalStore(
    (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    () => focus,
  );
}

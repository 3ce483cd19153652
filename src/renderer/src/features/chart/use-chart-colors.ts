import { useSyncExternalStore } from 'react';

/** The colours the chart draws with, read from the theme's CSS variables. */
export interface ChartColors {
  background: string;
  text: string;
  muted: string;
  grid: string;
  border: string;
  up: string;
  down: string;
  accent: string;
  warn: string;
  /** Shade of the open report's window behind the candles. */
  windowShade: string;
  sma20: string;
  sma50: string;
  sma200: string;
  /** Line colours of compare mode, one per ticker (up to six). */
  compare: readonly string[];
}

/** Colours of the moving averages and compare lines: chosen to read on both themes. */
const FIXED = {
  sma20: '#f59e0b',
  sma50: '#8b5cf6',
  sma200: '#0ea5e9',
  compare: ['#2962ff', '#f23645', '#089981', '#f59e0b', '#8b5cf6', '#ec4899'],
} as const;

function read(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const dark = document.documentElement.dataset['theme'] === 'dark';
  return {
    background: v('--surface', '#ffffff'),
    text: v('--text', '#1b1f24'),
    muted: v('--muted', '#5b6573'),
    grid: dark ? 'rgba(255,255,255,0.05)' : 'rgba(0,0,0,0.05)',
    border: v('--border', '#dde1e7'),
    up: v('--up', '#089981'),
    down: v('--down', '#f23645'),
    accent: v('--accent', '#2962ff'),
    warn: v('--warn', '#b26a00'),
    windowShade: dark ? 'rgba(91,140,255,0.14)' : 'rgba(41,98,255,0.08)',
    ...FIXED,
  };
}

let cached: { theme: string | undefined; colors: ChartColors } | null = null;

function snapshot(): ChartColors {
  const theme = document.documentElement.dataset['theme'];
  if (!cached || cached.theme !== theme) cached = { theme, colors: read() };
  return cached.colors;
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}

/** The chart's colours for the theme shown now; changes when the theme does. */
export function useChartColors(): ChartColors {
  return useSyncExternalStore(subscribe, snapshot);
}

import type { Theme } from '@shared/domain';
import { DATE_FORMAT_EXAMPLES, DATE_FORMATS, type DateFormat } from '@shared/settings';
import { OPEN_SEARCH_EVENT } from '@renderer/features/search/SearchPalette';
import { useCall } from '@renderer/lib/use-call';

const THEMES: { value: Theme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'system', label: 'System' },
];

/** The bar across the top: product name, archive location, search, date format and theme switch. */
export function TopBar(props: {
  theme: Theme;
  onTheme: (t: Theme) => void;
  dateFormat: DateFormat;
  onDateFormat: (f: DateFormat) => void;
}): React.JSX.Element {
  const app = useCall('app:info', {});
  return (
    <header className="topbar">
      <span className="brand">Breadth</span>
      <span className="muted small archive-path" title={app.data?.archivePath}>
        {app.data ? app.data.archivePath : ''}
      </span>
      <button
        type="button"
        className="search-button small"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => window.dispatchEvent(new Event(OPEN_SEARCH_EVENT))}
      >
        Search <kbd>{/Mac/.test(navigator.platform) ? '⌘K' : 'Ctrl K'}</kbd>
      </button>
      <label className="theme-switch small" title="How dates are written in tables, legends, history and summaries">
        Dates
        <select value={props.dateFormat} onChange={(e) => props.onDateFormat(e.target.value as DateFormat)} aria-label="Date format">
          {DATE_FORMATS.map((f) => (
            <option key={f} value={f}>
              {DATE_FORMAT_EXAMPLES[f]}
            </option>
          ))}
        </select>
      </label>
      <label className="theme-switch small">
        Theme
        <select value={props.theme} onChange={(e) => props.onTheme(e.target.value as Theme)} aria-label="Theme">
          {THEMES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
    </header>
  );
}

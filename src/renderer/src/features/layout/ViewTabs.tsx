import type { ViewName } from '@shared/domain';
import { useSelection } from '@renderer/app/selection';

/** The views of the main pane, in tab order, with their names. */
export const VIEW_TABS: { view: ViewName; label: string }[] = [
  { view: 'overview', label: 'Overview' },
  { view: 'report', label: 'Report' },
  { view: 'chart', label: 'Chart' },
  { view: 'analytics', label: 'Analytics' },
  { view: 'imports', label: 'Imports' },
];

/** Tabs across the main pane that switch its view. */
export function ViewTabs(): React.JSX.Element {
  const { view, setView } = useSelection();
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEW_TABS.map((t) => (
        <button
          key={t.view}
          type="button"
          role="tab"
          aria-selected={view === t.view}
          className={view === t.view ? 'tab active' : 'tab'}
          onClick={() => setView(t.view)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

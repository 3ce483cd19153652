import { useMemo } from 'react';
import type { ViewName } from '../../../shared/domain';
import { ChartView } from '../features/chart/ChartView';
import { ImportDropTarget } from '../features/import/ImportDropTarget';
import { ImportProvider } from '../features/import/import-state';
import { ImportView } from '../features/import/ImportView';
import { Sidebar } from '../features/layout/Sidebar';
import { TopBar } from '../features/layout/TopBar';
import { ViewTabs } from '../features/layout/ViewTabs';
import { AnalyticsView } from '../features/analytics/AnalyticsView';
import { NotesPanel } from '../features/notes/NotesPanel';
import { ArchiveOverview } from '../features/overview/ArchiveOverview';
import { useAppliedTheme, useSettings } from '../features/settings/use-settings';
import { SelectionContext, type Selection } from './selection';

function MainView(props: { view: ViewName }): React.JSX.Element {
  switch (props.view) {
    case 'chart':
      return <ChartView />;
    case 'analytics':
      return <AnalyticsView />;
    case 'imports':
      return <ImportView />;
    default:
      return <ArchiveOverview />;
  }
}

/** The window: top bar, sidebar (reports, watchlists, tickers), main pane with its views, notes panel. */
export function App(): React.JSX.Element {
  const { settings, update } = useSettings();
  useAppliedTheme(settings?.theme);
  const view = settings?.lastView ?? 'overview';
  const ticker = settings?.lastTicker ?? null;
  const selection = useMemo<Selection>(
    () => ({
      view,
      ticker,
      setView: (v) => update({ lastView: v }),
      selectTicker: (t, options) => update(options?.show ? { lastTicker: t, lastView: 'chart' } : { lastTicker: t }),
    }),
    [view, ticker, update],
  );
  if (!settings) return <div className="app loading" aria-busy="true" />;
  return (
    <SelectionContext.Provider value={selection}>
      <ImportProvider onFilesAdded={() => selection.setView('imports')}>
        <ImportDropTarget>
          <div className="app">
            <TopBar theme={settings.theme} onTheme={(theme) => update({ theme })} />
            <Sidebar />
            <main className="main-pane">
              <ViewTabs />
              <MainView view={view} />
            </main>
            <NotesPanel />
          </div>
        </ImportDropTarget>
      </ImportProvider>
    </SelectionContext.Provider>
  );
}

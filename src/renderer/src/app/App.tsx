import { useMemo } from 'react';
import type { ViewName } from '@shared/domain';
import { ChartView } from '@renderer/features/chart/ChartView';
import { ImportDropTarget } from '@renderer/features/import/ImportDropTarget';
import { ImportProvider } from '@renderer/features/import/import-state';
import { ImportView } from '@renderer/features/import/ImportView';
import { Sidebar } from '@renderer/features/layout/Sidebar';
import { TopBar } from '@renderer/features/layout/TopBar';
import { ViewTabs } from '@renderer/features/layout/ViewTabs';
import { AnalyticsView } from '@renderer/features/analytics/AnalyticsView';
import { NotesPanel } from '@renderer/features/notes/NotesPanel';
import { ArchiveOverview } from '@renderer/features/overview/ArchiveOverview';
import { useAppliedTheme, useSettings } from '@renderer/features/settings/use-settings';
import { useEventInvalidation } from '@renderer/lib/use-call';
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
  useEventInvalidation();
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

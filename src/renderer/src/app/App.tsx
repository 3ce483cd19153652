import { DEFAULT_BASIS } from '@shared/domain';
import { uiDefaults } from '@shared/settings';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ViewName } from '@shared/domain';
import { ImportDropTarget } from '@renderer/features/import/ImportDropTarget';
import { ImportProvider } from '@renderer/features/import/import-state';
import { Sidebar } from '@renderer/features/layout/Sidebar';
import { TopBar } from '@renderer/features/layout/TopBar';
import { ViewTabs } from '@renderer/features/layout/ViewTabs';
import { RecheckNotice } from '@renderer/features/claims/RecheckNotice';
import { ArchiveHealth } from '@renderer/features/backups/ArchiveHealth';
import { useReloadOnRestore } from '@renderer/features/backups/BackupsBar';
import { SearchPalette } from '@renderer/features/search/SearchPalette';
import { useWatchlists } from '@renderer/features/watchlists/use-watchlists';
import { useLocalState } from '@renderer/lib/local-state';
import { ArchiveOverview } from '@renderer/features/overview/ArchiveOverview';
import { NotesPlaceholder } from '@renderer/features/notes/NotesPlaceholder';
import { ExportPdf } from '@renderer/features/pdf/ExportPdfDialog';
import { useAppliedTheme, useSettings } from '@renderer/features/settings/use-settings';
import { useEventInvalidation } from '@renderer/lib/use-call';
import { setDateFormat } from '@renderer/lib/format';
import { whenIdle } from '@renderer/lib/idle';
import { prefetchChart } from '@renderer/features/chart/chart-calls';
import { SelectionContext, type Selection } from './selection';

// The views other than the Overview, and the panels that need the editor, load as their own chunks
// (lightweight-charts, CodeMirror, marked): the first screen parses only what it shows, and the rest is
// fetched while the analyst reads it (see usePreloadViews).
const loaders = {
  chart: () => import('@renderer/features/chart/ChartView').then((m) => ({ default: m.ChartView })),
  analytics: () => import('@renderer/features/analytics/AnalyticsView').then((m) => ({ default: m.AnalyticsView })),
  imports: () => import('@renderer/features/import/ImportView').then((m) => ({ default: m.ImportView })),
  report: () => import('@renderer/features/reports/ReportView').then((m) => ({ default: m.ReportView })),
  notes: () => import('@renderer/features/notes/NotesPanel').then((m) => ({ default: m.NotesPanel })),
};
const ChartView = lazy(loaders.chart);
const AnalyticsView = lazy(loaders.analytics);
const ImportView = lazy(loaders.imports);
const ReportView = lazy(loaders.report);
const NotesPanel = lazy(loaders.notes);

/** The views' code in the order the analyst is likely to need it: a click on a ticker opens the Chart. */
const PRELOAD_ORDER = [loaders.chart, loaders.analytics, loaders.notes, loaders.report, loaders.imports];

/**
 * Fetches every view's code once the first screen is drawn, likeliest first, each in an idle moment of
 * its own: the Chart's as soon as the browser is idle after the first screen's paint (a ticker is often
 * clicked within the first second), then the others one by one. A click meanwhile waits for one
 * module's evaluation at most, never for all of them at once (the editor's, CodeMirror, is half a
 * megabyte). All at once 600 ms after the settings came, the first chart opened before then waited for
 * its own code (about 300 ms) and one opened just after waited behind the others' (about 250 ms).
 */
function usePreloadViews(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    let stopped = false;
    let cancel = (): void => undefined;
    const next = (i: number): void => {
      const load = PRELOAD_ORDER[i];
      if (stopped || !load) return;
      // A chunk that fails to load says so when its view opens; the rest still load.
      cancel = whenIdle(() => void load().then(() => next(i + 1), () => next(i + 1)));
    };
    next(0);
    return () => {
      stopped = true;
      cancel();
    };
  }, [ready]);
}

function MainView(props: { view: ViewName }): React.JSX.Element {
  switch (props.view) {
    case 'chart':
      return <ChartView />;
    case 'analytics':
      return <AnalyticsView />;
    case 'imports':
      return <ImportView />;
    case 'report':
      return <ReportView />;
    default:
      return <ArchiveOverview />;
  }
}

/** The window: top bar, sidebar (reports, watchlists, tickers), main pane with its views, notes panel. */
export function App(): React.JSX.Element {
  useEventInvalidation();
  useReloadOnRestore();
  const { settings, update } = useSettings();
  usePreloadViews(settings !== undefined);
  useAppliedTheme(settings?.theme);
  const view = settings?.lastView ?? 'overview';
  const ticker = settings?.lastTicker ?? null;
  const reportId = settings?.lastReport ?? null;
  const basis = settings?.basis ?? DEFAULT_BASIS;
  const analysisWindow = settings?.analysisWindow ?? uiDefaults.analysisWindow;
  const [focusNoteId, setFocusNoteId] = useState<number | null>(null);
  const queryClient = useQueryClient();
  const { lists } = useWatchlists();
  const [, setActiveList] = useLocalState<number | null>('activeWatchlist', null);
  const selection = useMemo<Selection>(
    () => ({
      view,
      ticker,
      reportId,
      focusNoteId,
      basis,
      setBasis: (b) => update({ basis: b }),
      window: analysisWindow,
      setWindow: (w) => update({ analysisWindow: w }),
      setView: (v) => update({ lastView: v }),
      selectTicker: (t, options) => {
        if (options?.show) prefetchChart(queryClient, t, basis);
        update(options?.show ? { lastTicker: t, lastView: 'chart' } : { lastTicker: t });
      },
      openReport: (id, options) => {
        const list = lists?.find((w) => w.report?.id === id);
        if (list) setActiveList(list.id);
        const tickers = options?.tickers ?? list?.tickers ?? [];
        // An open report sets the window (its own) until the analyst picks another.
        const patch: Parameters<typeof update>[0] = { lastReport: id, analysisWindow: { ...analysisWindow, choice: 'Report' } };
        if (options?.show !== false) patch.lastView = 'report';
        if (tickers.length && (!ticker || !tickers.includes(ticker))) patch.lastTicker = tickers[0]!;
        update(patch);
      },
      closeReport: () => update({ lastReport: null, ...(view === 'report' ? { lastView: 'overview' as const } : {}) }),
      openNote: (noteId, rid) => {
        setFocusNoteId(noteId);
        if (rid !== reportId) {
          const list = lists?.find((w) => w.report?.id === rid);
          if (list) setActiveList(list.id);
          update({ lastReport: rid, analysisWindow: { ...analysisWindow, choice: 'Report' } });
        }
      },
    }),
    [view, ticker, reportId, focusNoteId, basis, analysisWindow, update, lists, setActiveList, queryClient],
  );
  if (!settings) return <div className="app loading" aria-busy="true" />;
  // Every screen writes dates one way; a change of the setting redraws them all (the key).
  setDateFormat(settings.dateFormat);
  return (
    <SelectionContext.Provider value={selection}>
      <ImportProvider onFilesAdded={() => selection.setView('imports')}>
        <ImportDropTarget>
          <div className="app" key={settings.dateFormat}>
            <TopBar
              theme={settings.theme}
              onTheme={(theme) => update({ theme })}
              dateFormat={settings.dateFormat}
              onDateFormat={(dateFormat) => update({ dateFormat })}
            />
            <Sidebar />
            <main className="main-pane">
              <ViewTabs />
              <Suspense fallback={<div className="pane-body" aria-busy="true" />}>
                <MainView view={view} />
              </Suspense>
            </main>
            {reportId === null ? (
              <NotesPlaceholder />
            ) : (
              <Suspense fallback={<NotesPlaceholder />}>
                <NotesPanel />
              </Suspense>
            )}
          </div>
          <SearchPalette />
          <ExportPdf />
          <RecheckNotice />
          <ArchiveHealth />
        </ImportDropTarget>
      </ImportProvider>
    </SelectionContext.Provider>
  );
}

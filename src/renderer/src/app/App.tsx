import { useSettings, useAppliedTheme } from '../features/settings/use-settings';
import { ArchiveOverview } from '../features/overview/ArchiveOverview';
import { NotesPanel } from '../features/notes/NotesPanel';
import { Sidebar } from '../features/layout/Sidebar';
import { TopBar } from '../features/layout/TopBar';

/** The window: top bar, sidebar (reports, watchlists), main pane, notes panel. */
export function App(): React.JSX.Element {
  const { settings, update } = useSettings();
  useAppliedTheme(settings?.theme);
  const selected = settings?.lastTicker ?? null;
  const select = (ticker: string): void => update({ lastTicker: ticker });
  return (
    <div className="app">
      <TopBar theme={settings?.theme ?? 'system'} onTheme={(theme) => update({ theme })} />
      <Sidebar selected={selected} onSelect={select} />
      <main className="main-pane">
        <ArchiveOverview selected={selected} onSelect={select} />
      </main>
      <NotesPanel />
    </div>
  );
}

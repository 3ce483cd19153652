import { ReportsSection } from '@renderer/features/reports/ReportsSection';
import { WatchlistsSection } from '@renderer/features/watchlists/WatchlistsSection';
import { SidebarTickers } from './SidebarTickers';

/** The left sidebar: reports, watchlists and the archive's tickers. */
export function Sidebar(): React.JSX.Element {
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <ReportsSection />
      <WatchlistsSection />
      <SidebarTickers />
    </nav>
  );
}

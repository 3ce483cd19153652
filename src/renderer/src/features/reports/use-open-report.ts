import type { Report } from '@shared/reports';
import type { WatchlistReport } from '@shared/watchlists';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';

/** The open report (null when none is, or it was deleted for good). */
export function useOpenReport(): Report | null {
  const { reportId } = useSelection();
  const q = useCall('reports:get', { id: reportId ?? 1 }, { enabled: reportId !== null, retry: false });
  return reportId !== null && q.data && q.data.id === reportId ? q.data : null;
}

/** The open report as the other views use it: its title, as-of date and window. */
export function useOpenReportWindow(): WatchlistReport | null {
  const r = useOpenReport();
  if (!r || r.deletedAt) return null;
  return { id: r.id, slug: r.slug, title: r.title, asOf: r.asOf, windowFrom: r.window?.from ?? null, windowTo: r.window?.to ?? null };
}

import type { Report } from '@shared/reports';
import type { WatchlistReport } from '@shared/watchlists';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';

/** The open report and whether it is gone (deleted for good); null while none is open or it loads. */
export function useOpenReportQuery(): { report: Report | null; gone: boolean } {
  const { reportId } = useSelection();
  const q = useCall('reports:get', { id: reportId ?? 1 }, { enabled: reportId !== null, retry: false });
  const report = reportId !== null && q.data && q.data.id === reportId ? q.data : null;
  return { report, gone: reportId !== null && q.error?.code === 'NOT_FOUND' };
}

/** The open report (null when none is, or it was deleted for good). */
export function useOpenReport(): Report | null {
  return useOpenReportQuery().report;
}

/** The open report as the other views use it: its title, as-of date and window. */
export function useOpenReportWindow(): WatchlistReport | null {
  const r = useOpenReport();
  if (!r || r.deletedAt) return null;
  return { id: r.id, slug: r.slug, title: r.title, asOf: r.asOf, windowFrom: r.window?.from ?? null, windowTo: r.window?.to ?? null };
}

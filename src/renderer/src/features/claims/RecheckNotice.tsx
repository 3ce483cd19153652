import { useEffect, useState } from 'react';
import type { VerdictChange } from '@shared/claims';
import { useSelection } from '@renderer/app/selection';
import { subscribe } from '@renderer/lib/api';
import { VERDICT_LABEL, VERDICT_MARK } from '@shared/claim-marks';
import './claims.css';

/** After an import (or its undo) every report is checked again: the verdicts that changed, until dismissed. */
export function RecheckNotice(): React.JSX.Element | null {
  const [changes, setChanges] = useState<VerdictChange[]>([]);
  const { openReport } = useSelection();
  useEffect(() => subscribe('claims:rechecked', (p) => p.changes.length > 0 && setChanges(p.changes)), []);
  if (changes.length === 0) return null;
  const reports = [...new Map(changes.map((c) => [c.reportId, c.title])).entries()];
  return (
    <aside className="recheck-notice" role="status" aria-label="Verdicts changed" data-testid="recheck-notice">
      <header className="row gap">
        <b>
          {changes.length} verdict{changes.length === 1 ? '' : 's'} changed with the import
        </b>
        <button type="button" className="icon-button" aria-label="Dismiss" onClick={() => setChanges([])}>
          ×
        </button>
      </header>
      <ul>
        {changes.slice(0, 8).map((c, i) => (
          <li key={i}>
            <span className="mono">{c.claim}</span>:{' '}
            <span className={`v-${c.from} verdict-badge`}>
              {VERDICT_MARK[c.from]} {VERDICT_LABEL[c.from]}
            </span>{' '}
            →{' '}
            <span className={`v-${c.to} verdict-badge`}>
              {VERDICT_MARK[c.to]} {VERDICT_LABEL[c.to]}
            </span>
          </li>
        ))}
        {changes.length > 8 && <li className="muted">and {changes.length - 8} more</li>}
      </ul>
      <div className="row gap">
        {reports.map(([id, title]) => (
          <button key={id} type="button" className="chip" onClick={() => openReport(id)}>
            Open “{title}”
          </button>
        ))}
      </div>
    </aside>
  );
}

import type { TickerSummary } from '@shared/archive';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import { formatCount, formatDate } from '@renderer/lib/format';

/** The first screen: what the archive holds, overall and ticker by ticker. */
export function ArchiveOverview(): React.JSX.Element {
  const { ticker: selected, selectTicker, setView } = useSelection();
  const info = useCall('archive:info', {});
  const tickers = useCall('archive:tickers', {});

  if (info.error || tickers.error) {
    return (
      <section className="pane-body" aria-label="Archive overview">
        <p role="alert" className="error">
          Breadth could not read the archive: {(info.error ?? tickers.error)!.message}
        </p>
      </section>
    );
  }
  const i = info.data;
  return (
    <section className="pane-body" aria-label="Archive overview">
      <header className="pane-header">
        <h1>Archive</h1>
        <p className="muted">Daily prices kept on this computer, by ticker.</p>
      </header>
      <dl className="stats" aria-label="Archive totals">
        <Stat label="Tickers" value={i ? formatCount(i.tickers) : '…'} testId="stat-tickers" />
        <Stat label="Daily bars" value={i ? formatCount(i.bars) : '…'} testId="stat-bars" />
        <Stat label="First date" value={i ? formatDate(i.firstDate) : '…'} testId="stat-first" />
        <Stat label="Last date" value={i ? formatDate(i.lastDate) : '…'} testId="stat-last" />
        <Stat label="Reports" value={i ? formatCount(i.reports) : '…'} testId="stat-reports" />
        <Stat label="Notes" value={i ? formatCount(i.notes) : '…'} testId="stat-notes" />
      </dl>
      {tickers.data && tickers.data.length === 0 ? (
        <div className="empty" data-testid="archive-empty">
          <h2>The archive is empty</h2>
          <p>Import CSV price files from Yahoo Finance, Stooq, Nasdaq, Investing.com and others to begin.</p>
          <p className="row gap">
            <button type="button" className="button primary" onClick={() => setView('imports')}>
              Import…
            </button>
          </p>
        </div>
      ) : (
        <TickerTable rows={tickers.data ?? []} selected={selected} onSelect={selectTicker} />
      )}
    </section>
  );
}

function Stat(props: { label: string; value: string; testId: string }): React.JSX.Element {
  return (
    <div className="stat">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

function TickerTable(props: { rows: TickerSummary[]; selected: string | null; onSelect: (t: string) => void }): React.JSX.Element {
  return (
    <table className="grid" aria-label="Tickers in the archive">
      <thead>
        <tr>
          <th scope="col">Ticker</th>
          <th scope="col">Name</th>
          <th scope="col" className="num">Bars</th>
          <th scope="col">From</th>
          <th scope="col">To</th>
          <th scope="col">Prices</th>
        </tr>
      </thead>
      <tbody>
        {props.rows.map((t) => (
          <tr
            key={t.symbol}
            aria-selected={props.selected === t.symbol}
            className={props.selected === t.symbol ? 'selected' : undefined}
            onClick={() => props.onSelect(t.symbol)}
          >
            <th scope="row">{t.symbol}</th>
            <td className="muted">{t.name ?? ''}</td>
            <td className="num">{formatCount(t.bars)}</td>
            <td>{formatDate(t.firstDate)}</td>
            <td>{formatDate(t.lastDate)}</td>
            <td>{t.pricesAdjusted ? 'adjusted' : t.hasAdjClose ? 'raw + adj close' : 'raw'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

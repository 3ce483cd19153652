import { useState } from 'react';
import { describeAction, formatRatio, parseRatio, type ActionKind, type CorporateAction } from '@shared/actions';
import type { SuspectedSplit } from '@shared/analytics';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { formatDate } from '@renderer/lib/format';
import { DateInput } from '@renderer/lib/DateInput';
import './actions.css';

const SOURCE_LABEL: Record<CorporateAction['source'], string> = {
  file: 'from the file',
  manual: 'entered',
  confirmed: 'confirmed',
};

/**
 * A split the import suspected and no recorded split explains: what it does to the figures, and the one
 * click that records it (after which the split-adjusted and total-return figures are right).
 */
export function SuspectedSplitNotice(props: { ticker: string; splits: SuspectedSplit[] }): React.JSX.Element | null {
  const add = useCallMutation('actions:add');
  if (props.splits.length === 0) return null;
  return (
    <div className="suspected-splits" role="status" data-testid="suspected-splits">
      {props.splits.map((s) => (
        <p key={s.date}>
          <span className="warn">
            {props.ticker} closed ×{s.move.toFixed(2)} on {formatDate(s.date)}: an unadjusted {formatRatio(s.ratio)} split,
            it seems. Figures whose bars span it compare prices from before and after it.
          </span>{' '}
          <button
            type="button"
            className="primary"
            disabled={add.isPending}
            onClick={() => add.mutate({ ticker: props.ticker, kind: 'split', date: s.date, ratio: s.ratio, confirmed: true })}
          >
            Record {formatRatio(s.ratio)} split on {formatDate(s.date)}
          </button>
        </p>
      ))}
      {add.error && (
        <p role="alert" className="error">
          {add.error.message}
        </p>
      )}
    </div>
  );
}

/** A ticker's recorded splits and dividends: listed, entered by hand, removed. */
export function ActionsPanel(props: { ticker: string }): React.JSX.Element {
  const q = useCall('actions:list', { ticker: props.ticker }, { retry: false });
  const remove = useCallMutation('actions:remove');
  const actions = q.data?.actions ?? [];
  const splits = actions.filter((a) => a.kind === 'split').length;
  const dividends = actions.length - splits;
  const summary = actions.length
    ? [splits && `${splits} split${splits > 1 ? 's' : ''}`, dividends && `${dividends} dividend${dividends > 1 ? 's' : ''}`].filter(Boolean).join(', ')
    : 'none recorded';
  return (
    <details className="card actions-panel" data-testid="actions-panel">
      <summary>
        Splits and dividends of {props.ticker} <span className="muted">({summary})</span>
      </summary>
      <p className="muted small">
        The bases are computed from them: <em>as traded</em> undoes a provider&apos;s adjustment,{' '}
        <em>split-adjusted</em> divides the bars before each split by its ratio, <em>total return</em> also reinvests
        each dividend on its ex-date.
        {q.data?.providerAdjusted && ' This ticker’s file came adjusted for dividends: record them to see it as traded.'}
      </p>
      {q.error && (
        <p role="alert" className="error">
          {q.error.message}
        </p>
      )}
      {actions.length > 0 && (
        <table className="actions-table" aria-label={`Corporate actions of ${props.ticker}`}>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Action</th>
              <th scope="col">Source</th>
              <th scope="col">
                <span className="sr-only">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => (
              <tr key={a.id}>
                <td className="mono">{formatDate(a.date)}</td>
                <td>{a.kind === 'split' ? `Split ${formatRatio(a.ratio!)}` : `Dividend ${a.amount!.toFixed(4).replace(/0{1,2}$/, '')}`}</td>
                <td className="muted">{SOURCE_LABEL[a.source]}</td>
                <td>
                  <button
                    type="button"
                    className="chip"
                    aria-label={`Remove ${describeAction(a)}`}
                    disabled={remove.isPending}
                    onClick={() => remove.mutate({ id: a.id })}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddActionForm ticker={props.ticker} />
    </details>
  );
}

function AddActionForm(props: { ticker: string }): React.JSX.Element {
  const [kind, setKind] = useState<ActionKind>('split');
  const [date, setDate] = useState('');
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = useCallMutation('actions:add', {
    onSuccess: () => {
      setDate('');
      setValue('');
    },
  });
  const submit = (e: React.FormEvent): void => {
    e.preventDefault();
    setProblem(null);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setProblem('Pick the date: the split’s effective day or the dividend’s ex-date.');
    if (kind === 'split') {
      const ratio = parseRatio(value);
      if (ratio === null) return setProblem(`“${value}” is not a split ratio: write it as 2:1, 3:2 or 1:10 (reverse).`);
      add.mutate({ ticker: props.ticker, kind, date, ratio });
    } else {
      const amount = Number(value);
      if (!(amount > 0)) return setProblem(`“${value}” is not an amount per share: write it as 0.842.`);
      add.mutate({ ticker: props.ticker, kind, date, amount });
    }
  };
  const message = problem ?? add.error?.message ?? null;
  return (
    <form className="row gap wrap-row add-action" onSubmit={submit} aria-label="Record a split or dividend">
      <label>
        Action
        <select value={kind} onChange={(e) => setKind(e.target.value as ActionKind)} aria-label="Action">
          <option value="split">Split</option>
          <option value="dividend">Dividend</option>
        </select>
      </label>
      <label>
        {kind === 'split' ? 'Effective' : 'Ex-date'}
        <DateInput value={date} onChange={setDate} aria-label="Action date" required />
      </label>
      <label>
        {kind === 'split' ? 'Ratio (new:old)' : 'Amount per share'}
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          aria-label={kind === 'split' ? 'Split ratio' : 'Dividend amount'}
          placeholder={kind === 'split' ? '2:1' : '0.842'}
          inputMode={kind === 'split' ? 'text' : 'decimal'}
          size={8}
          required
        />
      </label>
      <button type="submit" className="primary" disabled={add.isPending}>
        Record
      </button>
      {message && (
        <p role="alert" className="error full-row">
          {message}
        </p>
      )}
    </form>
  );
}

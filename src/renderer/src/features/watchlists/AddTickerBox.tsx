import { formatDate } from '@renderer/lib/format';
import { useId, useState } from 'react';
import { useCall } from '@renderer/lib/use-call';

/** A text box that adds a ticker (to the open watchlist, a comparison…), completing over the archive's tickers. */
export function AddTickerBox(props: { onAdd: (ticker: string) => void; disabled?: boolean; label?: string; placeholder?: string }): React.JSX.Element {
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(-1);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const query = text.trim();
  const completions = useCall('watchlists:complete', { query, limit: 8 }, { enabled: query.length > 0, staleTime: 10_000 });
  const options = query && open ? (completions.data ?? []) : [];
  const submit = (ticker: string): void => {
    const t = ticker.trim().toUpperCase();
    if (!t) return;
    props.onAdd(t);
    setText('');
    setOpen(false);
    setHighlight(-1);
  };
  return (
    <div className="add-ticker">
      <input
        role="combobox"
        aria-label={props.label ?? 'Add a ticker'}
        aria-expanded={options.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlight >= 0 && options[highlight] ? `${listId}-${highlight}` : undefined}
        placeholder={props.placeholder ?? 'Add ticker…'}
        value={text}
        disabled={props.disabled}
        maxLength={24}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setHighlight(-1);
        }}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && options.length) {
            setHighlight((h) => Math.min(options.length - 1, h + 1));
            e.preventDefault();
          } else if (e.key === 'ArrowUp' && options.length) {
            setHighlight((h) => Math.max(-1, h - 1));
            e.preventDefault();
          } else if (e.key === 'Enter') {
            submit(highlight >= 0 && options[highlight] ? options[highlight].symbol : text);
            e.preventDefault();
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      {options.length > 0 && (
        <ul className="completions" role="listbox" id={listId} aria-label="Matching tickers">
          {options.map((o, i) => (
            <li
              key={o.symbol}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === highlight}
              className={i === highlight ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                submit(o.symbol);
              }}
            >
              <b>{o.symbol}</b> <span className="muted">{o.name ?? ''}</span>
              <span className="muted small">
                {o.bars.toLocaleString('en-US')} bars{o.lastDate ? ` to ${formatDate(o.lastDate)}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

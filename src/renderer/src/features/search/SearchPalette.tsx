import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '@shared/search';
import type { ViewName } from '@shared/domain';
import { VIEW_TABS } from '@renderer/features/layout/ViewTabs';
import { useSelection } from '@renderer/app/selection';
import { useLocalState } from '@renderer/lib/local-state';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import './search.css';

const KIND_LABEL: Record<SearchHit['kind'], string> = {
  report: 'Report',
  note: 'Note',
  ticker: 'Ticker',
  watchlist: 'Watchlist',
};

/** One entry of the results: a view of the main pane, or a hit of the archive's search. */
type Entry = { kind: 'view'; view: ViewName; label: string } | SearchHit;

/** Opens the search box from anywhere (the top bar's button sends this event). */
export const OPEN_SEARCH_EVENT = 'breadth:open-search';

/** The search box (Ctrl/Cmd+K): reports and notes by their words (highlighted), tickers, watchlists. */
export function SearchPalette(): React.JSX.Element | null {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setOpen(true);
      }
    };
    const onOpen = (): void => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_SEARCH_EVENT, onOpen);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_SEARCH_EVENT, onOpen);
    };
  }, []);
  return open ? <Palette onClose={() => setOpen(false)} /> : null;
}

function Palette(props: { onClose: () => void }): React.JSX.Element {
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  const [index, setIndex] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const { openReport, openNote, selectTicker, setView, reportId } = useSelection();
  const ask = useCallMutation('claims:ask');
  const [, setActiveList] = useLocalState<number | null>('activeWatchlist', null);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(query.trim()), 40);
    return () => clearTimeout(t);
  }, [query]);
  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    return () => d.close();
  }, []);
  const hits = useCall(
    'search:query',
    { query: debounced, limit: 20 },
    { enabled: debounced.length > 0, placeholderData: (p) => p },
  );
  const server = debounced ? (hits.data ?? []) : [];
  // A question is asked of the archive (the open report's window and date by default): the first entry.
  const askable = /\?\s*$|^(?:how|what|which|was|were|is|are|did|does|do|compare|where)\b/i.test(query.trim());
  // The views, by name ("ana" → Analytics): jumping to one is as quick as to a ticker.
  const q = query.trim().toLowerCase();
  const views = q ? VIEW_TABS.filter((t) => t.label.toLowerCase().startsWith(q)) : [];
  const list: Entry[] = [...views.map((t): Entry => ({ kind: 'view', view: t.view, label: t.label })), ...server];
  const offset = askable ? 1 : 0;
  const runAsk = (): void => ask.mutate({ question: query.trim(), ...(reportId !== null ? { reportId } : {}) });

  const choose = (h: Entry): void => {
    props.onClose();
    if (h.kind === 'view') setView(h.view);
    else if (h.kind === 'report') openReport(h.id);
    else if (h.kind === 'note' && h.reportId !== null) {
      openNote(h.id, h.reportId);
      openReport(h.reportId);
    } else if (h.kind === 'ticker' && h.ticker) selectTicker(h.ticker, { show: true });
    else if (h.kind === 'watchlist') {
      setActiveList(h.id);
      setView('chart');
    }
  };

  return (
    <dialog
      ref={dialog}
      className="dialog search-palette"
      aria-label="Search"
      onClose={props.onClose}
      onCancel={props.onClose}
    >
      <input
        type="search"
        autoFocus
        role="combobox"
        aria-expanded={list.length > 0}
        aria-controls="search-results"
        aria-activedescendant={
          askable && index === 0 ? 'hit-ask' : list[index - offset] ? `hit-${index - offset}` : undefined
        }
        aria-label="Search reports, notes, tickers and watchlists"
        placeholder="Jump to a ticker, watchlist, report, note or view…"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setIndex(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setIndex((i) => Math.min(list.length - 1 + offset, i + 1));
          else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && askable && index === 0) runAsk();
          else if (e.key === 'Enter' && list[index - offset]) choose(list[index - offset]!);
          // Closed here, not left to the dialog: Chromium may swallow a second Escape's cancel event.
          else if (e.key === 'Escape') props.onClose();
          else return;
          e.preventDefault();
        }}
      />
      {ask.data && ask.data.question === query.trim() && (
        <div className="palette-answer" role="status" data-testid="palette-answer">
          <p>{ask.data.answer}</p>
          {ask.data.table && <p className="small mono">{ask.data.table.rows.map((r) => r.join(' ')).join(' · ')}</p>}
          {ask.data.suggestions.length > 0 && <p className="small muted">{ask.data.suggestions.join(' · ')}</p>}
        </div>
      )}
      <ul id="search-results" role="listbox" className="search-results" aria-label="Results">
        {askable && (
          <li
            id="hit-ask"
            role="option"
            aria-selected={index === 0}
            className={index === 0 ? 'hit active' : 'hit'}
            onMouseEnter={() => setIndex(0)}
            onClick={runAsk}
          >
            <span className="hit-kind ask">Ask</span>
            <span className="hit-body">
              <span className="hit-title">{query.trim()}</span>
              <span className="hit-snippet">
                {ask.isPending ? 'Computing…' : 'Answer with figures computed from the archive'}
              </span>
            </span>
          </li>
        )}
        {list.map((h, j) => {
          const i = j + offset;
          const view = h.kind === 'view';
          return (
            <li
              key={view ? `view-${h.view}` : `${h.kind}-${h.id}-${h.ticker ?? ''}`}
              id={`hit-${j}`}
              role="option"
              aria-selected={i === index}
              className={i === index ? 'hit active' : 'hit'}
              onMouseEnter={() => setIndex(i)}
              onClick={() => choose(h)}
            >
              <span className={`hit-kind ${h.kind}`}>{view ? 'View' : KIND_LABEL[h.kind]}</span>
              <span className="hit-body">
                <span className="hit-title">{view ? h.label : h.title}</span>
                {!view && h.snippet.length > 0 && (
                  <span className="hit-snippet">
                    {h.snippet.map((p, k) => (p.hit ? <mark key={k}>{p.text}</mark> : <span key={k}>{p.text}</span>))}
                  </span>
                )}
              </span>
            </li>
          );
        })}
        {debounced && hits.data && list.length === 0 && !askable && views.length === 0 && (
          <li className="muted hit-none">Nothing matches “{debounced}”.</li>
        )}
      </ul>
      <p className="muted small search-help">↑↓ to move · Enter to open · Esc to close</p>
    </dialog>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useCallMutation } from '@renderer/lib/use-call';
import { useEditorSession } from './editor-session';

/**
 * "New report from text": paste a web page or an e-mail; Breadth proposes a report (title, date, tags,
 * tickers in the archive, sections by heading, citations) that opens in the editor to be corrected.
 */
export function FromTextDialog(props: { onClose: () => void }): React.JSX.Element {
  const [text, setText] = useState('');
  const [, setSession] = useEditorSession();
  const propose = useCallMutation('reports:fromText');
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    return () => d.close();
  }, []);
  const submit = (): void =>
    propose.mutate(
      { text },
      {
        onSuccess: (p) => {
          setSession({ id: null, draft: p.draft, warnings: p.warnings, unknownTickers: p.unknownTickers });
          props.onClose();
        },
      },
    );
  return (
    <dialog ref={dialog} className="dialog from-text" aria-labelledby="from-text-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="from-text-title">New report from text</h2>
      <p className="muted small">
        Paste a report you received (a web page, an e-mail, Markdown). Nothing is saved until you check the proposal and press Save report.
      </p>
      <textarea
        aria-label="Report text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={16}
        autoFocus
        placeholder={'Small caps lead the rally\nPublished: January 11, 2026\n#smallcaps #breadth\nRelated Stocks: IWM, SPY\n\n## Leadership shift\nThe Russell 2000 … [1]\n\nReferences\n[1] …'}
      />
      {propose.error && <p className="error">{propose.error.message}</p>}
      <div className="row gap dialog-buttons">
        <button type="button" className="chip" onClick={props.onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!text.trim() || propose.isPending} title={propose.isPending ? 'Reading the text…' : !text.trim() ? "Paste the report's text first" : undefined} onClick={submit}>
          Propose report
        </button>
      </div>
    </dialog>
  );
}

/**
 * A Markdown editor (CodeMirror 6): Markdown highlighting, history, search keys, and completion of
 * `[n]` citations from the report's references and of ticker symbols from the archive.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { markdown } from '@codemirror/lang-markdown';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** What completes as the analyst types. */
export interface EditorCompletions {
  references: Array<{ n: number; title: string }>;
  tickers: string[];
}

function completer(source: () => EditorCompletions) {
  return (ctx: CompletionContext): CompletionResult | null => {
    const cite = ctx.matchBefore(/\[\d{0,3}$/);
    if (cite) {
      const refs = source().references;
      if (!refs.length) return null;
      return {
        from: cite.from,
        options: refs.map((r) => ({ label: `[${r.n}]`, detail: r.title, type: 'constant' })),
        validFor: /^\[\d{0,3}$/,
      };
    }
    const word = ctx.matchBefore(/\^?[A-Z][A-Z0-9.]*$/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    const tickers = source().tickers;
    return { from: word.from, options: tickers.map((t) => ({ label: t, type: 'variable' })), validFor: /^\^?[A-Z0-9.]*$/ };
  };
}

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)', borderRadius: '4px' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-1px' },
  '&.cm-editor': { maxHeight: '420px' },
  '.cm-content': { fontFamily: 'var(--mono)', lineHeight: '1.5', fontSize: '13px', caretColor: 'var(--text)', padding: '6px 0' },
  '.cm-line': { padding: '0 8px' },
  '.cm-scroller': { overflow: 'auto' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent-soft)', color: 'var(--text)' },
  '.cm-placeholder': { color: 'var(--muted)' },
});

/**
 * An uncontrolled CodeMirror editor: `value` seeds it (and replaces its text when it changes from
 * outside, e.g. a restored version); every edit reports the whole text through `onChange`.
 */
export function MarkdownEditor(props: {
  value: string;
  onChange: (text: string) => void;
  label: string;
  completions?: EditorCompletions;
  placeholder?: string;
  minHeight?: number;
  onBlur?: () => void;
  autoFocus?: boolean;
}): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const placeholderCompartment = useRef(new Compartment());

  useEffect(() => {
    // In its own shadow root, CodeMirror's styles go to an adopted style sheet: no <style> element,
    // so the strict CSP (style-src 'self') holds. Custom properties (the theme) inherit into it.
    const el = host.current!;
    const shadow = el.shadowRoot ?? el.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    shadow.replaceChildren(parent);
    const v = new EditorView({
      root: shadow,
      parent,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap]),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          EditorView.lineWrapping,
          autocompletion({ override: [completer(() => latest.current.completions ?? { references: [], tickers: [] })] }),
          placeholderCompartment.current.of(placeholderExt(latest.current.placeholder ?? '')),
          theme,
          EditorView.contentAttributes.of({ 'aria-label': latest.current.label, 'aria-multiline': 'true' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
            if (u.focusChanged && !u.view.hasFocus) latest.current.onBlur?.();
          }),
        ],
      }),
    });
    view.current = v;
    if (latest.current.autoFocus) v.focus();
    return () => {
      v.destroy();
      parent.remove();
      view.current = null;
    };
  }, []);

  // A value from outside (a restored version, another section loaded) replaces the text.
  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== props.value) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: props.value } });
    }
  }, [props.value]);

  return <div ref={host} className="md-editor" style={{ minHeight: props.minHeight ?? 80 }} />;
}

/** Focuses the first Markdown editor inside `container` (its text lives in the editor's shadow root). */
export function focusEditorIn(container: HTMLElement | null): void {
  container?.querySelector('.md-editor')?.shadowRoot?.querySelector<HTMLElement>('.cm-content')?.focus();
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Note, NoteAnchor } from '@shared/notes';
import { ApiError, call } from '@renderer/lib/api';
import { useCallMutation } from '@renderer/lib/use-call';

/** How long after the last keystroke a note saves itself. */
export const AUTOSAVE_MS = 1000;

/** Where a note's edits stand. */
export type SaveState = 'saved' | 'editing' | 'saving' | 'error' | 'conflict';

const sameAnchor = (a: NoteAnchor, b: NoteAnchor): boolean => a.section === b.section && a.ticker === b.ticker && a.date === b.date;

/**
 * A note's text and anchor as edited, saved about a second after typing stops, when the editor loses
 * focus, when it unmounts, and when the page is hidden or closed (a request the browser keeps alive
 * after the page is gone). Each save names the version it was based on: a note changed elsewhere in
 * the meantime is reported as a conflict, never overwritten.
 */
export function useNoteAutosave(note: Note): {
  body: string;
  anchor: NoteAnchor;
  state: SaveState;
  error: string | null;
  setBody(body: string): void;
  setAnchor(anchor: NoteAnchor): void;
  flush(): void;
} {
  const [body, setBodyState] = useState(note.body);
  const [anchor, setAnchorState] = useState(note.anchor);
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const update = useCallMutation('notes:update');
  const live = useRef({ body: note.body, anchor: note.anchor, version: note.version, saved: { body: note.body, anchor: note.anchor }, inFlight: false, again: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The latest `save`, for the save that runs again after one in flight. */
  const saveAgain = useRef<() => void>(() => {});

  // Another window saved, or an earlier version was restored: take it when nothing here is unsaved.
  useEffect(() => {
    const l = live.current;
    if (note.version <= l.version) return;
    const dirty = l.body !== l.saved.body || !sameAnchor(l.anchor, l.saved.anchor);
    if (dirty) return;
    l.version = note.version;
    l.body = l.saved.body = note.body;
    l.anchor = l.saved.anchor = note.anchor;
    setBodyState(note.body);
    setAnchorState(note.anchor);
  }, [note]);

  const save = useCallback((): void => {
    const l = live.current;
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (l.body === l.saved.body && sameAnchor(l.anchor, l.saved.anchor)) return;
    if (l.inFlight) {
      l.again = true;
      return;
    }
    l.inFlight = true;
    const sent = { body: l.body, anchor: l.anchor };
    setState('saving');
    update.mutate(
      { id: note.id, body: sent.body, anchor: sent.anchor, baseVersion: l.version },
      {
        onSuccess: (saved) => {
          l.version = saved.version;
          l.saved = sent;
          setError(null);
          setState(l.body === sent.body && sameAnchor(l.anchor, sent.anchor) ? 'saved' : 'editing');
        },
        onError: (err) => {
          setError(err.message);
          setState(err instanceof ApiError && err.code === 'CONFLICT' ? 'conflict' : 'error');
        },
        onSettled: () => {
          l.inFlight = false;
          if (l.again) {
            l.again = false;
            saveAgain.current();
          }
        },
      },
    );
  }, [note.id, update]);

  useEffect(() => {
    saveAgain.current = save;
  }, [save]);

  const schedule = useCallback((): void => {
    setState('editing');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(save, AUTOSAVE_MS);
  }, [save]);

  // The page going away: send what is unsaved at once, without waiting for an answer.
  useEffect(() => {
    const onHide = (): void => {
      const l = live.current;
      if (l.body === l.saved.body && sameAnchor(l.anchor, l.saved.anchor)) return;
      if (timer.current) clearTimeout(timer.current);
      // While a save is in flight its version is not known yet: this later text wins.
      void call('notes:update', { id: note.id, body: l.body, anchor: l.anchor, ...(l.inFlight ? {} : { baseVersion: l.version }) }).then(
        (saved) => {
          l.version = saved.version;
          l.saved = { body: saved.body, anchor: saved.anchor };
        },
        () => {},
      );
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') onHide();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      // Unmounting (another report opened, the panel closed) saves what is pending.
      onHide();
    };
  }, [note.id]);

  return {
    body,
    anchor,
    state,
    error,
    setBody: (b) => {
      live.current.body = b;
      setBodyState(b);
      schedule();
    },
    setAnchor: (a) => {
      live.current.anchor = a;
      setAnchorState(a);
      schedule();
    },
    flush: save,
  };
}

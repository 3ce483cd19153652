import type { noteChannels } from '../../shared/contract/notes';
import {
  createNote,
  deleteNote,
  listNotes,
  noteMarkers,
  noteVersions,
  restoreNoteVersion,
  updateNote,
} from '../notes/repository';
import type { DomainHandlers } from './handle';

/** Handlers of the notes domain; writes wait their turn in the core's write queue. */
export const noteHandlers: DomainHandlers<keyof typeof noteChannels> = {
  'notes:list': ({ reportId }, { core }) => listNotes(core.db, reportId),
  'notes:create': ({ reportId, body, anchor }, { core }) => core.writes.run(() => createNote(core.db, reportId, body, anchor)),
  'notes:update': ({ id, body, anchor, baseVersion }, { core }) =>
    core.writes.run(() => updateNote(core.db, id, body, anchor, baseVersion)),
  'notes:delete': ({ id }, { core }) => core.writes.run(() => deleteNote(core.db, id)),
  'notes:versions': ({ id }, { core }) => noteVersions(core.db, id),
  'notes:restore': ({ id, version }, { core }) => core.writes.run(() => restoreNoteVersion(core.db, id, version)),
  'notes:markers': ({ ticker }, { core }) => noteMarkers(core.db, ticker),
};

/**
 * Notes on a client: append-only. A note is never edited; a correction is a new note that
 * names the one it corrects. Bodies are sealed like every record; only ids are indexed.
 */
import type { NoteRecord } from '../../../shared/domain/note';
import { noteArgsSchema } from '../../../shared/domain/note';
import { uuidv7 } from '../../../shared/ids';
import { createRecordReader } from './record-reader';
import { writeCommand, type RepositoryDeps } from './repository-deps';

export interface NotesRepository {
  /** A client's notes, newest first. */
  forClient(clientId: string): Promise<NoteRecord[]>;
  /** Adds a note (queued as `note.add`). */
  add(note: { clientId: string; body: string; level: NoteRecord['level'] }): Promise<NoteRecord>;
}

export function createNotesRepository(deps: RepositoryDeps): NotesRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'notes', deps.onUnreadable);
  return {
    async forClient(clientId) {
      const notes = await reader.listByIndex('clientId', clientId);
      return notes.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
    },
    async add(note) {
      const args = noteArgsSchema.parse({ id: uuidv7(), ...note });
      return (await writeCommand(deps, { name: 'note.add', args })) as NoteRecord;
    },
  };
}

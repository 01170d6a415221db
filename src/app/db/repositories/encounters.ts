/**
 * The one save of an encounter: every command the encounter produced (contact, consents,
 * assessment, referrals, appointments, notes, client update) written in ONE local
 * transaction — all on the device and queued, or nothing.
 *
 * An encounter is recorded once. Its id is chosen when its draft starts and is the id of
 * the contact it records, so "this encounter is saved" means "its contact is on the
 * device". The save deletes the draft in that same transaction and refuses, inside it, an
 * encounter whose contact already exists: a draft that outlived its save (a crash before
 * this was one transaction, an autosave that landed late, a second tab, a double tap) is
 * recognised and cleared, never recorded a second time.
 */
import type { Command } from '../../../shared/sync/commands';
import type { LocalChangeResult } from '../local-write';
import { discardDraft, discardDraftIfSaved, isSaved, saveDraft, type DraftOutcome } from '../drafts';
import { writeCommands, type RepositoryDeps } from './repository-deps';

/** One encounter to save from its draft. */
export interface EncounterSave {
  /** The draft it was built from (`encounter:<clientId>`). */
  readonly draftKey: string;
  /** The encounter's id, which is also the id of the contact it records. */
  readonly encounterId: string;
  readonly commands: readonly Command[];
}

/** `already-recorded`: this encounter was saved before; nothing was written again. */
export type EncounterSaveOutcome = 'recorded' | 'already-recorded';

export interface EncountersRepository {
  /**
   * Applies the encounter's commands in order and writes every record and outbox entry
   * in one transaction. Throws (writing nothing) if any command is invalid or cannot apply.
   */
  record(commands: readonly Command[]): Promise<LocalChangeResult[]>;
  /**
   * Saves the encounter from its draft: every record and outbox entry of `record`, and the
   * draft's deletion, in one transaction. Writes nothing if the encounter was already
   * recorded (and then only clears its draft). Throws (writing nothing) if any command is
   * invalid or cannot apply, or if the commands do not record the encounter's contact.
   */
  saveFromDraft(save: EncounterSave): Promise<EncounterSaveOutcome>;
  /** True if the encounter is recorded on this device. */
  isRecorded(encounterId: string): Promise<boolean>;
  /** Deletes a draft left over from an encounter already recorded; true if it was recorded. */
  clearIfRecorded(draftKey: string, encounterId: string): Promise<boolean>;
  /** Autosaves the encounter's draft (sealed), unless the encounter is already recorded; true if written. */
  keepDraft(draftKey: string, encounterId: string, value: unknown): Promise<boolean>;
}

/** The encounter was recorded before: the save's transaction is aborted. */
class AlreadyRecordedError extends Error {}

const contactOf = (encounterId: string): DraftOutcome => ({ collection: 'contacts', id: encounterId });

function requireContact({ encounterId, commands }: EncounterSave): void {
  if (commands.length === 0) throw new Error('an encounter records at least one thing');
  if (!commands.some((c) => c.name === 'contact.record' && c.args.id === encounterId)) {
    throw new Error('an encounter records its contact under the encounter id');
  }
}

export function createEncountersRepository(deps: RepositoryDeps): EncountersRepository {
  const { db } = deps;
  const clearIfRecorded = (draftKey: string, encounterId: string) => discardDraftIfSaved(db, draftKey, contactOf(encounterId));
  return {
    async record(commands) {
      if (commands.length === 0) throw new Error('an encounter records at least one thing');
      return writeCommands(deps, commands);
    },
    async saveFromDraft(save) {
      requireContact(save);
      const { draftKey, encounterId, commands } = save;
      if (await clearIfRecorded(draftKey, encounterId)) return 'already-recorded';
      // Inside the records' transaction: the draft goes with them, and a save that lost a
      // race with another save of the same encounter aborts instead of recording it twice.
      const alongside = {
        tables: [db.drafts, db.records('contacts')],
        run: async () => {
          if (await isSaved(db, contactOf(encounterId))) throw new AlreadyRecordedError();
          await discardDraft(db, draftKey);
        },
      };
      try {
        await writeCommands(deps, commands, alongside);
        return 'recorded';
      } catch (error) {
        if (!(error instanceof AlreadyRecordedError)) throw error;
        await clearIfRecorded(draftKey, encounterId);
        return 'already-recorded';
      }
    },
    isRecorded: (encounterId) => isSaved(db, contactOf(encounterId)),
    clearIfRecorded,
    keepDraft: (draftKey, encounterId, value) => saveDraft(db, deps.cipher, draftKey, value, { unlessSaved: contactOf(encounterId) }),
  };
}

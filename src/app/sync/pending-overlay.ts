/**
 * The local view of a command: what a record looks like once a command the server has
 * not yet confirmed is applied on the device.
 *
 * Used twice, so the two can never disagree: by the local write (the record stored with
 * its outbox entry) and by pull (pending outbox entries re-applied on top of the pulled
 * server record, so a worker never sees their own unsynced change vanish).
 *
 * Pure and idempotent: applying the same command twice gives the same record. Profile
 * updates set values but leave `clocks` alone: `clocks` holds the clocks the SERVER has
 * confirmed, which is what the next update must send as `seen` (merge.ts). Timestamps come
 * from the command's clock, so re-applying gives the same record.
 */
import type { ClientRecord } from '../../shared/domain/client';
import { decodeHlc } from '../../shared/hlc';
import type { CollectionName, RecordOf } from '../../shared/sync/collections';
import type { Command, CommandName } from '../../shared/sync/commands';

/** Who is writing: stamped as ownership on records created on the device. */
export interface OverlaySession {
  readonly userId: string;
  readonly teamId: string;
}

export type AnyRecord = RecordOf<CollectionName>;

/** The collection each command writes to. */
export const commandCollections: { readonly [N in CommandName]: CollectionName } = {
  'client.create': 'clients',
  'client.update': 'clients',
  'contact.record': 'contacts',
  'assessment.record': 'assessments',
  'consent.record': 'consents',
  'note.add': 'notes',
  'safetyAlert.raise': 'safetyAlerts',
};

/** The record a command creates or changes. */
export function commandTarget(command: Command): { collection: CollectionName; id: string } {
  return { collection: commandCollections[command.name], id: command.args.id };
}

function isoAt(hlc: string): string {
  return new Date(decodeHlc(hlc).wallMs).toISOString();
}

function definedEntries(values: object): [string, unknown][] {
  return Object.entries(values).filter(([, value]) => value !== undefined);
}

function ownership(session: OverlaySession, hlc: string) {
  return { teamId: session.teamId, createdBy: session.userId, createdAt: isoAt(hlc) };
}

/**
 * Applies `command` (stamped with `hlc`) to `record`, the current local view of its target
 * (`undefined` if there is none). Returns the new local view, or `undefined` if the
 * command cannot apply (an update of a record this device does not hold).
 *
 * `record` must belong to the command's target collection (`commandTarget`).
 */
export function applyCommand(
  record: AnyRecord | undefined,
  command: Command,
  hlc: string,
  session: OverlaySession,
): AnyRecord | undefined {
  switch (command.name) {
    case 'client.create': {
      // A record already there is the server's (or an earlier apply of this create): it wins.
      if (record !== undefined) return record;
      const at = isoAt(hlc);
      const profile = Object.fromEntries(definedEntries(command.args.profile));
      const clocks = Object.fromEntries(Object.keys(profile).map((field) => [field, hlc]));
      return { ...command.args.profile, id: command.args.id, ...ownership(session, hlc), updatedAt: at, clocks };
    }
    case 'client.update': {
      if (record === undefined) return undefined;
      const client = record as ClientRecord;
      const set = Object.fromEntries(definedEntries(command.args.set));
      const at = isoAt(hlc);
      const updatedAt = at > client.updatedAt ? at : client.updatedAt;
      return { ...client, ...set, updatedAt, clocks: client.clocks };
    }
    case 'contact.record':
    case 'assessment.record':
    case 'consent.record':
    case 'note.add':
    case 'safetyAlert.raise':
      // Append-only: never edited, so the server's copy (if pulled) is the record.
      return record ?? ({ ...command.args, ...ownership(session, hlc) });
  }
}

/** Folds several commands (in outbox order) onto a record. */
export function applyCommands(
  record: AnyRecord | undefined,
  commands: readonly { readonly command: Command; readonly hlc: string }[],
  session: OverlaySession,
): AnyRecord | undefined {
  return commands.reduce<AnyRecord | undefined>((view, { command, hlc }) => applyCommand(view, command, hlc, session), record);
}

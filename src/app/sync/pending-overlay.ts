/**
 * The local view of a command: what records look like once a command the server has not
 * yet confirmed is applied on the device.
 *
 * Used twice, so the two can never disagree: by the local write (the records stored with
 * their outbox entries) and by pull (pending outbox entries re-applied on top of the pulled
 * server records, so a worker never sees their own unsynced change vanish).
 *
 * A command has one primary target and may create derived records (a missed appointment
 * opens a follow-up); `commandTargets` names them all, so callers can load and store every
 * record a command touches. `applyToViews` folds commands over such a set of views.
 *
 * Pure and idempotent: applying the same command twice gives the same records. Profile
 * updates set values but leave `clocks` alone: `clocks` holds the clocks the SERVER has
 * confirmed, which is what the next update must send as `seen` (merge.ts). Timestamps come
 * from the command's clock, so re-applying gives the same record.
 */
import type { AgencyRecord } from '../../shared/domain/agency';
import type { AppointmentRecord } from '../../shared/domain/appointment';
import type { ClientRecord } from '../../shared/domain/client';
import type { FollowUpRecord } from '../../shared/domain/follow-up';
import type { NrmReferralRecord } from '../../shared/domain/nrm';
import type { ReferralRecord } from '../../shared/domain/referral';
import type { ReviewItemRecord } from '../../shared/domain/review-item';
import type { SafetyAlertRecord } from '../../shared/domain/safety-alert';
import type { CollectionName } from '../../shared/sync/collections';
import type { Command, CommandName } from '../../shared/sync/commands';
import * as lifecycle from './lifecycle-overlay';
import { isoAt, later, ownership, type AnyRecord, type CommandEffect, type OverlaySession } from './overlay-basics';

export type { AnyRecord, CommandEffect, OverlaySession, RecordEffect } from './overlay-basics';

/** The collection each command's primary target lives in. */
export const commandCollections: { readonly [N in CommandName]: CollectionName } = {
  'client.create': 'clients',
  'client.update': 'clients',
  'contact.record': 'contacts',
  'assessment.record': 'assessments',
  'consent.record': 'consents',
  'note.add': 'notes',
  'safetyAlert.raise': 'safetyAlerts',
  'referral.create': 'referrals',
  'referral.transition': 'referrals',
  'appointment.book': 'appointments',
  'appointment.transition': 'appointments',
  'appointment.undoMissed': 'appointments',
  'followUp.create': 'followUps',
  'followUp.complete': 'followUps',
  'followUp.reassign': 'followUps',
  'reviewItem.resolve': 'reviewItems',
  'safetyAlert.withdraw': 'safetyAlerts',
  'agency.create': 'agencies',
  'agency.update': 'agencies',
  'agency.archive': 'agencies',
  'observation.record': 'observations',
  'nrm.refer': 'nrmReferrals',
  'nrm.record': 'nrmReferrals',
  'dutyToNotify.record': 'dutyToNotify',
};

export interface RecordTarget {
  readonly collection: CollectionName;
  readonly id: string;
}

/** The record a command creates or changes (its primary target; the outbox entry's target). */
export function commandTarget(command: Command): RecordTarget {
  return { collection: commandCollections[command.name], id: command.args.id };
}

/** Every record a command may write: the primary target first, then derived records. */
export function commandTargets(command: Command): RecordTarget[] {
  const primary = commandTarget(command);
  if (command.name === 'appointment.transition' && command.args.to === 'missed' && command.args.followUpId !== undefined) {
    return [primary, { collection: 'followUps', id: command.args.followUpId }];
  }
  if (command.name === 'nrm.refer' || (command.name === 'nrm.record' && command.args.followUpId !== undefined)) {
    return [primary, { collection: 'followUps', id: command.args.followUpId as string }];
  }
  return [primary];
}

const CREATING_COMMANDS: ReadonlySet<CommandName> = new Set<CommandName>([
  'client.create',
  'contact.record',
  'assessment.record',
  'consent.record',
  'note.add',
  'safetyAlert.raise',
  'referral.create',
  'appointment.book',
  'followUp.create',
  'agency.create',
  'observation.record',
  'nrm.refer',
  'dutyToNotify.record',
]);

/**
 * The records that exist on the device only because of `command`: what it creates (a
 * create's target, the follow-up a missed appointment opens). When the server refuses the
 * command they are dropped, since the server never had them.
 */
export function recordsMadeBy(command: Command): RecordTarget[] {
  const derived = commandTargets(command).slice(1);
  return CREATING_COMMANDS.has(command.name) ? [commandTarget(command), ...derived] : derived;
}

/** The key of a record in a map of views: `collection/id`. */
export const targetKey = ({ collection, id }: RecordTarget): string => `${collection}/${id}`;

const only = (record: AnyRecord | undefined): CommandEffect => ({ record, derived: [] });

const definedEntries = (values: object) => Object.entries(values).filter(([, value]) => value !== undefined);

/**
 * A mutable entity (a client, an agency) made on the device, as the server will make it
 * (entity-merge.ts `entityCreator`): each given field clocked at the command's clock, plus
 * the server's `stamps`. A record already there is the server's (or an earlier apply of this
 * create): it wins.
 */
function createEntity<V extends object, S extends object>(record: AnyRecord | undefined, id: string, values: V, hlc: string, session: OverlaySession, stamps: S) {
  if (record !== undefined) return record;
  const clocks: Record<string, string> = Object.fromEntries(definedEntries(values).map(([field]) => [field, hlc]));
  return { ...values, ...stamps, id, ...ownership(session, hlc), updatedAt: isoAt(hlc), clocks };
}

/** Fields set on an entity's view; its clocks stay the server-confirmed ones (see the module comment). */
function setOnEntity<R extends ClientRecord | AgencyRecord>(record: R | undefined, set: object, hlc: string): R | undefined {
  if (record === undefined) return undefined;
  return { ...record, ...Object.fromEntries(definedEntries(set)), updatedAt: later(record.updatedAt, isoAt(hlc)), clocks: record.clocks };
}

/**
 * Applies `command` (stamped with `hlc`) to `record`, the current local view of its primary
 * target (`undefined` if there is none). Returns the new view of the target (`undefined`
 * if the command cannot apply) and the records it creates besides.
 */
export function applyCommand(record: AnyRecord | undefined, command: Command, hlc: string, session: OverlaySession): CommandEffect {
  switch (command.name) {
    case 'client.create':
      return only(createEntity(record, command.args.id, command.args.profile, hlc, session, {}));
    case 'client.update':
      return only(setOnEntity(record as ClientRecord | undefined, command.args.set, hlc));
    case 'contact.record':
    case 'assessment.record':
    case 'consent.record':
    case 'note.add':
    case 'safetyAlert.raise':
    case 'observation.record':
    case 'dutyToNotify.record':
      // Append-only: never edited, so the server's copy (if pulled) is the record.
      return only(record ?? { ...command.args, ...ownership(session, hlc) });
    case 'referral.create':
      return only(lifecycle.createReferral(record as ReferralRecord | undefined, command.args, hlc, session));
    case 'referral.transition':
      return only(lifecycle.transitionReferral(record as ReferralRecord | undefined, command.args, hlc, session));
    case 'appointment.book':
      return only(lifecycle.bookAppointment(record as AppointmentRecord | undefined, command.args, hlc, session));
    case 'appointment.transition':
      return lifecycle.transitionAppointment(record as AppointmentRecord | undefined, command.args, hlc, session);
    case 'followUp.create':
      return only(lifecycle.createFollowUp(record as FollowUpRecord | undefined, command.args, hlc, session));
    case 'followUp.complete':
      return only(lifecycle.completeFollowUp(record as FollowUpRecord | undefined, command.args, hlc, session));
    case 'followUp.reassign': {
      const followUp = record as FollowUpRecord | undefined;
      return only(followUp?.status === 'open' ? { ...followUp, assigneeId: command.args.assigneeId, updatedAt: later(followUp.updatedAt, isoAt(hlc)) } : followUp);
    }
    case 'appointment.undoMissed':
      // Booked again at once; the follow-up it opened is closed by the server and pulled.
      return only(lifecycle.undoMissed(record as AppointmentRecord | undefined, command.args, hlc, session));
    case 'safetyAlert.withdraw': {
      const alert = record as SafetyAlertRecord | undefined;
      return only(alert === undefined || alert.withdrawnAt !== undefined ? alert : { ...alert, withdrawnAt: command.args.at, withdrawnBy: session.userId });
    }
    case 'reviewItem.resolve':
      // The item leaves the queue at once; a client field it rewrites comes back on the next pull.
      return only(lifecycle.resolveReviewItem(record as ReviewItemRecord | undefined, command.args, session));
    // A lead's directory edits, applied as the server will: a new agency is never an example.
    case 'agency.create':
      return only(createEntity(record, command.args.id, command.args.profile, hlc, session, { isExample: false }));
    case 'agency.update':
      return only(setOnEntity(record as AgencyRecord | undefined, command.args.set, hlc));
    case 'agency.archive':
      return only(setOnEntity(record as AgencyRecord | undefined, { archived: command.args.archived }, hlc));
    case 'nrm.refer':
      return lifecycle.referToNrm(record as NrmReferralRecord | undefined, command.args, hlc, session);
    case 'nrm.record':
      return lifecycle.recordNrm(record as NrmReferralRecord | undefined, command.args, hlc, session);
  }
}

/** A map of record views by `targetKey`; an absent key or `undefined` means no record. */
export type RecordViews = Map<string, AnyRecord | undefined>;

export interface PendingStep {
  readonly command: Command;
  readonly hlc: string;
}

/**
 * Folds commands (in outbox order) over `views`, in place: each primary target gets its new
 * view, each derived record is created where none exists. A command that cannot apply
 * (its target is missing) changes nothing; the indexes of such steps are returned.
 * Keys in `frozen` are read but never written (pull: records whose local view already
 * holds the pending commands).
 */
export function applyToViews(
  views: RecordViews,
  steps: readonly PendingStep[],
  session: OverlaySession,
  frozen: ReadonlySet<string> = new Set(),
): number[] {
  const failed: number[] = [];
  const write = (key: string, record: AnyRecord | undefined) => {
    if (!frozen.has(key)) views.set(key, record);
  };
  steps.forEach(({ command, hlc }, index) => {
    const key = targetKey(commandTarget(command));
    const effect = applyCommand(views.get(key), command, hlc, session);
    if (effect.record === undefined) {
      failed.push(index);
      return;
    }
    write(key, effect.record);
    for (const { collection, record } of effect.derived) {
      const derivedKey = targetKey({ collection, id: record.id });
      if (views.get(derivedKey) === undefined) write(derivedKey, record);
    }
  });
  return failed;
}

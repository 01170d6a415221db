/**
 * The local view of the lifecycle commands (referrals, appointments, follow-ups): what the
 * device shows before the server confirms. The state machines in src/shared decide which
 * moves apply; a move they do not allow leaves the record unchanged (the server will
 * reject the command, and "needs attention" shows it), which also makes re-applying a
 * move idempotent — no status may move to itself.
 *
 * A missed appointment has a second effect: the follow-up `followUpForMissedAppointment`
 * builds, the same record the server creates from the same id.
 */
import type { AppointmentRecord } from '../../shared/domain/appointment';
import { canTransitionAppointment, canUndoMissed } from '../../shared/domain/appointment-status';
import type { FollowUpRecord } from '../../shared/domain/follow-up';
import { followUpForMissedAppointment } from '../../shared/domain/missed-appointment';
import type { NrmReferralRecord } from '../../shared/domain/nrm';
import { followUpForNrmWait, newNrmReferral, recordNrmStep } from '../../shared/domain/nrm-status';
import type { ReferralRecord } from '../../shared/domain/referral';
import { canTransitionReferral } from '../../shared/domain/referral-status';
import type { ReviewItemRecord } from '../../shared/domain/review-item';
import type { CommandArgs } from '../../shared/sync/commands';
import { isoAt, later, ownership, type CommandEffect, type OverlaySession } from './overlay-basics';

export function createReferral(
  record: ReferralRecord | undefined,
  args: CommandArgs<'referral.create'>,
  hlc: string,
  session: OverlaySession,
): ReferralRecord {
  if (record !== undefined) return record;
  const at = isoAt(hlc);
  return { ...args, ...ownership(session, hlc), updatedAt: at, history: [{ status: args.status, at, by: session.userId }] };
}

export function transitionReferral(
  record: ReferralRecord | undefined,
  args: CommandArgs<'referral.transition'>,
  hlc: string,
  session: OverlaySession,
): ReferralRecord | undefined {
  if (record === undefined || !canTransitionReferral(record.status, args.to)) return record;
  const history = [...record.history, { status: args.to, at: args.at, by: session.userId }];
  return { ...record, status: args.to, updatedAt: later(record.updatedAt, isoAt(hlc)), history };
}

export function bookAppointment(
  record: AppointmentRecord | undefined,
  args: CommandArgs<'appointment.book'>,
  hlc: string,
  session: OverlaySession,
): AppointmentRecord {
  if (record !== undefined) return record;
  const at = isoAt(hlc);
  return { ...args, ...ownership(session, hlc), status: 'booked', updatedAt: at, history: [{ status: 'booked', at, by: session.userId }] };
}

/** The appointment's new view and, when it is marked missed, the follow-up it opens. */
export function transitionAppointment(
  record: AppointmentRecord | undefined,
  args: CommandArgs<'appointment.transition'>,
  hlc: string,
  session: OverlaySession,
): CommandEffect {
  if (record === undefined || !canTransitionAppointment(record.status, args.to)) return { record, derived: [] };
  const next: AppointmentRecord = {
    ...record,
    status: args.to,
    ...(args.rescheduledTo === undefined ? {} : { rescheduledTo: args.rescheduledTo }),
    updatedAt: later(record.updatedAt, isoAt(hlc)),
    history: [...record.history, { status: args.to, at: args.at, by: session.userId }],
  };
  if (args.to !== 'missed' || args.followUpId === undefined) return { record: next, derived: [] };
  const followUp = followUpForMissedAppointment(next, { followUpId: args.followUpId, at: args.at, actorId: session.userId, assigneeId: args.followUpAssigneeId });
  return { record: next, derived: [{ collection: 'followUps', record: followUp }] };
}

export function createFollowUp(
  record: FollowUpRecord | undefined,
  args: CommandArgs<'followUp.create'>,
  hlc: string,
  session: OverlaySession,
): FollowUpRecord {
  if (record !== undefined) return record;
  return { ...args, ...ownership(session, hlc), status: 'open', updatedAt: isoAt(hlc) };
}

export function completeFollowUp(record: FollowUpRecord | undefined, args: CommandArgs<'followUp.complete'>, hlc: string, session: OverlaySession): FollowUpRecord | undefined {
  if (record?.status !== 'open') return record;
  return { ...record, status: 'done', completedBy: session.userId, completedAt: args.at, updatedAt: later(record.updatedAt, isoAt(hlc)) };
}

export function resolveReviewItem(record: ReviewItemRecord | undefined, args: CommandArgs<'reviewItem.resolve'>, session: OverlaySession): ReviewItemRecord | undefined {
  if (record?.status !== 'open') return record;
  return { ...record, status: 'resolved', kept: args.keep, resolvedBy: session.userId, resolvedAt: args.at };
}

export function undoMissed(record: AppointmentRecord | undefined, args: CommandArgs<'appointment.undoMissed'>, hlc: string, session: OverlaySession): AppointmentRecord | undefined {
  if (record === undefined || !canUndoMissed(record, new Date(isoAt(hlc)))) return record;
  return { ...record, status: 'booked', updatedAt: later(record.updatedAt, isoAt(hlc)), history: [...record.history, { status: 'booked', at: args.at, by: session.userId }] };
}

/**
 * An NRM referral made on the device, and the follow-up that chases its reasonable grounds
 * decision: the records the server makes from the same ids.
 */
export function referToNrm(record: NrmReferralRecord | undefined, args: CommandArgs<'nrm.refer'>, hlc: string, session: OverlaySession): CommandEffect {
  if (record !== undefined) return { record, derived: [] };
  const at = isoAt(hlc);
  const referral = newNrmReferral(args, { teamId: session.teamId, by: session.userId, at });
  const followUp = followUpForNrmWait(referral, { followUpId: args.followUpId, since: args.referredOn, at, actorId: session.userId });
  return { record: referral, derived: followUp === null ? [] : [{ collection: 'followUps', record: followUp }] };
}

/** A step on the NRM path, and the follow-up a new wait opens (the server closes the old one). */
export function recordNrm(record: NrmReferralRecord | undefined, args: CommandArgs<'nrm.record'>, hlc: string, session: OverlaySession): CommandEffect {
  const next = record === undefined ? null : recordNrmStep(record, args, session.userId, args.at);
  if (next === null) return { record, derived: [] };
  const moved = { ...next, updatedAt: later(next.updatedAt, isoAt(hlc)) };
  const followUp = args.followUpId === undefined ? null : followUpForNrmWait(moved, { followUpId: args.followUpId, since: args.on, at: isoAt(hlc), actorId: session.userId });
  return { record: moved, derived: followUp === null ? [] : [{ collection: 'followUps', record: followUp }] };
}

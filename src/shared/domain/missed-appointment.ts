/**
 * What a missed appointment opens: a follow-up for the person, due two days later,
 * assigned to the colleague the device named (the client's key worker) or else to whoever
 * marked it missed. Computed the same way on the device (so the
 * follow-up shows at once, offline) and on the server (which creates it in the same
 * transaction as the transition), from the id the device chose.
 */
import type { AppointmentRecord } from './appointment';
import type { FollowUpRecord } from './follow-up';

export const MISSED_FOLLOW_UP_DELAY_MS = 2 * 24 * 60 * 60 * 1000;

export interface MissedAppointmentContext {
  readonly followUpId: string;
  /** When it was marked missed (ISO). */
  readonly at: string;
  /** Who marked it missed: owner of the follow-up, and its assignee unless `assigneeId` is given. */
  readonly actorId: string;
  readonly assigneeId?: string | undefined;
}

export function followUpForMissedAppointment(appointment: AppointmentRecord, ctx: MissedAppointmentContext): FollowUpRecord {
  return {
    id: ctx.followUpId,
    teamId: appointment.teamId,
    clientId: appointment.clientId,
    reason: 'missed_appointment',
    dueAt: new Date(new Date(ctx.at).getTime() + MISSED_FOLLOW_UP_DELAY_MS).toISOString(),
    assigneeId: ctx.assigneeId ?? ctx.actorId,
    appointmentId: appointment.id,
    notes: 'Missed appointment: get back in touch and offer to rebook. Nothing is closed for non-attendance.',
    status: 'open',
    createdBy: ctx.actorId,
    createdAt: ctx.at,
    updatedAt: ctx.at,
  };
}

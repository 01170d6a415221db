/**
 * The appointment lifecycle. Only a booked appointment changes state; a missed one opens a
 * follow-up (the transition command carries the follow-up's id so the device and the server
 * create the same record) and is never a reason to close anything.
 */
import type { AppointmentStatus } from './appointment';

const transitions: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  booked: ['attended', 'missed', 'cancelled', 'rescheduled'],
  attended: [],
  missed: [],
  cancelled: [],
  rescheduled: [],
};

export function nextAppointmentStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return transitions[from];
}

export function canTransitionAppointment(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return transitions[from].includes(to);
}

/** How long after marking an appointment missed it may be undone (a shift, with room to spare). */
export const UNDO_MISSED_WINDOW_MS = 12 * 60 * 60 * 1000;

/** Can this appointment's "missed" still be undone at `now`? (Missed, and marked so within the window.) */
export function canUndoMissed(appointment: { readonly status: AppointmentStatus; readonly history: readonly { readonly status: string; readonly at: string }[] }, now: Date): boolean {
  const marked = appointment.history.at(-1);
  if (appointment.status !== 'missed' || marked?.status !== 'missed') return false;
  return now.getTime() - Date.parse(marked.at) <= UNDO_MISSED_WINDOW_MS;
}

/** Still booked and in the past: it should be marked attended or missed. */
export function isOverdue(status: AppointmentStatus, at: string, now: Date): boolean {
  return status === 'booked' && new Date(at).getTime() < now.getTime();
}

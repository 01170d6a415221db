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

/** Still booked and in the past: it should be marked attended or missed. */
export function isOverdue(status: AppointmentStatus, at: string, now: Date): boolean {
  return status === 'booked' && new Date(at).getTime() < now.getTime();
}

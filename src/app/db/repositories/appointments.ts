/**
 * Appointments on the device. Booked in encounters (`appointment.book`); moved with
 * `appointment.transition`. Marking one missed opens a follow-up: this repository picks
 * the follow-up's id, so the device's copy (written in the same transaction, see
 * pending-overlay.ts) and the server's are the same record. Nothing is closed for
 * non-attendance.
 */
import type { AppointmentRecord, AppointmentStatus } from '../../../shared/domain/appointment';
import { canTransitionAppointment, canUndoMissed } from '../../../shared/domain/appointment-status';
import { uuidv7 } from '../../../shared/ids';
import type { CommandArgs } from '../../../shared/sync/commands';
import { createRecordReader } from './record-reader';
import { nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export type AppointmentMove = Exclude<AppointmentStatus, 'booked'>;

export interface AppointmentsRepository {
  /** One appointment by id, or undefined if it is not on the device. */
  get(id: string): Promise<AppointmentRecord | undefined>;
  /** A client's appointments, soonest first. */
  forClient(clientId: string): Promise<AppointmentRecord[]>;
  /** Booked appointments from `now` on (default: the current time), soonest first. */
  upcoming(now?: Date): Promise<AppointmentRecord[]>;
  /**
   * Moves an appointment (queued as `appointment.transition`). 'missed' also opens the
   * follow-up, in the same transaction, for `followUpAssigneeId` (the key worker) or the
   * worker; 'rescheduled' needs `rescheduledTo` (the new appointment's id). Throws if the
   * move is not allowed.
   */
  transition(id: string, to: AppointmentMove, options?: { rescheduledTo?: string; followUpAssigneeId?: string }): Promise<AppointmentRecord>;
  /** Takes back "missed" within the shift (queued as `appointment.undoMissed`). Throws if too late. */
  undoMissed(id: string): Promise<AppointmentRecord>;
  /** Books an appointment outside an encounter (queued as `appointment.book`). */
  book(args: CommandArgs<'appointment.book'>): Promise<AppointmentRecord>;
}

const soonestFirst = (a: AppointmentRecord, b: AppointmentRecord): number =>
  new Date(a.at).getTime() - new Date(b.at).getTime() || a.id.localeCompare(b.id);

export function createAppointmentsRepository(deps: RepositoryDeps): AppointmentsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'appointments', deps.onUnreadable);
  return {
    get: (id) => reader.get(id),
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(soonestFirst);
    },
    async upcoming(now = new Date((deps.now ?? Date.now)())) {
      const booked = await reader.listByIndex('status', 'booked');
      return booked.filter((a) => new Date(a.at).getTime() >= now.getTime()).sort(soonestFirst);
    },
    async transition(id, to, options = {}) {
      const current = await reader.get(id);
      if (current === undefined) throw new Error(`appointment ${id} is not on this device`);
      if (!canTransitionAppointment(current.status, to)) throw new Error(`a ${current.status} appointment cannot become ${to}`);
      const followUpId = to === 'missed' ? uuidv7((deps.now ?? Date.now)()) : undefined;
      const args = { id, to, at: nowIso(deps), ...(followUpId === undefined ? {} : { followUpId }), ...options };
      return (await writeCommand(deps, { name: 'appointment.transition', args })) as AppointmentRecord;
    },
    async undoMissed(id) {
      const current = await reader.get(id);
      if (current === undefined || !canUndoMissed(current, new Date((deps.now ?? Date.now)()))) throw new Error('only an appointment marked missed in the last 12 hours can be booked again');
      return (await writeCommand(deps, { name: 'appointment.undoMissed', args: { id, at: nowIso(deps) } })) as AppointmentRecord;
    },
    async book(args) {
      return (await writeCommand(deps, { name: 'appointment.book', args })) as AppointmentRecord;
    },
  };
}

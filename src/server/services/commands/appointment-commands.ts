/**
 * `appointment.book` and `appointment.transition`. Only a booked appointment changes state
 * (shared/domain/appointment-status.ts). Marking one missed opens a follow-up IN THE SAME
 * TRANSACTION, built by the same pure function the device uses (missed-appointment.ts)
 * from the id the device chose, so both hold the same record; if that follow-up id is
 * taken the whole command is refused and nothing is written. Nobody is closed for missing.
 */
import type { AppointmentRecord } from '../../../shared/domain/appointment';
import { appointmentArgsSchema, appointmentRecordSchema } from '../../../shared/domain/appointment';
import { canTransitionAppointment, canUndoMissed } from '../../../shared/domain/appointment-status';
import { followUpRecordSchema } from '../../../shared/domain/follow-up';
import { followUpForMissedAppointment } from '../../../shared/domain/missed-appointment';
import { referralRecordSchema } from '../../../shared/domain/referral';
import { appointmentTransitionArgsSchema, appointmentUndoMissedArgsSchema } from '../../../shared/sync/commands';
import { listTeamRecordsMentioning, putRecord } from '../../storage/records-store';
import type { CommandContext, CommandOutcome, WrittenRecord } from './command';
import { defineCommand, rejected } from './command';
import { invalidArgsMessage } from './invalid-args-message';
import { agencyProblem, clientProblem, colleagueProblem, eventTime, firstProblem, invalidTransition, statusChange } from './lifecycle';
import { loadTeamRecord, newIdProblem, ownership } from './ownership';

const LIFECYCLE_FIELDS = ['status', 'updatedAt', 'history'];
/** Every field of the follow-up a missed appointment opens (for the policy check). */
export const MISSED_FOLLOW_UP_FIELDS = Object.keys(followUpRecordSchema.shape);

async function referralProblem(ctx: CommandContext, referralId: string | null | undefined, clientId: string): Promise<CommandOutcome | null> {
  if (referralId === null || referralId === undefined) return null;
  const referral = await loadTeamRecord(ctx, 'referrals', referralId, referralRecordSchema);
  return referral?.clientId === clientId ? null : rejected('not_found', 'the referral was not found for this client');
}

async function saveAppointment(ctx: CommandContext, record: AppointmentRecord): Promise<CommandOutcome> {
  const parsed = appointmentRecordSchema.safeParse(record);
  if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(appointmentRecordSchema, parsed.error.issues));
  await putRecord(ctx.trx, { collection: 'appointments', id: record.id, teamId: ctx.user.teamId, data: parsed.data });
  return { ok: true, writes: [{ collection: 'appointments', id: record.id }] };
}

export const appointmentBook = defineCommand({
  schema: appointmentArgsSchema,
  collection: 'appointments',
  writtenFields: (args) => [...Object.keys(args), ...LIFECYCLE_FIELDS],
  async apply(ctx, args) {
    const problem = await firstProblem([
      () => newIdProblem(ctx, 'appointments', args.id),
      () => clientProblem(ctx, args.clientId),
      () => agencyProblem(ctx, args.agencyId),
      () => referralProblem(ctx, args.referralId, args.clientId),
      () => colleagueProblem(ctx, args.accompaniedBy, 'companion'),
    ]);
    if (problem !== null) return problem;
    const history = [statusChange(ctx, 'booked', ctx.now)];
    return saveAppointment(ctx, { ...args, ...ownership(ctx), status: 'booked', updatedAt: ctx.now, history });
  },
});

type TransitionArgs = ReturnType<typeof appointmentTransitionArgsSchema.parse>;

/** Checks that depend on where the appointment goes: the new one, or the follow-up id. */
async function targetProblem(ctx: CommandContext, appointment: AppointmentRecord, args: TransitionArgs): Promise<CommandOutcome | null> {
  if (args.to !== 'missed' && args.followUpId !== undefined) return rejected('invalid_args', 'followUpId goes only with a missed appointment');
  if (args.to !== 'rescheduled' && args.rescheduledTo !== undefined) return rejected('invalid_args', 'rescheduledTo goes only with a rescheduled appointment');
  if (args.to !== 'missed' && args.followUpAssigneeId !== undefined) return rejected('invalid_args', 'followUpAssigneeId goes only with a missed appointment');
  const assignee = await colleagueProblem(ctx, args.followUpAssigneeId, 'follow-up assignee');
  if (assignee !== null) return assignee;
  if (args.to === 'missed' && args.followUpId !== undefined) {
    const taken = await newIdProblem(ctx, 'followUps', args.followUpId, 'followUpId');
    if (taken !== null) return taken;
  }
  if (args.to === 'rescheduled' && args.rescheduledTo !== undefined) {
    const next = args.rescheduledTo === appointment.id ? undefined : await loadTeamRecord(ctx, 'appointments', args.rescheduledTo, appointmentRecordSchema);
    if (next?.clientId !== appointment.clientId) return rejected('not_found', 'book the new appointment for this client first, then reschedule');
  }
  return null;
}

export const appointmentTransition = defineCommand({
  schema: appointmentTransitionArgsSchema,
  collection: 'appointments',
  writtenFields: (args) => ['id', ...LIFECYCLE_FIELDS, ...(args.rescheduledTo !== undefined ? ['rescheduledTo'] : [])],
  alsoWrites: (args) => (args.to === 'missed' ? [{ collection: 'followUps', fields: MISSED_FOLLOW_UP_FIELDS }] : []),
  async apply(ctx, args) {
    const appointment = await loadTeamRecord(ctx, 'appointments', args.id, appointmentRecordSchema);
    if (appointment === undefined) return rejected('not_found', 'this appointment was not found');
    if (!canTransitionAppointment(appointment.status, args.to)) return invalidTransition('an appointment', appointment.status, args.to);
    const problem = await targetProblem(ctx, appointment, args);
    if (problem !== null) return problem;
    const at = eventTime(ctx, args.at);
    const moved: AppointmentRecord = {
      ...appointment,
      status: args.to,
      ...(args.rescheduledTo !== undefined ? { rescheduledTo: args.rescheduledTo } : {}),
      updatedAt: ctx.now,
      history: [...appointment.history, statusChange(ctx, args.to, at)],
    };
    const followUp = args.followUpId === undefined ? null : followUpForMissedAppointment(moved, { followUpId: args.followUpId, at, actorId: ctx.user.id, assigneeId: args.followUpAssigneeId });
    const parsedFollowUp = followUp === null ? null : followUpRecordSchema.safeParse(followUp);
    if (parsedFollowUp?.success === false) return rejected('invalid_args', invalidArgsMessage(followUpRecordSchema, parsedFollowUp.error.issues));
    const saved = await saveAppointment(ctx, moved);
    if (!saved.ok || parsedFollowUp === null) return saved;
    await putRecord(ctx.trx, { collection: 'followUps', id: parsedFollowUp.data.id, teamId: ctx.user.teamId, data: parsedFollowUp.data });
    const writes: WrittenRecord[] = [...saved.writes, { collection: 'followUps', id: parsedFollowUp.data.id }];
    return { ok: true, writes };
  },
});

/**
 * `appointment.undoMissed`: "missed" pressed by mistake is taken back within the shift
 * (UNDO_MISSED_WINDOW_MS after it was marked, by the server's clock). The appointment is
 * booked again and the follow-up it opened is closed as done, in one transaction; the
 * history keeps both changes.
 */
export const appointmentUndoMissed = defineCommand({
  schema: appointmentUndoMissedArgsSchema,
  collection: 'appointments',
  writtenFields: () => ['id', ...LIFECYCLE_FIELDS],
  alsoWrites: () => [{ collection: 'followUps', fields: ['id', 'status', 'completedBy', 'completedAt', 'updatedAt'] }],
  async apply(ctx, args) {
    const appointment = await loadTeamRecord(ctx, 'appointments', args.id, appointmentRecordSchema);
    if (appointment === undefined) return rejected('not_found', 'this appointment was not found');
    if (!canUndoMissed(appointment, new Date(ctx.now))) return rejected('invalid_transition', 'only an appointment marked missed in the last 12 hours can be booked again');
    const booked: AppointmentRecord = { ...appointment, status: 'booked', updatedAt: ctx.now, history: [...appointment.history, statusChange(ctx, 'booked', eventTime(ctx, args.at))] };
    const saved = await saveAppointment(ctx, booked);
    if (!saved.ok) return saved;
    const writes: WrittenRecord[] = [...saved.writes];
    for (const row of await listTeamRecordsMentioning(ctx.trx, ctx.user.teamId, 'followUps', appointment.id)) {
      const followUp = followUpRecordSchema.safeParse(row.data);
      if (!followUp.success || followUp.data.appointmentId !== appointment.id || followUp.data.status !== 'open') continue;
      const done = { ...followUp.data, status: 'done' as const, completedBy: ctx.user.id, completedAt: ctx.now, updatedAt: ctx.now };
      await putRecord(ctx.trx, { collection: 'followUps', id: done.id, teamId: ctx.user.teamId, data: done });
      writes.push({ collection: 'followUps', id: done.id });
    }
    return { ok: true, writes };
  },
});

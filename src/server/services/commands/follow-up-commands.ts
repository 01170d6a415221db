/**
 * `followUp.create` and `followUp.complete`. A follow-up is a task for the team about a
 * person (a check-in, chasing a referral, getting back in touch after a missed
 * appointment); it is done, never "discharged". Open → done is the only move, once.
 */
import type { FollowUpRecord } from '../../../shared/domain/follow-up';
import { followUpArgsSchema, followUpRecordSchema } from '../../../shared/domain/follow-up';
import { appointmentRecordSchema } from '../../../shared/domain/appointment';
import { followUpCompleteArgsSchema, followUpReassignArgsSchema } from '../../../shared/sync/commands';
import { putRecord } from '../../storage/records-store';
import type { CommandContext, CommandOutcome } from './command';
import { defineCommand, rejected } from './command';
import { invalidArgsMessage } from './invalid-args-message';
import { clientProblem, colleagueProblem, eventTime, firstProblem, invalidTransition } from './lifecycle';
import { loadTeamRecord, newIdProblem, ownership } from './ownership';

async function appointmentProblem(ctx: CommandContext, appointmentId: string | null | undefined, clientId: string): Promise<CommandOutcome | null> {
  if (appointmentId === null || appointmentId === undefined) return null;
  const appointment = await loadTeamRecord(ctx, 'appointments', appointmentId, appointmentRecordSchema);
  return appointment?.clientId === clientId ? null : rejected('not_found', 'the appointment was not found for this client');
}

async function saveFollowUp(ctx: CommandContext, record: FollowUpRecord): Promise<CommandOutcome> {
  const parsed = followUpRecordSchema.safeParse(record);
  if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(followUpRecordSchema, parsed.error.issues));
  await putRecord(ctx.trx, { collection: 'followUps', id: record.id, teamId: ctx.user.teamId, data: parsed.data });
  return { ok: true, writes: [{ collection: 'followUps', id: record.id }] };
}

export const followUpCreate = defineCommand({
  schema: followUpArgsSchema,
  collection: 'followUps',
  writtenFields: (args) => [...Object.keys(args), 'status', 'updatedAt'],
  async apply(ctx, args) {
    const problem = await firstProblem([
      () => newIdProblem(ctx, 'followUps', args.id),
      () => clientProblem(ctx, args.clientId),
      () => colleagueProblem(ctx, args.assigneeId, 'assignee'),
      () => appointmentProblem(ctx, args.appointmentId, args.clientId),
    ]);
    if (problem !== null) return problem;
    return saveFollowUp(ctx, { ...args, ...ownership(ctx), status: 'open', updatedAt: ctx.now });
  },
});

export const followUpComplete = defineCommand({
  schema: followUpCompleteArgsSchema,
  collection: 'followUps',
  writtenFields: () => ['id', 'status', 'completedBy', 'completedAt', 'updatedAt'],
  async apply(ctx, args) {
    const followUp = await loadTeamRecord(ctx, 'followUps', args.id, followUpRecordSchema);
    if (followUp === undefined) return rejected('not_found', 'this follow-up was not found');
    if (followUp.status !== 'open') return invalidTransition('a follow-up', followUp.status, 'done');
    return saveFollowUp(ctx, { ...followUp, status: 'done', completedBy: ctx.user.id, completedAt: eventTime(ctx, args.at), updatedAt: ctx.now });
  },
});

/** `followUp.reassign`: a team lead gives an open follow-up to an active colleague (or to nobody). */
export const followUpReassign = defineCommand({
  schema: followUpReassignArgsSchema,
  collection: 'followUps',
  writtenFields: () => ['id', 'assigneeId', 'updatedAt'],
  async apply(ctx, args) {
    const followUp = await loadTeamRecord(ctx, 'followUps', args.id, followUpRecordSchema);
    if (followUp === undefined) return rejected('not_found', 'this follow-up was not found');
    if (followUp.status !== 'open') return rejected('invalid_transition', 'a follow-up that is done is not reassigned');
    const colleague = await colleagueProblem(ctx, args.assigneeId, 'assignee');
    if (colleague !== null) return colleague;
    return saveFollowUp(ctx, { ...followUp, assigneeId: args.assigneeId, updatedAt: ctx.now });
  },
});

/**
 * `referral.create` and `referral.transition`. A referral shares a person's story with an
 * agency, so it is only accepted against a recorded consent to share that still stands
 * (consent-to-share.ts). Its status then moves only
 * along the state machine in shared/domain/referral-status.ts, each move appended to the
 * record's history. Every check runs before the single write (see command.ts).
 */
import type { ReferralRecord } from '../../../shared/domain/referral';
import { referralRecordSchema } from '../../../shared/domain/referral';
import { canTransitionReferral } from '../../../shared/domain/referral-status';
import { referralCreateArgsSchema, referralTransitionArgsSchema } from '../../../shared/sync/commands';
import { putRecord } from '../../storage/records-store';
import type { CommandContext, CommandOutcome } from './command';
import { defineCommand, rejected } from './command';
import { invalidArgsMessage } from './invalid-args-message';
import { consentToShareProblem } from './consent-to-share';
import { agencyProblem, clientProblem, eventTime, firstProblem, invalidTransition, statusChange } from './lifecycle';
import { loadTeamRecord, newIdProblem, ownership } from './ownership';

const LIFECYCLE_FIELDS = ['status', 'updatedAt', 'history'];

async function saveReferral(ctx: CommandContext, record: ReferralRecord): Promise<CommandOutcome> {
  const parsed = referralRecordSchema.safeParse(record);
  if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(referralRecordSchema, parsed.error.issues));
  await putRecord(ctx.trx, { collection: 'referrals', id: record.id, teamId: ctx.user.teamId, data: parsed.data });
  return { ok: true, writes: [{ collection: 'referrals', id: record.id }] };
}

export const referralCreate = defineCommand({
  schema: referralCreateArgsSchema,
  collection: 'referrals',
  writtenFields: (args) => [...Object.keys(args), ...LIFECYCLE_FIELDS],
  async apply(ctx, args) {
    const problem = await firstProblem([
      () => newIdProblem(ctx, 'referrals', args.id),
      () => clientProblem(ctx, args.clientId),
      () => agencyProblem(ctx, args.agencyId),
      () => consentToShareProblem(ctx, args.consentId, args.clientId, args.agencyId),
    ]);
    if (problem !== null) return problem;
    const history = [statusChange(ctx, args.status, ctx.now)];
    return saveReferral(ctx, { ...args, ...ownership(ctx), updatedAt: ctx.now, history });
  },
});

export const referralTransition = defineCommand({
  schema: referralTransitionArgsSchema,
  collection: 'referrals',
  writtenFields: () => ['id', ...LIFECYCLE_FIELDS],
  async apply(ctx, args) {
    const referral = await loadTeamRecord(ctx, 'referrals', args.id, referralRecordSchema);
    if (referral === undefined) return rejected('not_found', 'this referral was not found');
    if (!canTransitionReferral(referral.status, args.to)) return invalidTransition('a referral', referral.status, args.to);
    const history = [...referral.history, statusChange(ctx, args.to, eventTime(ctx, args.at))];
    return saveReferral(ctx, { ...referral, status: args.to, updatedAt: ctx.now, history });
  },
});

/**
 * `nrm.refer`, `nrm.record`, `observation.record` and `dutyToNotify.record`: the legal
 * pathway for someone who may have been trafficked. Lantern records it; the worker and the
 * person decide.
 *
 * An adult's referral rests on their NRM consent, given after the whole explanation and not
 * taken back since; a child's (the client may be under 18) needs none. Each wait for a
 * decision opens a follow-up, due when the decision is late (nrm-status.ts), and the
 * decision, when it comes, closes it. A Duty to Notify names nobody.
 */
import { consentRecordSchema, nrmExplainedInFull, type ConsentRecord } from '../../../shared/domain/consent';
import { clientRecordSchema } from '../../../shared/domain/client';
import { dutyToNotifyArgsSchema } from '../../../shared/domain/duty-to-notify';
import { followUpRecordSchema, type FollowUpRecord } from '../../../shared/domain/follow-up';
import { nrmReferArgsSchema, nrmReferralRecordSchema, type NrmReferralRecord } from '../../../shared/domain/nrm';
import { awaitedDecision, followUpForNrmWait, newNrmReferral, recordNrmStep } from '../../../shared/domain/nrm-status';
import { observationArgsSchema } from '../../../shared/domain/observation';
import { nrmRecordArgsSchema } from '../../../shared/sync/commands';
import { listTeamRecordsMentioning, putRecord } from '../../storage/records-store';
import type { CommandContext, CommandOutcome, WrittenRecord } from './command';
import { defineCommand, rejected } from './command';
import { appendCommand } from './append-commands';
import { invalidArgsMessage } from './invalid-args-message';
import { clientProblem, eventTime, firstProblem, invalidTransition } from './lifecycle';
import { loadTeamRecord, newIdProblem } from './ownership';

export const observationRecord = appendCommand(observationArgsSchema, 'observations');
export const dutyToNotifyRecord = appendCommand(dutyToNotifyArgsSchema, 'dutyToNotify');

const FOLLOW_UP_FIELDS = Object.keys(followUpRecordSchema.shape);
const LIFECYCLE_FIELDS = ['status', 'decisions', 'updatedAt', 'history'];

async function nrmConsents(ctx: CommandContext, clientId: string): Promise<ConsentRecord[]> {
  const rows = await listTeamRecordsMentioning(ctx.trx, ctx.user.teamId, 'consents', clientId);
  return rows.flatMap((row) => {
    const parsed = consentRecordSchema.safeParse(row.data);
    return parsed.success && parsed.data.clientId === clientId && parsed.data.kind === 'nrm' ? [parsed.data] : [];
  });
}

/** The route's condition: an adult's standing NRM consent, or a client who may be under 18. */
async function routeProblem(ctx: CommandContext, clientId: string, route: 'adult' | 'child', consentId: string | null): Promise<CommandOutcome | null> {
  if (route === 'child') {
    if (consentId !== null) return rejected('invalid_args', 'consentId: the child route needs no consent; send null');
    const client = await loadTeamRecord(ctx, 'clients', clientId, clientRecordSchema);
    return client?.mayBeUnder18 === true ? null : rejected('forbidden', 'the child route is for someone recorded as maybe under 18');
  }
  const refuse = (why: string) => rejected('forbidden', `no NRM consent: ${why}`);
  if (consentId === null) return refuse('an adult is referred only with their consent');
  const consent = await loadTeamRecord(ctx, 'consents', consentId, consentRecordSchema);
  if (consent?.clientId !== clientId || consent.kind !== 'nrm' || consent.decision !== 'given') return refuse('record their NRM consent first');
  if (!nrmExplainedInFull(consent.explanationGiven)) return refuse('the explanation was not given in full');
  const since = await nrmConsents(ctx, clientId);
  const takenBack = since.some((e) => e.id !== consent.id && e.decision !== 'given' && Date.parse(e.decidedAt) >= Date.parse(consent.decidedAt));
  return takenBack ? refuse('the person has since withdrawn or declined it') : null;
}

async function saveReferral(ctx: CommandContext, record: NrmReferralRecord): Promise<CommandOutcome> {
  const parsed = nrmReferralRecordSchema.safeParse(record);
  if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(nrmReferralRecordSchema, parsed.error.issues));
  await putRecord(ctx.trx, { collection: 'nrmReferrals', id: record.id, teamId: ctx.user.teamId, data: parsed.data });
  return { ok: true, writes: [{ collection: 'nrmReferrals', id: record.id }] };
}

/** Writes the follow-up a wait opens (if the status awaits a decision), after the referral. */
async function openWait(ctx: CommandContext, referral: NrmReferralRecord, followUpId: string | undefined, since: string, saved: CommandOutcome): Promise<CommandOutcome> {
  if (!saved.ok || followUpId === undefined) return saved;
  const followUp = followUpForNrmWait(referral, { followUpId, since, at: ctx.now, actorId: ctx.user.id });
  if (followUp === null) return saved;
  await putRecord(ctx.trx, { collection: 'followUps', id: followUp.id, teamId: ctx.user.teamId, data: followUpRecordSchema.parse(followUp) });
  return { ok: true, writes: [...saved.writes, { collection: 'followUps', id: followUp.id }] };
}

export const nrmRefer = defineCommand({
  schema: nrmReferArgsSchema,
  collection: 'nrmReferrals',
  writtenFields: (args) => [...Object.keys(args).filter((f) => f !== 'followUpId'), ...LIFECYCLE_FIELDS],
  alsoWrites: () => [{ collection: 'followUps', fields: FOLLOW_UP_FIELDS }],
  async apply(ctx, args) {
    const problem = await firstProblem([
      () => newIdProblem(ctx, 'nrmReferrals', args.id),
      () => newIdProblem(ctx, 'followUps', args.followUpId, 'followUpId'),
      () => clientProblem(ctx, args.clientId),
      () => routeProblem(ctx, args.clientId, args.route, args.consentId),
    ]);
    if (problem !== null) return problem;
    const referral = newNrmReferral(args, { teamId: ctx.user.teamId, by: ctx.user.id, at: ctx.now });
    return openWait(ctx, referral, args.followUpId, args.referredOn, await saveReferral(ctx, referral));
  },
});

/** Closes the open follow-ups that chased this referral's decision: it has come. */
async function closeWaits(ctx: CommandContext, referralId: string): Promise<WrittenRecord[]> {
  const writes: WrittenRecord[] = [];
  for (const row of await listTeamRecordsMentioning(ctx.trx, ctx.user.teamId, 'followUps', referralId)) {
    const parsed = followUpRecordSchema.safeParse(row.data);
    if (!parsed.success || parsed.data.nrmReferralId !== referralId || parsed.data.status !== 'open') continue;
    const done: FollowUpRecord = { ...parsed.data, status: 'done', completedBy: ctx.user.id, completedAt: ctx.now, updatedAt: ctx.now };
    await putRecord(ctx.trx, { collection: 'followUps', id: done.id, teamId: ctx.user.teamId, data: done });
    writes.push({ collection: 'followUps', id: done.id });
  }
  return writes;
}

export const nrmRecord = defineCommand({
  schema: nrmRecordArgsSchema,
  collection: 'nrmReferrals',
  writtenFields: () => ['id', ...LIFECYCLE_FIELDS],
  alsoWrites: () => [{ collection: 'followUps', fields: FOLLOW_UP_FIELDS }],
  async apply(ctx, args) {
    const referral = await loadTeamRecord(ctx, 'nrmReferrals', args.id, nrmReferralRecordSchema);
    if (referral === undefined) return rejected('not_found', 'this NRM referral was not found');
    const next = recordNrmStep(referral, args, ctx.user.id, eventTime(ctx, args.at));
    if (next === null) return invalidTransition('an NRM referral', referral.status, args.to);
    const waits = awaitedDecision(args.to) !== null;
    if (waits && args.followUpId === undefined) return rejected('invalid_args', 'followUpId: a new wait for a decision opens a follow-up');
    if (!waits && args.followUpId !== undefined) return rejected('invalid_args', 'followUpId goes only with a move that waits for a decision');
    if (args.followUpId !== undefined) {
      const taken = await newIdProblem(ctx, 'followUps', args.followUpId, 'followUpId');
      if (taken !== null) return taken;
    }
    const closed = await closeWaits(ctx, referral.id);
    const saved = await saveReferral(ctx, { ...next, updatedAt: ctx.now });
    const opened = await openWait(ctx, next, args.followUpId, args.on, saved);
    return opened.ok ? { ok: true, writes: [...opened.writes, ...closed] } : opened;
  },
});

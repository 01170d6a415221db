/**
 * `client.create` and `client.update`: the client profile is a mutable entity merged field
 * by field (shared/merge.ts). A concurrent overwrite is never dropped silently: each
 * conflict becomes a `reviewItems` record in the same transaction as the merged profile.
 */
import { clientProfileFields, clientRecordSchema } from '../../../shared/domain/client';
import type { ReviewItemRecord } from '../../../shared/domain/review-item';
import { reviewItemRecordSchema } from '../../../shared/domain/review-item';
import { uuidv7 } from '../../../shared/ids';
import type { FieldConflict } from '../../../shared/merge';
import { jsonEqual, mergeEntity } from '../../../shared/merge';
import { clientCreateArgsSchema, clientUpdateArgsSchema, reviewItemResolveArgsSchema } from '../../../shared/sync/commands';
import { putRecord } from '../../storage/records-store';
import type { CommandContext } from './command';
import { defineCommand, rejected } from './command';
import { invalidArgsMessage } from './invalid-args-message';
import { findTeamRecord, loadTeamRecord, newIdProblem, ownership } from './ownership';

/** Record fields that are not part of the profile and never merged. */
const META_FIELDS = ['id', 'teamId', 'createdBy', 'createdAt', 'updatedAt', 'clocks'] as const;

export const clientCreate = defineCommand({
  schema: clientCreateArgsSchema,
  collection: 'clients',
  writtenFields: (args) => ['id', ...Object.keys(args.profile)],
  async apply(ctx, args) {
    const taken = await newIdProblem(ctx, 'clients', args.id);
    if (taken !== null) return taken;
    const clocks = Object.fromEntries(Object.keys(args.profile).map((field) => [field, ctx.hlc]));
    const record = { ...args.profile, id: args.id, ...ownership(ctx), updatedAt: ctx.now, clocks };
    const parsed = clientRecordSchema.safeParse(record);
    if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(clientRecordSchema, parsed.error.issues));
    await putRecord(ctx.trx, { collection: 'clients', id: args.id, teamId: ctx.user.teamId, data: parsed.data });
    return { ok: true, writes: [{ collection: 'clients', id: args.id }] };
  },
});

function splitRecord(data: Readonly<Record<string, unknown>>): { meta: Record<string, unknown>; values: Record<string, unknown>; clocks: Record<string, string> } {
  const meta: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if ((META_FIELDS as readonly string[]).includes(k)) meta[k] = v;
    else values[k] = v;
  }
  const clocks = clientRecordSchema.shape.clocks.safeParse(data.clocks);
  return { meta, values, clocks: clocks.success ? clocks.data : {} };
}

function reviewItem(ctx: CommandContext, recordId: string, conflict: FieldConflict): ReviewItemRecord {
  return {
    id: uuidv7(Date.parse(ctx.now)),
    teamId: ctx.user.teamId,
    collection: 'clients',
    recordId,
    field: conflict.field,
    losingValue: conflict.losing.value,
    losingHlc: conflict.losing.hlc,
    winningValue: conflict.winning.value,
    winningHlc: conflict.winning.hlc,
    status: 'open',
    createdAt: ctx.now,
  };
}

export const clientUpdate = defineCommand({
  schema: clientUpdateArgsSchema,
  collection: 'clients',
  writtenFields: (args) => Object.keys(args.set),
  async apply(ctx, args) {
    const stored = await findTeamRecord(ctx, 'clients', args.id);
    if (stored?.data == null) return rejected('not_found', 'this client was not found');
    const { meta, values, clocks } = splitRecord(stored.data);
    const merged = mergeEntity(values, clocks, args.set, ctx.hlc, args.seen);
    const changed = !jsonEqual(merged.values, values) || !jsonEqual(merged.clocks, clocks);
    // A write that lost the merge left the record as it was, but its author's device shows
    // the losing value: the record is stored again (a new seq) so that device pulls the
    // winner. The loser itself is in the review queue.
    const authorSeesOtherwise = Object.entries(args.set).some(([field, value]) => !jsonEqual(merged.values[field], value));
    const record = { ...meta, ...merged.values, updatedAt: ctx.now, clocks: merged.clocks };
    const parsed = clientRecordSchema.safeParse(record);
    if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(clientRecordSchema, parsed.error.issues));
    const writes: { collection: 'clients' | 'reviewItems'; id: string }[] = [];
    if (changed || authorSeesOtherwise) {
      await putRecord(ctx.trx, { collection: 'clients', id: args.id, teamId: ctx.user.teamId, data: parsed.data });
      writes.push({ collection: 'clients', id: args.id });
    }
    for (const conflict of merged.conflicts) {
      const item = reviewItem(ctx, args.id, conflict);
      await putRecord(ctx.trx, { collection: 'reviewItems', id: item.id, teamId: ctx.user.teamId, data: item });
      writes.push({ collection: 'reviewItems', id: item.id });
    }
    return { ok: true, writes };
  },
});

/**
 * `reviewItem.resolve`: a team lead settles a concurrent overwrite. Keeping the other value
 * or a merged one writes that field of the client as seen at its current clock (so it wins
 * without a new conflict) in the same transaction as the resolved item; the client record
 * then reaches every device by the usual pull. An item is resolved once.
 */
export const reviewItemResolve = defineCommand({
  schema: reviewItemResolveArgsSchema,
  collection: 'reviewItems',
  writtenFields: () => ['id', 'status', 'kept', 'resolvedBy', 'resolvedAt'],
  alsoWrites: (args) => (args.keep === 'current' ? [] : [{ collection: 'clients', fields: [...clientProfileFields] }]),
  async apply(ctx, args) {
    const item = await loadTeamRecord(ctx, 'reviewItems', args.id, reviewItemRecordSchema);
    if (item === undefined) return rejected('not_found', 'this review item was not found');
    if (item.status !== 'open') return rejected('invalid_transition', 'this review item was already resolved');
    const writes: { collection: 'clients' | 'reviewItems'; id: string }[] = [];
    if (args.keep !== 'current') {
      const stored = await findTeamRecord(ctx, 'clients', item.recordId);
      if (stored?.data == null) return rejected('not_found', 'the client of this review item was not found');
      const { meta, values, clocks } = splitRecord(stored.data);
      const value = args.keep === 'other' ? item.losingValue : args.value;
      const merged = mergeEntity(values, clocks, { [item.field]: value }, ctx.hlc, { [item.field]: clocks[item.field] ?? null });
      const parsed = clientRecordSchema.safeParse({ ...meta, ...merged.values, updatedAt: ctx.now, clocks: merged.clocks });
      if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(clientRecordSchema, parsed.error.issues));
      await putRecord(ctx.trx, { collection: 'clients', id: item.recordId, teamId: ctx.user.teamId, data: parsed.data });
      writes.push({ collection: 'clients', id: item.recordId });
    }
    const resolved: ReviewItemRecord = { ...item, status: 'resolved', kept: args.keep, resolvedBy: ctx.user.id, resolvedAt: ctx.now };
    await putRecord(ctx.trx, { collection: 'reviewItems', id: item.id, teamId: ctx.user.teamId, data: resolved });
    writes.push({ collection: 'reviewItems', id: item.id });
    return { ok: true, writes };
  },
});

/**
 * The team's agency directory, kept by its team leads: `agency.create`, `agency.update`
 * (merged field by field like a client's profile, entity-merge.ts) and `agency.archive`.
 * An archived agency stays, for the referrals and appointments that name it, but is no
 * longer offered; archiving is the lead's decision, so it settles the field without a
 * review item. An agency a lead adds is never an example.
 */
import { agencyRecordSchema } from '../../../shared/domain/agency';
import { agencyArchiveArgsSchema, agencyCreateArgsSchema, agencyUpdateArgsSchema } from '../../../shared/sync/commands';
import { putRecord } from '../../storage/records-store';
import { defineCommand, rejected } from './command';
import { mergeIntoRecord } from './entity-merge';
import { invalidArgsMessage } from './invalid-args-message';
import { newIdProblem, ownership } from './ownership';

export const agencyCreate = defineCommand({
  schema: agencyCreateArgsSchema,
  collection: 'agencies',
  writtenFields: (args) => ['id', 'isExample', ...Object.keys(args.profile)],
  async apply(ctx, args) {
    const taken = await newIdProblem(ctx, 'agencies', args.id);
    if (taken !== null) return taken;
    const clocks = Object.fromEntries(Object.keys(args.profile).map((field) => [field, ctx.hlc]));
    const parsed = agencyRecordSchema.safeParse({ ...args.profile, isExample: false, id: args.id, ...ownership(ctx), updatedAt: ctx.now, clocks });
    if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(agencyRecordSchema, parsed.error.issues));
    await putRecord(ctx.trx, { collection: 'agencies', id: args.id, teamId: ctx.user.teamId, data: parsed.data });
    return { ok: true, writes: [{ collection: 'agencies', id: args.id }] };
  },
});

export const agencyUpdate = defineCommand({
  schema: agencyUpdateArgsSchema,
  collection: 'agencies',
  writtenFields: (args) => Object.keys(args.set),
  apply: (ctx, args) => mergeIntoRecord(ctx, { collection: 'agencies', schema: agencyRecordSchema, id: args.id, set: args.set, seen: args.seen }),
});

export const agencyArchive = defineCommand({
  schema: agencyArchiveArgsSchema,
  collection: 'agencies',
  writtenFields: () => ['archived'],
  apply: (ctx, args) => mergeIntoRecord(ctx, { collection: 'agencies', schema: agencyRecordSchema, id: args.id, set: { archived: args.archived }, seen: 'current' }),
});

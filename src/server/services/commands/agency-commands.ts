/**
 * The team's agency directory, kept by its team leads: `agency.create`, `agency.update`
 * (merged field by field like a client's profile, entity-merge.ts) and `agency.archive`.
 * An archived agency stays, for the referrals and appointments that name it, but is no
 * longer offered; archiving is the lead's decision, so it settles the field without a
 * review item. An agency a lead adds is never an example.
 */
import { agencyEditableSchema, agencyRecordSchema } from '../../../shared/domain/agency';
import { agencyArchiveArgsSchema, agencyCreateArgsSchema, agencyUpdateArgsSchema } from '../../../shared/sync/commands';
import { defineCommand } from './command';
import { entityCreator, mergeIntoRecord } from './entity-merge';

const createAgency = entityCreator({ collection: 'agencies', values: agencyEditableSchema, record: agencyRecordSchema, stamps: { isExample: false } });

export const agencyCreate = defineCommand({
  schema: agencyCreateArgsSchema,
  collection: 'agencies',
  writtenFields: (args) => ['id', 'isExample', ...Object.keys(args.profile)],
  apply: (ctx, args) => createAgency(ctx, args.id, args.profile),
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

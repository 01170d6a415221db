/**
 * `client.create` and `client.update`: the client profile is a mutable entity merged field
 * by field (entity-merge.ts); and `reviewItem.resolve`, which settles a conflict of any
 * merged entity.
 */
import type { z } from 'zod';
import { agencyEditableFields, agencyRecordSchema } from '../../../shared/domain/agency';
import { clientProfileFields, clientProfileSchema, clientRecordSchema } from '../../../shared/domain/client';
import type { ReviewItemRecord } from '../../../shared/domain/review-item';
import { reviewItemRecordSchema } from '../../../shared/domain/review-item';
import { clientCreateArgsSchema, clientUpdateArgsSchema, reviewItemResolveArgsSchema } from '../../../shared/sync/commands';
import { putRecord } from '../../storage/records-store';
import type { WrittenRecord } from './command';
import { defineCommand, rejected } from './command';
import type { MergedCollection } from './entity-merge';
import { entityCreator, mergeIntoRecord } from './entity-merge';
import { loadTeamRecord } from './ownership';

const createClient = entityCreator({ collection: 'clients', values: clientProfileSchema, record: clientRecordSchema });

export const clientCreate = defineCommand({
  schema: clientCreateArgsSchema,
  collection: 'clients',
  writtenFields: (args) => ['id', ...Object.keys(args.profile)],
  apply: (ctx, args) => createClient(ctx, args.id, args.profile),
});

export const clientUpdate = defineCommand({
  schema: clientUpdateArgsSchema,
  collection: 'clients',
  writtenFields: (args) => Object.keys(args.set),
  apply: (ctx, args) => mergeIntoRecord(ctx, { collection: 'clients', schema: clientRecordSchema, id: args.id, set: args.set, seen: args.seen }),
});

/**
 * `reviewItem.resolve`: a team lead settles a concurrent overwrite. Keeping the other value
 * or a merged one writes that field of the client as seen at its current clock (so it wins
 * without a new conflict) in the same transaction as the resolved item; the client record
 * then reaches every device by the usual pull. An item is resolved once.
 */
const mergedSchemas: Record<MergedCollection, z.ZodType<Record<string, unknown>>> = { clients: clientRecordSchema, agencies: agencyRecordSchema };
const isMergedCollection = (collection: string): collection is MergedCollection => Object.hasOwn(mergedSchemas, collection);

export const reviewItemResolve = defineCommand({
  schema: reviewItemResolveArgsSchema,
  collection: 'reviewItems',
  writtenFields: () => ['id', 'status', 'kept', 'resolvedBy', 'resolvedAt'],
  // The item names which record it is about only once read; both kinds are declared.
  alsoWrites: (args) =>
    args.keep === 'current'
      ? []
      : [
          { collection: 'clients', fields: [...clientProfileFields] },
          { collection: 'agencies', fields: [...agencyEditableFields] },
        ],
  async apply(ctx, args) {
    const item = await loadTeamRecord(ctx, 'reviewItems', args.id, reviewItemRecordSchema);
    if (item === undefined) return rejected('not_found', 'this review item was not found');
    if (item.status !== 'open') return rejected('invalid_transition', 'this review item was already resolved');
    const writes: WrittenRecord[] = [];
    if (args.keep !== 'current') {
      const collection = item.collection;
      const missing = `the ${collection === 'agencies' ? 'agency' : 'client'} of this review item was not found`;
      if (!isMergedCollection(collection)) return rejected('not_found', missing);
      const value = args.keep === 'other' ? item.losingValue : args.value;
      const merged = await mergeIntoRecord(ctx, { collection, schema: mergedSchemas[collection], id: item.recordId, set: { [item.field]: value }, seen: 'current', missing });
      if (!merged.ok) return merged;
      writes.push(...merged.writes);
    }
    const resolved: ReviewItemRecord = { ...item, status: 'resolved', kept: args.keep, resolvedBy: ctx.user.id, resolvedAt: ctx.now };
    await putRecord(ctx.trx, { collection: 'reviewItems', id: item.id, teamId: ctx.user.teamId, data: resolved });
    writes.push({ collection: 'reviewItems', id: item.id });
    return { ok: true, writes };
  },
});

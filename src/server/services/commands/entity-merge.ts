/**
 * Mutable entities (a client's profile, an agency) are patched field by field
 * (shared/merge.ts). A concurrent overwrite is never dropped silently: each conflict becomes
 * a `reviewItems` record in the same transaction as the merged record.
 */
import type { z } from 'zod';
import type { ReviewItemRecord } from '../../../shared/domain/review-item';
import { uuidv7 } from '../../../shared/ids';
import type { FieldConflict } from '../../../shared/merge';
import { jsonEqual, mergeEntity } from '../../../shared/merge';
import { putRecord } from '../../storage/records-store';
import type { CommandContext, CommandOutcome, WrittenRecord } from './command';
import { rejected } from './command';
import { invalidArgsMessage } from './invalid-args-message';
import { findTeamRecord, ownership, writeNewRecord } from './ownership';
import { assertStoredAsParsed } from './stored-as-parsed';

/** The collections whose records merge field by field. */
export type MergedCollection = 'clients' | 'agencies';

/** Record fields that are not part of the entity's values and never merged. */
const META_FIELDS: readonly string[] = ['id', 'teamId', 'createdBy', 'createdAt', 'updatedAt', 'clocks'];

const NOUN: Record<MergedCollection, string> = { clients: 'client', agencies: 'agency' };

export interface SplitRecord {
  readonly meta: Record<string, unknown>;
  readonly values: Record<string, unknown>;
  readonly clocks: Record<string, string>;
}

/** A stored entity split into its metadata, its values and their clocks. */
export function splitRecord(data: Readonly<Record<string, unknown>>): SplitRecord {
  const meta: Record<string, unknown> = {};
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (META_FIELDS.includes(k)) meta[k] = v;
    else values[k] = v;
  }
  const raw = data.clocks;
  const clocks = typeof raw === 'object' && raw !== null ? Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string')) : {};
  return { meta, values, clocks };
}

function reviewItem(ctx: CommandContext, collection: MergedCollection, recordId: string, conflict: FieldConflict): ReviewItemRecord {
  return {
    id: uuidv7(Date.parse(ctx.now)),
    teamId: ctx.user.teamId,
    collection,
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

export interface EntityCreation {
  readonly collection: MergedCollection;
  /** What parsed the values: the profile schema of the command's args. */
  readonly values: z.ZodObject;
  readonly record: z.ZodType<Record<string, unknown>>;
  /** Fields the server sets on every new entity of this kind, beyond the usual stamps. */
  readonly stamps?: Readonly<Record<string, unknown>>;
}

/**
 * How a kind of entity is created: `id` from `values` already parsed by `kind.values`,
 * each field clocked at the command's clock, with the server's stamps; an id already used
 * is refused. The record is stored as parsed (stored-as-parsed.ts, checked here once).
 */
export function entityCreator(kind: EntityCreation): (ctx: CommandContext, id: string, values: Readonly<Record<string, unknown>>) => Promise<CommandOutcome> {
  // The metadata fields are what the server stamps on every new entity.
  assertStoredAsParsed(kind.values, kind.record, [...META_FIELDS, ...Object.keys(kind.stamps ?? {})]);
  return (ctx, id, values) => {
    const clocks = Object.fromEntries(Object.keys(values).map((field) => [field, ctx.hlc]));
    return writeNewRecord(ctx, kind.collection, id, { ...values, ...kind.stamps, id, ...ownership(ctx), updatedAt: ctx.now, clocks });
  };
}

export interface MergeRequest {
  readonly collection: MergedCollection;
  readonly schema: z.ZodType<Record<string, unknown>>;
  readonly id: string;
  readonly set: Readonly<Record<string, unknown>>;
  /**
   * Per field, the clock of the value the author saw; `'current'`: whatever is stored now
   * (a decision that settles the field, such as a review resolution or archiving).
   */
  readonly seen: Readonly<Record<string, string | null>> | 'current';
  /** The refusal's words when the record is not the team's (default: "this client was not found", "this agency …"). */
  readonly missing?: string;
}

/** Merges `set` into the team's record and stores it (and any review items); refuses a missing one. */
export async function mergeIntoRecord(ctx: CommandContext, request: MergeRequest): Promise<CommandOutcome> {
  const { collection, schema, id, set } = request;
  const stored = await findTeamRecord(ctx, collection, id);
  if (stored?.data == null) return rejected('not_found', request.missing ?? `this ${NOUN[collection]} was not found`);
  const { meta, values, clocks } = splitRecord(stored.data);
  const seen = request.seen === 'current' ? Object.fromEntries(Object.keys(set).map((f) => [f, clocks[f] ?? null])) : request.seen;
  const merged = mergeEntity(values, clocks, set, ctx.hlc, seen);
  const changed = !jsonEqual(merged.values, values) || !jsonEqual(merged.clocks, clocks);
  // A write that lost the merge left the record as it was, but its author's device shows
  // the losing value: the record is stored again (a new seq) so that device pulls the
  // winner. The loser itself is in the review queue.
  const authorSeesOtherwise = Object.entries(set).some(([field, value]) => !jsonEqual(merged.values[field], value));
  const parsed = schema.safeParse({ ...meta, ...merged.values, updatedAt: ctx.now, clocks: merged.clocks });
  if (!parsed.success) return rejected('invalid_args', invalidArgsMessage(schema, parsed.error.issues));
  const writes: WrittenRecord[] = [];
  if (changed || authorSeesOtherwise) {
    await putRecord(ctx.trx, { collection, id, teamId: ctx.user.teamId, data: parsed.data });
    writes.push({ collection, id });
  }
  for (const conflict of merged.conflicts) {
    const item = reviewItem(ctx, collection, id, conflict);
    await putRecord(ctx.trx, { collection: 'reviewItems', id: item.id, teamId: ctx.user.teamId, data: item });
    writes.push({ collection: 'reviewItems', id: item.id });
  }
  return { ok: true, writes };
}

/** Shared checks and stamps for commands: ownership comes from the token, never from args. */
import type { z } from 'zod';
import type { CollectionName } from '../../../shared/sync/collections';
import { getRecord, insertNewRecord } from '../../storage/records-store';
import type { StoredRecord } from '../../storage/records-store';
import { getUserById } from '../../storage/users-store';
import type { CommandContext, CommandOutcome } from './command';
import { rejected } from './command';

export function ownership(ctx: CommandContext): { teamId: string; createdBy: string; createdAt: string } {
  return { teamId: ctx.user.teamId, createdBy: ctx.user.id, createdAt: ctx.now };
}

/** A live record of the caller's team, or undefined (missing, deleted or another team's). */
export async function findTeamRecord(ctx: CommandContext, collection: string, id: string): Promise<StoredRecord | undefined> {
  const record = await getRecord(ctx.trx, collection, id);
  if (record === undefined || record.deleted || record.data === null || record.teamId !== ctx.user.teamId) return undefined;
  return record;
}

/**
 * A live record of the caller's team, parsed by its shared schema (rows read back from
 * storage are parsed, not trusted). Undefined when missing, another team's, or unreadable:
 * a command can only move a record it can read.
 */
export async function loadTeamRecord<S extends z.ZodType>(ctx: CommandContext, collection: CollectionName, id: string, schema: S): Promise<z.infer<S> | undefined> {
  const stored = await findTeamRecord(ctx, collection, id);
  if (stored === undefined) return undefined;
  const parsed = schema.safeParse(stored.data);
  return parsed.success ? parsed.data : undefined;
}

async function recordExists(ctx: CommandContext, collection: string, id: string): Promise<boolean> {
  return (await getRecord(ctx.trx, collection, id)) !== undefined;
}

/**
 * Null when `id` is free for a new record, else the refusal. Ids are unique across teams,
 * so an id can be held by another team; the refusal is then word for word the one for an
 * id of the caller's own team (or an erased record), and says nothing of what holds it:
 * a create must never confirm that another team has a record.
 */
export async function newIdProblem(ctx: CommandContext, collection: CollectionName, id: string, field = 'id'): Promise<CommandOutcome | null> {
  return (await recordExists(ctx, collection, id)) ? idTaken(field) : null;
}

/** The refusal of an id already used, whatever holds it (see `newIdProblem`). */
export function idTaken(field = 'id'): CommandOutcome {
  return rejected('invalid_args', `${field}: this id cannot be used for a new record`);
}

/**
 * Writes a new record of the caller's team under `id` if no record ever held it: the check
 * and the write in one statement (insertNewRecord). The refusal is `newIdProblem`'s.
 */
export async function writeNewRecord(ctx: CommandContext, collection: CollectionName, id: string, data: Record<string, unknown>): Promise<CommandOutcome> {
  const seq = await insertNewRecord(ctx.trx, { collection, id, teamId: ctx.user.teamId, data });
  return seq === null ? idTaken() : { ok: true, writes: [{ collection, id }] };
}

/** Is `userId` an active member of the caller's team (an assignee, a companion)? */
export async function isActiveTeamMember(ctx: CommandContext, userId: string): Promise<boolean> {
  const user = await getUserById(ctx.trx, userId);
  return user !== undefined && user.active && user.teamId === ctx.user.teamId;
}

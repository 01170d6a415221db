/** Shared checks and stamps for commands: ownership comes from the token, never from args. */
import { getRecord } from '../../storage/records-store';
import type { StoredRecord } from '../../storage/records-store';
import type { CommandContext } from './command';

export function ownership(ctx: CommandContext): { teamId: string; createdBy: string; createdAt: string } {
  return { teamId: ctx.user.teamId, createdBy: ctx.user.id, createdAt: ctx.now };
}

/** A live record of the caller's team, or undefined (missing, deleted or another team's). */
export async function findTeamRecord(ctx: CommandContext, collection: string, id: string): Promise<StoredRecord | undefined> {
  const record = await getRecord(ctx.trx, collection, id);
  if (record === undefined || record.deleted || record.data === null || record.teamId !== ctx.user.teamId) return undefined;
  return record;
}

export async function recordExists(ctx: CommandContext, collection: string, id: string): Promise<boolean> {
  return (await getRecord(ctx.trx, collection, id)) !== undefined;
}

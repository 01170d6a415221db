/**
 * Creating users. The `users` table holds identity and the password hash; a `users` record
 * in `records` (no hash) is written in the same transaction so the team's devices receive
 * the new colleague through ordinary sync.
 */
import type { Transaction } from 'kysely';
import type { CreateUserRequest, CreateUserResponse } from '../../shared/api/auth';
import type { UserRecord } from '../../shared/domain/people';
import { userRecordSchema } from '../../shared/domain/people';
import { uuidv7 } from '../../shared/ids';
import { generateTemporaryPassword, hashPassword } from '../auth/passwords';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import { putRecord } from '../storage/records-store';
import type { Schema } from '../storage/schema';
import type { User } from '../storage/users-store';
import { getUserByUsername, insertUser } from '../storage/users-store';
import { ApiError, forbidden } from './errors';
import { mayManage } from './policy';

export function toUserRecord(user: User): UserRecord {
  return userRecordSchema.parse({
    id: user.id,
    teamId: user.teamId,
    username: user.username,
    name: user.name,
    role: user.role,
    admin: user.admin,
    active: user.active,
    createdAt: user.createdAt,
  });
}

/** Inserts the user row and its synced record; call inside a transaction. */
export async function insertUserWithRecord(trx: Transaction<Schema>, user: User): Promise<UserRecord> {
  await insertUser(trx, user);
  const record = toUserRecord(user);
  await putRecord(trx, { collection: 'users', id: user.id, teamId: user.teamId, data: record });
  return record;
}

export interface NewUser {
  readonly teamId: string;
  readonly username: string;
  readonly name: string;
  readonly role: User['role'];
  readonly admin: boolean;
  readonly password: string;
  /** A temporary password, to be replaced at the first sign-in. */
  readonly temporary?: boolean;
}

export async function buildUser(input: NewUser, nowMs: number): Promise<User> {
  return {
    id: uuidv7(nowMs),
    teamId: input.teamId,
    username: input.username,
    name: input.name,
    role: input.role,
    admin: input.admin,
    active: true,
    passwordHash: await hashPassword(input.password),
    createdAt: new Date(nowMs).toISOString(),
    mustChangePassword: input.temporary === true,
  };
}

const usernameTaken = (): ApiError => new ApiError(409, 'conflict', 'That username is already taken.');

/**
 * A team lead adds a person to their own team: any lead a worker or a peer, only an admin a
 * team lead. Without a password in the request the person gets a temporary one, answered
 * here once, which they must replace at their first sign-in.
 */
export async function createUser(storage: Storage, actor: { user: User; deviceId: string }, request: CreateUserRequest, nowMs: number): Promise<CreateUserResponse> {
  const audit = { userId: actor.user.id, deviceId: actor.deviceId, action: 'users.create', collection: 'users' };
  if (!mayManage(actor.user, 'users.create') || (request.role === 'team_lead' && !actor.user.admin)) {
    await appendAudit(storage.db, { ...audit, outcome: 'denied' });
    throw forbidden(actor.user.role === 'team_lead' ? 'Only an admin can add a team lead.' : 'Only a team lead can add people.');
  }
  if ((await getUserByUsername(storage.db, request.username)) !== undefined) throw usernameTaken();
  const temporaryPassword = request.password === undefined ? generateTemporaryPassword() : undefined;
  const password = request.password ?? temporaryPassword ?? '';
  const user = await buildUser({ ...request, password, temporary: temporaryPassword !== undefined, teamId: actor.user.teamId, admin: false }, nowMs);
  try {
    return await storage.db.transaction().execute(async (trx) => {
      const record = await insertUserWithRecord(trx, user);
      await appendAudit(trx, { ...audit, recordId: user.id, outcome: 'ok' });
      return temporaryPassword === undefined ? record : { ...record, temporaryPassword };
    });
  } catch (error) {
    // Two admins creating the same username at once: the UNIQUE constraint decides.
    if ((await getUserByUsername(storage.db, request.username)) !== undefined) throw usernameTaken();
    throw error;
  }
}

/**
 * A fresh team for each run of the model test, and signing its devices in. Users are
 * stored by the server's own code (user row + synced `users` record) and devices sign in
 * through the real login service; only two costs are cut, both meant for people and not
 * for a thousand runs a minute: passwords are hashed with argon2id at its smallest cost,
 * and login is called below its HTTP route, whose limit is per address.
 */
import { hash } from '@node-rs/argon2';
import type { Options } from '@node-rs/argon2';
import type { LoginResponse } from '../../../src/shared/api/auth';
import type { Role } from '../../../src/shared/domain/common';
import { uuidv7 } from '../../../src/shared/ids';
import { login } from '../../../src/server/services/auth-service';
import { insertUserWithRecord } from '../../../src/server/services/users-service';
import type { Storage } from '../../../src/server/storage/database';
import { insertTeam, type User } from '../../../src/server/storage/users-store';

export interface Member {
  readonly user: User;
  readonly password: string;
}

export interface ModelTeam {
  readonly teamId: string;
  /** One per role asked for, in the same order. */
  readonly members: readonly Member[];
}

const PASSWORD = 'model-test-password';
// `Algorithm` is a const enum, which isolatedModules cannot import; 2 is Argon2id.
const ARGON2ID = 2 as Options['algorithm'];
// Argon2id at its smallest cost: verifying it takes microseconds.
const CHEAP: Options = { algorithm: ARGON2ID, memoryCost: 64, timeCost: 1, parallelism: 1 };
let cheapHash: Promise<string> | undefined;

let teams = 0;

/** A new team with one user per entry of `roles`. */
export async function createModelTeam(storage: Storage, roles: readonly Role[], nowMs: number): Promise<ModelTeam> {
  cheapHash ??= hash(PASSWORD, CHEAP);
  const passwordHash = await cheapHash;
  teams += 1;
  const teamId = uuidv7(nowMs);
  const createdAt = new Date(nowMs).toISOString();
  const tag = `${teams}-${teamId.slice(-8)}`;
  const members = roles.map((role, i): Member => {
    const user: User = { id: uuidv7(nowMs), teamId, username: `m${tag}-${i}`, name: `Model ${role} ${i}`, role, admin: false, active: true, passwordHash, createdAt, mustChangePassword: false };
    return { user, password: PASSWORD };
  });
  await storage.db.transaction().execute(async (trx) => {
    await insertTeam(trx, { id: teamId, name: `Model team ${tag}`, idleLockMinutes: 5, createdAt });
    for (const { user } of members) await insertUserWithRecord(trx, user);
  });
  return { teamId, members };
}

/** Signs `member` in on `deviceId` through the login service, as the login route would. */
export function signIn(storage: Storage, member: Member, deviceId: string, nowMs: number): Promise<LoginResponse> {
  return login(storage, { username: member.user.username, password: member.password, deviceId }, nowMs);
}

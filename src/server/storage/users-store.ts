/**
 * Teams and users as the server knows them: identity, role and password hash. The synced
 * copy a device sees lives in `records` (collection `users`) without the hash.
 */
import type { Role } from '../../shared/domain/common';
import { roleSchema } from '../../shared/domain/common';
import type { Db } from './records-store';

export interface Team {
  readonly id: string;
  readonly name: string;
  readonly idleLockMinutes: number;
  readonly createdAt: string;
}

export interface User {
  readonly id: string;
  readonly teamId: string;
  readonly username: string;
  readonly name: string;
  readonly role: Role;
  readonly admin: boolean;
  readonly active: boolean;
  readonly passwordHash: string;
  readonly createdAt: string;
  /** The password is a temporary one: it must be replaced before anything else. */
  readonly mustChangePassword: boolean;
}

interface UserRow {
  id: string;
  team_id: string;
  username: string;
  name: string;
  role: string;
  admin: number;
  active: number;
  password_hash: string;
  created_at: string;
  must_change_password: number;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    teamId: row.team_id,
    username: row.username,
    name: row.name,
    // Parsed, not trusted: a row with an unknown role is a data error, not a new role.
    role: roleSchema.parse(row.role),
    admin: row.admin === 1,
    active: row.active === 1,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
    mustChangePassword: row.must_change_password === 1,
  };
}

export async function insertTeam(db: Db, team: Team): Promise<void> {
  await db
    .insertInto('teams')
    .values({ id: team.id, name: team.name, idle_lock_minutes: team.idleLockMinutes, created_at: team.createdAt })
    .execute();
}

export async function getTeam(db: Db, id: string): Promise<Team | undefined> {
  const row = await db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  return { id: row.id, name: row.name, idleLockMinutes: row.idle_lock_minutes, createdAt: row.created_at };
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, user: User): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      team_id: user.teamId,
      username: user.username,
      name: user.name,
      role: user.role,
      admin: user.admin ? 1 : 0,
      active: user.active ? 1 : 0,
      password_hash: user.passwordHash,
      created_at: user.createdAt,
      must_change_password: user.mustChangePassword ? 1 : 0,
    })
    .execute();
}

export async function getUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export async function getUserByUsername(db: Db, username: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

/** The team's users, oldest first. */
export async function listTeamUsers(db: Db, teamId: string): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().where('team_id', '=', teamId).orderBy('created_at').orderBy('id').execute();
  return rows.map(toUser);
}

export interface UserChanges {
  readonly name?: string;
  readonly role?: Role;
  readonly active?: boolean;
}

export async function updateUser(db: Db, id: string, changes: UserChanges): Promise<void> {
  await db
    .updateTable('users')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** Replaces a password hash; `temporary` marks one a person must replace at their next sign-in. */
export async function setPassword(db: Db, id: string, passwordHash: string, temporary: boolean): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: temporary ? 1 : 0 }).where('id', '=', id).execute();
}

export async function setIdleLockMinutes(db: Db, teamId: string, minutes: number): Promise<void> {
  await db.updateTable('teams').set({ idle_lock_minutes: minutes }).where('id', '=', teamId).execute();
}

/**
 * The team lead's management endpoints on every engine: what they answer, what they
 * change (and sync), what they refuse, and that each is audited with ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListDevicesResponse, ListUsersResponse } from '../../src/shared/api/admin';
import type { PullResponse } from '../../src/shared/sync/wire';
import { engines } from '../storage/helpers';
import type { Session, World } from './world';
import { createWorld } from './world';

async function auditActions(world: World, userId: string): Promise<string[]> {
  const rows = await world.server.storage.db.selectFrom('audit_log').select(['action', 'outcome']).where('user_id', '=', userId).orderBy('id').execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe.each(engines)('team management on $name', (engine) => {
  let world: World;
  let lead: Session;
  let admin: Session;
  let worker: Session;

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl });
    lead = await world.signIn(world.teams.own.users.team_lead);
    admin = await world.signIn(world.teams.own.users['team_lead+admin']);
    worker = await world.signIn(world.teams.own.users.outreach_worker);
  });

  afterAll(async () => {
    await world?.server.close();
  });

  it('lists the team’s users with ids, usernames and roles only', async () => {
    const res = await world.inject({ method: 'GET', url: '/api/users', headers: lead.headers });
    expect(res.statusCode).toBe(200);
    const { users } = res.json<ListUsersResponse>();
    expect(users.map((u) => u.id).sort()).toEqual([...Object.values(world.teams.own.users).map((u) => u.id), world.teams.own.target.id].sort());
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(['active', 'admin', 'id', 'name', 'role', 'username']);
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('lists devices without tokens, and a revoked device is told to wipe itself', async () => {
    const phone = await world.signIn(world.teams.own.users.peer_volunteer);
    const list = await world.inject({ method: 'GET', url: '/api/devices', headers: lead.headers });
    const { devices } = list.json<ListDevicesResponse>();
    expect(devices.map((d) => d.id)).toContain(phone.deviceId);
    expect(list.body).not.toContain(phone.token);
    expect(Object.keys(devices[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'lastSeenAt', 'name', 'revokedAt', 'userId']);
    const revoke = await world.inject({ method: 'POST', url: `/api/devices/${phone.deviceId}/revoke`, headers: lead.headers });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const next = await world.inject({ method: 'GET', url: '/api/me', headers: phone.headers });
    expect(next.statusCode).toBe(401);
    expect(next.json()).toMatchObject({ wipe: true });
    expect(await auditActions(world, lead.userId)).toEqual(expect.arrayContaining(['devices.list:ok', 'devices.revoke:ok']));
  });

  it('renames and re-roles a colleague, and the team’s devices receive the change', async () => {
    const target = world.teams.own.target;
    const res = await world.inject({ method: 'PATCH', url: `/api/users/${target.id}`, headers: lead.headers, payload: { name: 'New Name', role: 'peer_volunteer' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, name: 'New Name', role: 'peer_volunteer' });
    const pull = await world.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=1000&schemaVersion=1', headers: worker.headers });
    const record = pull.json<PullResponse>().changes.find((c) => c.collection === 'users' && c.id === target.id);
    expect(record?.record).toMatchObject({ name: 'New Name', role: 'peer_volunteer' });
  });

  it('deactivating a colleague revokes their devices and refuses their sign-in', async () => {
    const user = await world.server.createUser('outreach_worker');
    const session = await world.signIn(user);
    const res = await world.inject({ method: 'PATCH', url: `/api/users/${user.id}`, headers: lead.headers, payload: { active: false } });
    expect(res.json()).toMatchObject({ active: false });
    const next = await world.inject({ method: 'GET', url: '/api/me', headers: session.headers });
    expect(next.json()).toMatchObject({ error: 'unauthorized', wipe: true });
    const login = await world.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password, deviceId: session.deviceId } });
    expect(login.statusCode).toBe(401);
  });

  it('refuses a lead removing their own access, and a non-admin lead changing an admin', async () => {
    const self = await world.inject({ method: 'PATCH', url: `/api/users/${lead.userId}`, headers: lead.headers, payload: { active: false } });
    expect(self.statusCode).toBe(409);
    const demote = await world.inject({ method: 'PATCH', url: `/api/users/${lead.userId}`, headers: lead.headers, payload: { role: 'outreach_worker' } });
    expect(demote.statusCode).toBe(409);
    const onAdmin = await world.inject({ method: 'PATCH', url: `/api/users/${admin.userId}`, headers: lead.headers, payload: { active: false } });
    expect(onAdmin.statusCode).toBe(403);
  });

  it('answers another team’s user and device with 404, audited as a denial', async () => {
    const other = world.teams.other;
    const user = await world.inject({ method: 'PATCH', url: `/api/users/${other.target.id}`, headers: admin.headers, payload: { name: 'x' } });
    const device = await world.inject({ method: 'POST', url: `/api/devices/${other.targetDeviceId}/revoke`, headers: admin.headers });
    expect([user.statusCode, device.statusCode]).toEqual([404, 404]);
    expect(await auditActions(world, admin.userId)).toEqual(expect.arrayContaining(['users.update:denied:not_found', 'devices.revoke:denied:not_found']));
    const untouched = await world.server.storage.db.selectFrom('devices').select('revoked_at').where('id', '=', other.targetDeviceId).executeTakeFirst();
    expect(untouched?.revoked_at).toBeNull();
  });

  it('sets the team’s idle lock within 1..60 minutes, and /api/me reports it', async () => {
    for (const bad of [0, 61, 2.5, '5']) {
      const res = await world.inject({ method: 'PATCH', url: '/api/team', headers: lead.headers, payload: { idleLockMinutes: bad } });
      expect(res.statusCode, String(bad)).toBe(400);
    }
    const ok = await world.inject({ method: 'PATCH', url: '/api/team', headers: lead.headers, payload: { idleLockMinutes: 12 } });
    expect(ok.json()).toEqual({ id: world.teams.own.teamId, idleLockMinutes: 12 });
    const me = await world.inject({ method: 'GET', url: '/api/me', headers: worker.headers });
    expect(me.json()).toMatchObject({ idleLockMinutes: 12 });
    const denied = await world.inject({ method: 'PATCH', url: '/api/team', headers: worker.headers, payload: { idleLockMinutes: 30 } });
    expect(denied.statusCode).toBe(403);
    expect(await auditActions(world, worker.userId)).toContain('team.update:denied');
  });

  it('records a device’s export, lock and wipe in the audit log, by id only', async () => {
    for (const action of ['export', 'lock', 'wipe']) {
      const res = await world.inject({ method: 'POST', url: '/api/audit/events', headers: worker.headers, payload: { action } });
      expect(res.statusCode).toBe(204);
    }
    const rows = await world.server.storage.db.selectFrom('audit_log').selectAll().where('action', 'like', 'device.%').where('user_id', '=', worker.userId).execute();
    expect(rows.map((r) => r.action).sort()).toEqual(['device.export', 'device.lock', 'device.wipe']);
    expect(rows.every((r) => r.device_id === worker.deviceId)).toBe(true);
    const bad = await world.inject({ method: 'POST', url: '/api/audit/events', headers: worker.headers, payload: { action: 'export', clientAlias: 'x' } });
    expect(bad.statusCode).toBe(400);
  });
});

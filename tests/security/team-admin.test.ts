/**
 * The team lead's management endpoints on every engine: what they answer, what they
 * change (and sync), what they refuse, and that each is audited with ids only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListAuditResponse, ListDevicesResponse, ListUsersResponse } from '../../src/shared/api/admin';
import type { PullResponse } from '../../src/shared/sync/wire';
import { uuidv7 } from '../../src/shared/ids';
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
    expect(users.map((u) => u.id).sort()).toEqual([...Object.values(world.teams.own.users).map((u) => u.id), world.teams.own.target.id, world.teams.own.resetTarget.id, world.teams.own.erasureRequester.id].sort());
    expect(Object.keys(users[0] ?? {}).sort()).toEqual(['active', 'admin', 'id', 'name', 'role', 'username']);
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('lists devices without tokens, and a revoked device is told to wipe itself', async () => {
    const phone = await world.signIn(world.teams.own.users.peer_volunteer);
    const list = await world.inject({ method: 'GET', url: '/api/devices', headers: lead.headers });
    const { devices } = list.json<ListDevicesResponse>();
    expect(devices.map((d) => d.id)).toContain(phone.deviceId);
    expect(list.body).not.toContain(phone.token);
    expect(Object.keys(devices[0] ?? {}).sort()).toEqual(['createdAt', 'id', 'lastSeenAt', 'name', 'report', 'revokedAt', 'userId']);
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

  const login = (username: string, password: string) =>
    world.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId: uuidv7() } });

  it('a lead adds a worker with a temporary password, which must be replaced before anything else', async () => {
    const username = `new.worker.${engine.name}`;
    const created = await world.inject({ method: 'POST', url: '/api/users', headers: lead.headers, payload: { username, name: 'New Worker', role: 'outreach_worker' } });
    expect(created.statusCode).toBe(201);
    const { temporaryPassword, id } = created.json<{ temporaryPassword: string; id: string }>();
    expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    // Shown once: nowhere in the list, the synced record or the audit log.
    const listed = await world.inject({ method: 'GET', url: '/api/users', headers: lead.headers });
    expect(listed.body).not.toContain(temporaryPassword);

    const first = await login(username, temporaryPassword);
    expect(first.json()).toMatchObject({ mustChangePassword: true });
    const session = { authorization: `Bearer ${first.json<{ token: string }>().token}` };
    const pull = await world.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=50&schemaVersion=1', headers: session });
    expect(pull.statusCode).toBe(403);
    expect(pull.json()).toMatchObject({ error: 'password_change_required' });
    expect((await world.inject({ method: 'GET', url: '/api/me', headers: session })).statusCode).toBe(200);

    const change = (currentPassword: string, newPassword: string) => world.inject({ method: 'POST', url: '/api/auth/password', headers: session, payload: { currentPassword, newPassword } });
    expect((await change('wrong-password', 'my-own-password-1')).statusCode).toBe(400);
    expect((await change(temporaryPassword, temporaryPassword)).statusCode).toBe(400);
    expect((await change(temporaryPassword, 'my-own-password-1')).statusCode).toBe(204);
    expect((await world.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=50&schemaVersion=1', headers: session })).statusCode).toBe(200);
    expect((await login(username, temporaryPassword)).statusCode).toBe(401);
    expect((await login(username, 'my-own-password-1')).json()).toMatchObject({ mustChangePassword: false });
    expect(await auditActions(world, id)).toEqual(expect.arrayContaining(['password.change:failed', 'password.change:ok']));
  });

  it('only an admin adds or makes a team lead', async () => {
    const payload = (username: string) => ({ username, name: 'Would Lead', role: 'team_lead' });
    const byLead = await world.inject({ method: 'POST', url: '/api/users', headers: lead.headers, payload: payload(`lead.by.lead.${engine.name}`) });
    expect(byLead.statusCode).toBe(403);
    expect(byLead.json()).toMatchObject({ message: 'Only an admin can add a team lead.' });
    const byAdmin = await world.inject({ method: 'POST', url: '/api/users', headers: admin.headers, payload: payload(`lead.by.admin.${engine.name}`) });
    expect(byAdmin.statusCode).toBe(201);
    const promote = await world.inject({ method: 'PATCH', url: `/api/users/${world.teams.own.target.id}`, headers: lead.headers, payload: { role: 'team_lead' } });
    expect(promote.statusCode).toBe(403);
    const taken = await world.inject({ method: 'POST', url: '/api/users', headers: lead.headers, payload: { username: `lead.by.admin.${engine.name}`, name: 'Again', role: 'outreach_worker' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ message: 'That username is already taken.' });
  });

  it("resets a colleague's password: their sessions end and the temporary one must be replaced", async () => {
    const colleague = await world.server.createUser('outreach_worker', undefined, { teamId: world.teams.own.teamId });
    const phone = await world.signIn(colleague);
    const reset = await world.inject({ method: 'POST', url: `/api/users/${colleague.id}/password`, headers: lead.headers });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json<{ temporaryPassword: string }>();
    expect((await world.inject({ method: 'GET', url: '/api/me', headers: phone.headers })).statusCode).toBe(401);
    expect((await login(colleague.username, colleague.password)).statusCode).toBe(401);
    expect((await login(colleague.username, temporaryPassword)).json()).toMatchObject({ mustChangePassword: true });
    expect(await auditActions(world, world.teams.own.users.team_lead.id)).toContain('users.resetPassword:ok');

    const leadsOwn = await world.inject({ method: 'POST', url: `/api/users/${world.teams.own.users.team_lead.id}/password`, headers: lead.headers });
    expect(leadsOwn.statusCode).toBe(409);
    const anotherLead = await world.inject({ method: 'POST', url: `/api/users/${world.teams.own.users['team_lead+admin'].id}/password`, headers: lead.headers });
    expect(anotherLead.statusCode).toBe(403);
    const otherTeam = await world.inject({ method: 'POST', url: `/api/users/${world.teams.other.target.id}/password`, headers: lead.headers });
    expect(otherTeam.statusCode).toBe(404);
  });

  it("shows a lead the team's audit log by person, record and page, never another team's, and audits the looking", async () => {
    const get = (query: string, headers = lead.headers) => world.inject({ method: 'GET', url: `/api/audit${query}`, headers });
    const all = await get('?limit=500');
    expect(all.statusCode).toBe(200);
    const { entries } = all.json<ListAuditResponse>();
    const listed = await world.inject({ method: 'GET', url: '/api/users', headers: lead.headers });
    const team = new Set(listed.json<ListUsersResponse>().users.map((u) => u.id));
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.userId !== null && team.has(e.userId))).toBe(true);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
    const workerId = world.teams.own.users.outreach_worker.id;
    const mine = (await get(`?userId=${workerId}`)).json<ListAuditResponse>().entries;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.userId === workerId)).toBe(true);
    expect((await get(`?userId=${world.teams.other.users.outreach_worker.id}`)).json<ListAuditResponse>().entries).toEqual([]);
    const page = (await get('?limit=2')).json<ListAuditResponse>();
    expect(page.entries).toHaveLength(2);
    const next = (await get(`?limit=2&before=${page.nextBefore}`)).json<ListAuditResponse>();
    expect(next.entries[0]?.id).toBeLessThan(page.entries[1]?.id ?? 0);
    const record = entries.find((e) => e.recordId !== null);
    if (record?.recordId) expect((await get(`?recordId=${record.recordId}`)).json<ListAuditResponse>().entries.every((e) => e.recordId === record.recordId)).toBe(true);
    expect(await auditActions(world, world.teams.own.users.team_lead.id)).toContain('audit.view:ok');
    expect((await get('', worker.headers)).statusCode).toBe(403);
    expect((await get('?limit=9999')).statusCode).toBe(400);
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

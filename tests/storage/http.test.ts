/**
 * The HTTP surface on every engine, through `app.inject`: every bad input is a 4xx with a
 * readable message (never a 500), auth failures are 401/403, `/api` is never cached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { revokeDevice } from '../../src/server/storage/devices-store';
import { highestSeq } from '../../src/server/storage/records-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { Engine, Session } from './helpers';
import { clientCreate, engines, failingWatermarkStorage, nextHlc, push, signIn } from './helpers';

describe.each(engines)('HTTP on $name', (engine: Engine) => {
  let server: TestServer;
  let lead: Session;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    lead = await signIn(server.app, 'admin', server.adminPassword);
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Everything a push from `deviceId` could leave behind: records, seq, watermark, audit and rejection rows. */
  async function pushFootprint(deviceId: string) {
    const db = server.storage.db;
    const records = await db.selectFrom('records').select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
    const seq = await highestSeq(db);
    const device = await db.selectFrom('devices').select(['last_mutation_id', 'last_hlc']).where('id', '=', deviceId).executeTakeFirstOrThrow();
    const audit = await db.selectFrom('audit_log').select('action').where('device_id', '=', deviceId).execute();
    const rejections = await db.selectFrom('rejections').select('mutation_id').where('device_id', '=', deviceId).execute();
    return {
      records: Number(records.n),
      seq,
      lastMutationId: Number(device.last_mutation_id),
      lastHlc: device.last_hlc,
      audit: audit.map((a) => a.action),
      rejections: rejections.length,
    };
  }

  it('answers health without auth', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', schemaVersion: 1 });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });

  it('refuses a request without a token', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/sync/pull?schemaVersion=1' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized' });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['an unknown field', { username: 'admin', password: 'x', deviceId: uuidv7(), extra: 1 }, 'body: '],
    ['a bad username', { username: '!', password: 'x', deviceId: uuidv7() }, 'username: '],
    ['a bad device id', { username: 'admin', password: 'x', deviceId: 'nope' }, 'deviceId: '],
  ])('answers 400 with a message for %s', async (_label, payload, prefix) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: string; message: string }>().message.startsWith(prefix)).toBe(true);
  });

  it('answers 400 to malformed JSON and to a bad push body', async () => {
    const bad = await server.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request' });
    const push = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: lead.headers, payload: { deviceId: lead.deviceId, schemaVersion: 1, mutations: [{ id: 0 }] } });
    expect(push.statusCode).toBe(400);
    expect(push.json<{ message: string }>().message).toMatch(/^mutations\.0\./);
  });

  it('answers 426, not 400, to an outdated schema version', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: lead.headers, payload: { deviceId: lead.deviceId, schemaVersion: 0, mutations: [] } });
    expect(res.statusCode).toBe(426);
    expect(res.json()).toMatchObject({ error: 'upgrade_required' });
    const pull = await server.app.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&schemaVersion=0', headers: lead.headers });
    expect(pull.statusCode).toBe(426);
  });

  it('refuses a mutation whose clock names another device', async () => {
    const session = await signIn(server.app, 'admin', server.adminPassword);
    const forged = { ...clientCreate(1, session, { alias: 'Forged' }), hlc: nextHlc(uuidv7()) };
    const res = await push(server.app, session, [forged]);
    expect(res.body.rejections).toEqual([{ id: 1, code: 'invalid_args', message: 'the clock names another device' }]);
  });

  it('answers a repeated push with the same rejections, so a lost answer hides none', async () => {
    const session = await signIn(server.app, 'admin', server.adminPassword);
    const good = clientCreate(1, session, { alias: 'Kept' });
    const bad = { id: 2, name: 'client.create', args: { id: 'not-an-id' }, hlc: nextHlc(session.deviceId) };
    const first = await push(server.app, session, [good, bad]);
    const again = await push(server.app, session, [good, bad]);
    expect(first.body.rejections.map((r) => r.id)).toEqual([2]);
    expect(again.body).toMatchObject({ lastMutationId: 2, rejections: first.body.rejections });
  });

  it('answers 413 to an oversize body', async () => {
    const huge = { deviceId: lead.deviceId, schemaVersion: 1, mutations: [{ id: 1, name: 'x', args: 'y'.repeat(300 * 1024), hlc: 'x' }] };
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: lead.headers, payload: huge });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'payload_too_large' });
  });

  it('answers 401 to a wrong password and to an unknown user, alike', async () => {
    const wrong = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'wrong-password', deviceId: uuidv7() } });
    const unknown = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'wrong-password', deviceId: uuidv7() } });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('answers 404 JSON to an unknown API path', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not_found' });
  });

  it('serves /api/me and logs out', async () => {
    const s = await signIn(server.app, 'admin', server.adminPassword);
    const me = await server.app.inject({ method: 'GET', url: '/api/me', headers: s.headers });
    expect(me.json()).toMatchObject({ deviceId: s.deviceId, idleLockMinutes: 5, user: { role: 'team_lead', admin: true } });
    expect((await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers })).statusCode).toBe(204);
    expect((await server.app.inject({ method: 'GET', url: '/api/me', headers: s.headers })).statusCode).toBe(401);
  });

  it('tells a revoked device to wipe itself', async () => {
    const s = await signIn(server.app, 'admin', server.adminPassword);
    await revokeDevice(server.storage.db, s.deviceId, new Date().toISOString());
    const res = await server.app.inject({ method: 'GET', url: '/api/me', headers: s.headers });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthorized', wipe: true });
    const relogin = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: server.adminPassword, deviceId: s.deviceId } });
    expect(relogin.statusCode).toBe(403);
  });

  it('refuses a push for another device and a device id owned by another user', async () => {
    const res = await server.app.inject({ method: 'POST', url: '/api/sync/push', headers: lead.headers, payload: { deviceId: uuidv7(), schemaVersion: 1, mutations: [] } });
    expect(res.statusCode).toBe(403);
    const u = await server.createUser('outreach_worker');
    const stolen = await server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password, deviceId: lead.deviceId } });
    expect(stolen.statusCode).toBe(403);
  });

  it('lets an admin team lead create users, and nobody else', async () => {
    const body = { username: 'new.worker', name: 'New Worker', role: 'outreach_worker', password: 'a-long-password' };
    const created = await server.app.inject({ method: 'POST', url: '/api/users', headers: lead.headers, payload: body });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'new.worker', role: 'outreach_worker', admin: false, active: true });
    expect(created.body).not.toContain('password');
    const taken = await server.app.inject({ method: 'POST', url: '/api/users', headers: lead.headers, payload: body });
    expect(taken.statusCode).toBe(409);
    const worker = await signIn(server.app, 'new.worker', 'a-long-password');
    const denied = await server.app.inject({ method: 'POST', url: '/api/users', headers: worker.headers, payload: { ...body, username: 'other' } });
    expect(denied.statusCode).toBe(403);
  });

  it('answers 503 with Retry-After and keeps nothing when the database fails transiently', async () => {
    const app = await buildApp({ storage: failingWatermarkStorage(server.storage) });
    try {
      const s = await signIn(app, 'admin', server.adminPassword);
      const create = clientCreate(1, s, { alias: 'Kept on the device' });
      const before = await pushFootprint(s.deviceId);
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers: s.headers, payload: { deviceId: s.deviceId, schemaVersion: 1, mutations: [create] } });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ error: 'unavailable' });
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expect(await pushFootprint(s.deviceId)).toEqual(before);
      // The device keeps the mutation and sends it again; the healthy server applies it once.
      const retried = await push(server.app, s, [create]);
      expect(retried.status).toBe(200);
      expect(retried.body).toMatchObject({ lastMutationId: 1, rejections: [] });
      expect(await pushFootprint(s.deviceId)).not.toEqual(before);
    } finally {
      await app.close();
    }
  });

  it('rate-limits repeated failed logins for one account', async () => {
    const attempt = () => server.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'limited', password: 'wrong-password', deviceId: uuidv7() } });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await attempt()).json()).toMatchObject({ error: 'rate_limited' });
  });
});

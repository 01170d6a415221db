/**
 * Each API hardening promise in DESIGN.md's security model, checked through the real app:
 * argon2id parameters, token expiry, login rate limits that do not lock the owner out,
 * headers, no-store on every /api answer, size and schema refusals, and the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_ABSOLUTE_MS, TOKEN_IDLE_MS } from '../../src/server/auth/tokens';
import { uuidv7 } from '../../src/shared/ids';
import { engines } from '../storage/helpers';
import type { Session, World } from './world';
import { createWorld } from './world';

const HOUR = 3_600_000;

describe.each(engines)('API hardening on $name', (engine) => {
  let world: World;
  let clock = Date.now();
  let lead: Session;

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl, now: () => clock });
    lead = await world.signIn(world.teams.own.users.team_lead);
  });

  afterAll(async () => {
    await world?.server.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    world.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password, deviceId: uuidv7() } });

  it('hashes passwords with argon2id at OWASP’s parameters (19 MiB, 2 passes, 1 lane)', async () => {
    const rows = await world.server.storage.db.selectFrom('users').select('password_hash').execute();
    for (const row of rows) expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('ends a session after 12 idle hours, and after 30 days however busy', async () => {
    const idle = await world.signIn(world.teams.own.users.outreach_worker);
    clock += TOKEN_IDLE_MS - HOUR;
    expect((await world.inject({ method: 'GET', url: '/api/me', headers: idle.headers })).statusCode).toBe(200);
    clock += TOKEN_IDLE_MS;
    expect((await world.inject({ method: 'GET', url: '/api/me', headers: idle.headers })).statusCode).toBe(401);
    const busy = await world.signIn(world.teams.own.users.outreach_worker);
    const start = clock;
    while (clock + 11 * HOUR < start + TOKEN_ABSOLUTE_MS) {
      clock += 11 * HOUR;
      expect((await world.inject({ method: 'GET', url: '/api/me', headers: busy.headers })).statusCode).toBe(200);
    }
    clock = start + TOKEN_ABSOLUTE_MS;
    expect((await world.inject({ method: 'GET', url: '/api/me', headers: busy.headers })).statusCode).toBe(401);
  });

  it('rate-limits one address hammering an account, while the owner signs in from elsewhere', async () => {
    const owner = await world.server.createUser('outreach_worker');
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) statuses.push((await login(owner.username, 'wrong-password', '203.0.113.7')).statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect((await login(owner.username, owner.password, '203.0.113.7')).statusCode).toBe(429);
    expect((await login(owner.username, owner.password, '198.51.100.20')).statusCode).toBe(200);
  });

  it('rate-limits an account guessed from many addresses, and one address trying many accounts', async () => {
    const victim = await world.server.createUser('outreach_worker');
    const account: number[] = [];
    for (let i = 0; i < 31; i++) account.push((await login(victim.username, 'wrong-password', `192.0.2.${i % 4}`)).statusCode);
    expect(account.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(account.at(-1)).toBe(429);
    const spray: number[] = [];
    for (let i = 0; i < 51; i++) spray.push((await login(`nobody.${i}`, 'wrong-password', '198.51.100.99')).statusCode);
    expect(spray.at(-1)).toBe(429);
  });

  it('sends helmet headers and a strict CSP without inline script', async () => {
    const res = await world.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    ['401', { method: 'GET', url: '/api/me' }, 401],
    ['404 unknown route', { method: 'GET', url: '/api/nope?x=1' }, 404],
    ['400 malformed JSON', { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"a":' }, 400],
    ['413 oversize', { method: 'POST', url: '/api/auth/login', payload: { username: 'x'.repeat(300_000) } }, 413],
    ['415 not JSON', { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' }, 415],
    ['400 plain text', { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' }, 400],
  ] as const)('sends Cache-Control: no-store on a %s', async (_label, request, status) => {
    const res = await world.inject({ ...request });
    expect(res.statusCode).toBe(status);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toHaveProperty('error');
  });

  it('refuses an unknown field with a 400 that names it', async () => {
    lead = await world.signIn(world.teams.own.users.team_lead); // the expiry test moved the clock on
    const res = await world.inject({ method: 'PATCH', url: '/api/team', headers: lead.headers, payload: { idleLockMinutes: 5, teamId: uuidv7() } });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ message: string }>().message).toMatch(/teamId/);
  });

  it('audits logins, writes and denials with ids, never names', async () => {
    const worker = world.teams.own.users.outreach_worker;
    await login(worker.username, 'wrong-password', '192.0.2.200');
    const session = await world.signIn(worker);
    await world.inject({ method: 'GET', url: '/api/devices', headers: session.headers });
    const rows = await world.server.storage.db.selectFrom('audit_log').selectAll().where('user_id', '=', worker.id).execute();
    const seen = rows.map((r) => `${r.action}:${r.outcome}`);
    expect(seen).toEqual(expect.arrayContaining(['login:failed', 'login:ok', 'devices.list:denied']));
    const dump = JSON.stringify(await world.server.storage.db.selectFrom('audit_log').selectAll().execute());
    for (const u of Object.values(world.teams.own.users)) expect(dump).not.toContain(u.username);
  });
});

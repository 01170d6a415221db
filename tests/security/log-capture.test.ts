/**
 * The canary test for the server: a full flow with a unique string in a client's alias and
 * a note's body leaves zero traces of it — or of the username or password — in any log
 * line or audit row, while every request still gets exactly one useful log line.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/ids';
import { engines, nextHlc } from '../storage/helpers';
import type { World } from './world';
import { createWorld } from './world';

interface LogLine {
  readonly msg?: string;
  readonly method?: string;
  readonly route?: string;
  readonly status?: number;
  readonly ms?: number;
}

describe.each(engines)('log capture on $name', (engine) => {
  const lines: string[] = [];
  const canary = `CANARY-${randomBytes(8).toString('hex')}`;
  let world: World;
  let username = '';
  let password = '';
  let requests = 0;

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl, logStream: { write: (line: string) => void lines.push(line) } });
    const user = await world.server.createUser('outreach_worker', `canary.${randomBytes(4).toString('hex')}`);
    ({ username, password } = user);
    lines.length = 0;
    const call: World['inject'] = (o) => {
      requests += 1;
      return world.inject(o);
    };
    const deviceId = uuidv7();
    const login = await call({ method: 'POST', url: '/api/auth/login', payload: { username, password, deviceId, deviceName: `${canary} phone` } });
    const headers = { authorization: `Bearer ${login.json<{ token: string }>().token}` };
    const clientId = uuidv7();
    const mutations = [
      { id: 1, name: 'client.create', args: { id: clientId, profile: { alias: canary, legalName: `${canary} legal` } }, hlc: nextHlc(deviceId) },
      { id: 2, name: 'note.add', args: { id: uuidv7(), clientId, body: `note ${canary}`, level: 'restricted' }, hlc: nextHlc(deviceId) },
      { id: 3, name: `bad ${canary}`, args: { alias: canary }, hlc: nextHlc(deviceId) },
    ];
    const pushed = await call({ method: 'POST', url: '/api/sync/push', headers, payload: { deviceId, schemaVersion: 1, mutations } });
    expect(pushed.statusCode).toBe(200);
    const pulled = await call({ method: 'GET', url: '/api/sync/pull?cursor=0&schemaVersion=1', headers });
    expect(pulled.body).toContain(canary);
    await call({ method: 'POST', url: '/api/auth/login', payload: { username, password: `${password}-wrong`, deviceId: uuidv7() } });
    await call({ method: 'GET', url: `/api/nope?name=${canary}&u=${username}`, headers });
    await call({ method: 'PATCH', url: `/api/users/${uuidv7()}`, headers, payload: { name: canary } });
    await call({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":"${username}","password":"${canary}"` });
  });

  afterAll(async () => {
    await world?.server.close();
  });

  it('logs no canary, username or password', () => {
    expect(lines.length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [canary, username, password, 'Bearer', 'authorization']) expect(all).not.toContain(secret);
  });

  it('logs exactly one line per request: method, route pattern, status and duration', () => {
    const parsed = lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.msg === 'request');
    expect(parsed).toHaveLength(requests);
    for (const line of parsed) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(['method', 'route', 'status', 'ms']));
      expect(typeof line.ms).toBe('number');
    }
    expect(parsed.map((l) => `${l.method} ${l.route} ${l.status}`)).toEqual([
      'POST /api/auth/login 200',
      'POST /api/sync/push 200',
      'GET /api/sync/pull 200',
      'POST /api/auth/login 401',
      'GET (unmatched) 404',
      'PATCH /api/users/:id 403',
      'POST /api/auth/login 400',
    ]);
  });

  it('keeps no canary, username or password in the audit log', async () => {
    const rows = await world.server.storage.db.selectFrom('audit_log').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows);
    for (const secret of [canary, username, password]) expect(dump).not.toContain(secret);
    const rejections = JSON.stringify(await world.server.storage.db.selectFrom('rejections').selectAll().execute());
    expect(rejections).not.toContain(canary);
  });
});

/**
 * Sign-in and sign-out on every engine, where they race: a phone that retries its sign-in
 * while the first is still in flight sends the same new device id twice, and the two must
 * bind the device once (never a 500); a device id bound to one person stays refused to
 * anyone else however the requests interleave. Signing out ends every session the device
 * holds, not only the token it presented.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { Engine } from './helpers';
import { engines } from './helpers';

const CONCURRENT_SIGN_INS = 20;
/** One round races only sometimes (it depends on when the password checks finish). */
const RACE_ROUNDS = 5;

describe.each(engines)('sessions on $name', (engine: Engine) => {
  let server: TestServer;
  let addressCounter = 0;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });

  afterAll(async () => {
    await server?.close();
  });

  /** Each attempt from its own address, so the login limits never decide a case here. */
  const login = (username: string, password: string, deviceId: string) => {
    addressCounter += 1;
    const remoteAddress = `10.77.${addressCounter >> 8}.${addressCounter & 255}`;
    return server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password, deviceId } });
  };

  it('binds a new device once when the same person signs in on it many times at once', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const user = await server.createUser('outreach_worker');
      const deviceId = uuidv7();
      const answers = await Promise.all(Array.from({ length: CONCURRENT_SIGN_INS }, () => login(user.username, user.password, deviceId)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array.from({ length: CONCURRENT_SIGN_INS }, () => 200));
      const devices = await server.storage.db.selectFrom('devices').select('user_id').where('id', '=', deviceId).execute();
      expect(devices.map((d) => d.user_id)).toEqual([user.id]);
      const tokens = await server.storage.db.selectFrom('tokens').select('user_id').where('device_id', '=', deviceId).execute();
      expect(tokens).toHaveLength(CONCURRENT_SIGN_INS);
    }
  });

  it('binds a new device to one person only when two sign in on it at once', async () => {
    for (let round = 0; round < RACE_ROUNDS; round++) {
      const people = [await server.createUser('outreach_worker'), await server.createUser('outreach_worker')] as const;
      const deviceId = uuidv7();
      const attempts = Array.from({ length: CONCURRENT_SIGN_INS }, (_, i) => people[i % 2]!);
      const answers = await Promise.all(attempts.map(async (user) => ({ user, status: (await login(user.username, user.password, deviceId)).statusCode })));
      const [owner] = await server.storage.db.selectFrom('devices').select('user_id').where('id', '=', deviceId).execute();
      expect(owner).toBeDefined();
      for (const { user, status } of answers) expect(status).toBe(user.id === owner?.user_id ? 200 : 403);
      const tokens = await server.storage.db.selectFrom('tokens').select('user_id').where('device_id', '=', deviceId).execute();
      expect(new Set(tokens.map((t) => t.user_id))).toEqual(new Set([owner?.user_id]));
    }
  });

  it('still refuses a device bound to someone else, and a revoked one', async () => {
    const owner = await server.createUser('outreach_worker');
    const other = await server.createUser('outreach_worker');
    const deviceId = uuidv7();
    expect((await login(owner.username, owner.password, deviceId)).statusCode).toBe(200);
    expect((await login(other.username, other.password, deviceId)).statusCode).toBe(403);
    await server.storage.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).where('id', '=', deviceId).execute();
    expect((await login(owner.username, owner.password, deviceId)).statusCode).toBe(403);
  });

  it('ends every session of the device on sign-out, not only the one presented', async () => {
    const user = await server.createUser('outreach_worker');
    const deviceId = uuidv7();
    const other = uuidv7();
    const tokens: string[] = [];
    for (const id of [deviceId, deviceId, deviceId, other]) {
      const res = await login(user.username, user.password, id);
      expect(res.statusCode).toBe(200);
      tokens.push(res.json<{ token: string }>().token);
    }
    const me = (token: string | undefined) => server.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    const out = await server.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${tokens[1]}` } });
    expect(out.statusCode).toBe(204);
    expect([(await me(tokens[0])).statusCode, (await me(tokens[1])).statusCode, (await me(tokens[2])).statusCode]).toEqual([401, 401, 401]);
    expect((await me(tokens[3])).statusCode).toBe(200);
  });
});

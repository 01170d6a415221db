/**
 * The login limits live in the database, so they hold however many server processes share
 * it: two real server processes on one PostgreSQL count one account's wrong passwords
 * together. The counts are fixed one-minute windows that end (a refused address may try
 * again the next minute), ended windows are dropped, and the table holds neither usernames
 * nor addresses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/server/services/bootstrap';
import type { TestDatabase, TestServer } from '../../src/server/testing';
import { createTestDatabase, createTestServer, TEST_ADMIN_PASSWORD } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import type { ServerProcess } from '../support/server-process';
import { spawnServer } from '../support/server-process';
import type { Engine } from './helpers';
import { engines } from './helpers';

/** Wrong passwords allowed per account and address in a minute (routes/auth.ts). */
const PER_ACCOUNT_AND_ADDRESS = 10;
const MINUTE = 60_000;

describe.each(engines)('login limits on $name', (engine: Engine) => {
  let server: TestServer;
  let clock = Math.ceil(Date.now() / MINUTE) * MINUTE + 1_000;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl, now: () => clock });
  });

  afterAll(async () => {
    await server?.close();
  });

  const login = (username: string, password: string, remoteAddress: string) =>
    server.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { username, password, deviceId: uuidv7() } });

  it('counts a burst that crosses a minute of the clock as one burst', async () => {
    const user = await server.createUser('outreach_worker');
    clock += MINUTE - 2_000; // two seconds before the clock's next minute
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ACCOUNT_AND_ADDRESS; i++) {
      statuses.push((await login(user.username, 'wrong-password', '203.0.113.42')).statusCode);
      clock += 500;
    }
    expect(statuses.slice(0, PER_ACCOUNT_AND_ADDRESS).every((code) => code === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    clock += 2 * MINUTE;
  });

  it('refuses the eleventh wrong password in a minute, and lets the address try again the next minute', async () => {
    const user = await server.createUser('outreach_worker');
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ACCOUNT_AND_ADDRESS; i++) statuses.push((await login(user.username, 'wrong-password', '203.0.113.40')).statusCode);
    expect(statuses).toEqual([...Array.from({ length: PER_ACCOUNT_AND_ADDRESS }, () => 401), 429]);
    expect((await login(user.username, user.password, '203.0.113.40')).statusCode).toBe(429);
    clock += MINUTE;
    expect((await login(user.username, user.password, '203.0.113.40')).statusCode).toBe(200);
  });

  it('keeps neither usernames nor addresses, and drops the windows that ended', async () => {
    const user = await server.createUser('outreach_worker', 'limits.private-name');
    await login(user.username, 'wrong-password', '198.51.100.41');
    const rows = await server.storage.db.selectFrom('rate_limits').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toMatch(/private-name|198\.51\.100|203\.0\.113|127\.0\.0/);
    clock += 2 * MINUTE;
    await login(user.username, 'wrong-password', '198.51.100.41');
    // Every window that ended is gone; what is left started with this attempt.
    const windows = await server.storage.db.selectFrom('rate_limits').select('window_start').distinct().execute();
    expect(windows.map((w) => w.window_start)).toEqual([new Date(clock).toISOString()]);
  });
});

describe.each(engines.filter((e) => e.name === 'postgres'))('login limits across two server processes on $name', (engine: Engine) => {
  let database: TestDatabase;
  const servers: ServerProcess[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(engine.databaseUrl);
    await bootstrap(database.storage, TEST_ADMIN_PASSWORD);
    const databaseUrl = database.databaseUrl;
    if (databaseUrl === undefined) throw new Error('a PostgreSQL test database has a URL');
    for (let i = 0; i < 2; i++) servers.push(await spawnServer({ databaseUrl, adminPassword: TEST_ADMIN_PASSWORD }));
    await Promise.all(servers.map((s) => s.waitUntilListening(50_000)));
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.storage.close();
    await database?.drop();
  });

  const login = async (server: ServerProcess | undefined, password: string): Promise<number> => {
    if (server === undefined) throw new Error('no server');
    const res = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password, deviceId: uuidv7() }),
    });
    return res.status;
  };

  it('counts one account’s wrong passwords from one address across both processes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < PER_ACCOUNT_AND_ADDRESS; i++) statuses.push(await login(servers[i % 2], 'wrong-password'));
    expect(statuses).toEqual(Array.from({ length: PER_ACCOUNT_AND_ADDRESS }, () => 401));
    expect(await login(servers[0], 'wrong-password')).toBe(429);
    expect(await login(servers[1], TEST_ADMIN_PASSWORD)).toBe(429);
  });
});

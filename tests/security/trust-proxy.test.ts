/**
 * Behind a reverse proxy every request arrives from the proxy's address. With
 * LANTERN_TRUST_PROXY naming the proxy, the login limits count each client by the address
 * the proxy forwards, so one client guessing cannot lock everyone else out of sign-in;
 * unset, X-Forwarded-For is ignored, so no client can pick the address it is counted as.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/server/config';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { uuidv7 } from '../../src/shared/ids';
import { engines } from '../storage/helpers';

/** The per-address login limit (routes/auth.ts): the next attempt from that address is refused. */
const PER_ADDRESS = 50;
const PROXY = '127.0.0.1';
/** Limits count in one-minute windows: a clock that stands mid-minute keeps a run inside one. */
const MID_MINUTE = Date.parse('2026-11-30T22:00:30Z');

function trustProxyFrom(value: string | undefined) {
  const parsed = parseConfig({ LANTERN_TRUST_PROXY: value });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.config.trustProxy;
}

describe.each(engines)('behind a reverse proxy on $name', (engine) => {
  let server: TestServer | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const start = async (setting: string | undefined): Promise<TestServer> => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl, trustProxy: trustProxyFrom(setting), now: () => MID_MINUTE });
    return server;
  };

  const login = (s: TestServer, forwardedFor: string, username: string, password: string) =>
    s.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: PROXY, headers: { 'x-forwarded-for': forwardedFor }, payload: { username, password, deviceId: uuidv7() } });

  /** One client guesses many accounts through the proxy until the per-address limit refuses it. */
  async function exhaust(s: TestServer, forwardedFor: (i: number) => string): Promise<number[]> {
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ADDRESS; i++) statuses.push((await login(s, forwardedFor(i), `nobody.${i}`, 'wrong-password')).statusCode);
    return statuses;
  }

  it('limits two clients separately when the proxy is trusted', async () => {
    const s = await start(`${PROXY}, 10.20.0.0/16`);
    const user = await s.createUser('outreach_worker');
    const statuses = await exhaust(s, () => '203.0.113.5');
    expect(statuses.slice(0, PER_ADDRESS).every((code) => code === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect((await login(s, '203.0.113.5', user.username, user.password)).statusCode).toBe(429);
    expect((await login(s, '198.51.100.9', user.username, user.password)).statusCode).toBe(200);
  });

  it('counts a client by the address the proxy saw, whatever it puts in X-Forwarded-For itself', async () => {
    const s = await start(PROXY);
    const statuses = await exhaust(s, (i) => `10.1.${i}.1, 203.0.113.6`);
    expect(statuses.at(-1)).toBe(429);
  });

  it('counts a client that reaches the server directly by its own address, even with a proxy trusted', async () => {
    const s = await start(PROXY);
    const statuses: number[] = [];
    for (let i = 0; i <= PER_ADDRESS; i++) {
      const res = await s.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '198.51.100.77', headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { username: `nobody.${i}`, password: 'wrong-password', deviceId: uuidv7() } });
      statuses.push(res.statusCode);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const s = await start(undefined);
    const user = await s.createUser('outreach_worker');
    const statuses = await exhaust(s, (i) => `203.0.113.${i}`);
    expect(statuses.at(-1)).toBe(429);
    expect((await login(s, '198.51.100.9', user.username, user.password)).statusCode).toBe(429);
  });
});

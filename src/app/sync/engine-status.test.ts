import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import { uuidv7 } from '../../shared/ids';
import { createPassthroughCipher } from '../db/cipher';
import { createClientsRepository } from '../db/repositories/clients';
import { createTestDb, testSession } from '../db/test-support';
import { ApiError, createApiClient, type ApiClient } from './api-client';
import { createSyncEngine, type SyncStatus } from './engine';
import { TestServer } from './test-server';
import type { SyncTimers } from './triggers';

/**
 * What the engine reports (status, results, listeners) and which lock it takes; engine.test.ts
 * covers what it moves.
 */
const cipher = createPassthroughCipher();
const NOW = Date.UTC(2025, 0, 9);

/** Timers that never fire, but say which are set. */
function heldTimers() {
  const live = new Set<number>();
  let next = 0;
  const timers: SyncTimers = {
    setTimeout: () => (live.add(++next), next),
    clearTimeout: (handle) => void live.delete(handle as number),
    setInterval: () => (live.add(++next), next),
    clearInterval: (handle) => void live.delete(handle as number),
  };
  return { timers, live };
}

function setup(options: { api?: (server: TestServer) => ApiClient } = {}) {
  const db = createTestDb();
  const server = new TestServer(testSession);
  const api = options.api?.(server) ?? createApiClient({ fetch: server.fetch, getToken: () => 'token-'.repeat(8) });
  const clock = heldTimers();
  const engine = createSyncEngine({ db, cipher, api, timers: clock.timers, getSession: () => testSession, random: () => 0.5, now: () => NOW });
  const clients = createClientsRepository({ db, cipher, getSession: () => testSession });
  return { db, server, api, engine, clients, clock };
}

const other = (alias: string): ClientRecord => ({
  id: uuidv7(), alias, teamId: testSession.teamId, createdBy: uuidv7(),
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: {},
});

/** An API whose every call fails with `error`. */
const failing = (error: Error) => (): ApiClient => {
  const fail = () => Promise.reject(error);
  return { login: fail, logout: fail, listUsers: fail, createUser: fail, updateUser: fail, resetPassword: fail, changePassword: fail, listDevices: fail, listAudit: fail, report: fail, exportSubjectAccess: fail, listErasures: fail, requestErasure: fail, confirmErasure: fail, cancelErasure: fail, revokeDevice: fail, updateTeam: fail, auditEvent: fail, me: fail, push: fail, pull: fail };
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sync engine status', () => {
  it('starts idle with nothing known', () => {
    const { engine } = setup();
    expect(engine.getStatus()).toEqual({ state: 'idle', pending: 0, rejected: 0, oldestPendingAt: null, lastSyncedAt: null, lastError: null, firstSync: null });
  });

  it('says it is syncing, then how far a first sync got, then that it is done', async () => {
    const { server, engine } = setup();
    server.addChange(other('One'));
    server.addChange(other('Two'));
    const seen: SyncStatus[] = [];
    engine.subscribe((status) => seen.push(status));
    expect(await engine.syncNow()).toEqual({ outcome: 'synced', pushed: 0, pulled: 2 });
    expect(seen[0]).toMatchObject({ state: 'syncing', firstSync: null });
    expect(seen.map((s) => s.firstSync)).toContainEqual({ pulled: 2, total: 2, done: false });
    expect(seen.at(-1)).toMatchObject({ state: 'idle', lastSyncedAt: NOW, firstSync: { pulled: 2, total: 2, done: true } });
  });

  it('shows no first-sync progress for a sync that continues from a cursor', async () => {
    const { server, engine } = setup();
    server.addChange(other('First'));
    await engine.syncNow();
    server.addChange(other('Later'));
    const seen: SyncStatus[] = [];
    engine.subscribe((status) => seen.push(status));
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced', pulled: 1 });
    expect(seen.every((s) => s.firstSync === null)).toBe(true);
  });

  it('stops telling a listener once it unsubscribes', async () => {
    const { engine } = setup();
    const listener = vi.fn();
    const unsubscribe = engine.subscribe(listener);
    await engine.syncNow();
    const calls = listener.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    unsubscribe();
    await engine.syncNow();
    expect(listener).toHaveBeenCalledTimes(calls);
  });

  it('shows when it last synced and the last error after the app is opened again', async () => {
    const first = setup();
    await first.engine.syncNow();
    first.server.faults.pull.push({ kind: 'network' });
    await first.engine.syncNow();
    const reopened = createSyncEngine({ db: first.db, cipher, api: first.api, timers: heldTimers().timers, getSession: () => testSession, now: () => NOW });
    reopened.notifyLocalWrite();
    await vi.waitFor(() => expect(reopened.getStatus().lastSyncedAt).toBe(NOW));
    expect(reopened.getStatus().lastError).toMatchObject({ code: 'offline', message: 'No connection; changes are kept on this device.', at: NOW });
  });
});

describe('sync engine failures', () => {
  it('asks the person to sign in again on a 401 without wipe, and waits for them', async () => {
    const { engine, server, clock } = setup();
    server.faults.pull.push({ kind: 'status', status: 401, body: { error: 'unauthorized', message: 'Expired.' } });
    expect(await engine.syncNow()).toEqual({
      outcome: 'error', retryInMs: null, error: { code: 'unauthorized', message: 'Sign in again to sync.', at: NOW },
    });
    expect(engine.getStatus()).toMatchObject({ state: 'error', lastError: { code: 'unauthorized' } });
    expect(clock.live.size).toBe(0);
  });

  it('retries what went wrong on the device itself, without blaming the server', async () => {
    const { engine } = setup({ api: failing(new Error('disk full')) });
    expect(await engine.syncNow()).toEqual({
      outcome: 'error', retryInMs: 1_000, error: { code: 'device', message: 'Sync failed on this device; it will retry.', at: NOW },
    });
  });

  it('wipes only on a 401: a wipe flag on another status is retried', async () => {
    const { engine } = setup({ api: failing(new ApiError(503, 'unavailable', 'Busy.', true)) });
    const onWipe = vi.fn();
    engine.onWipe(onWipe);
    expect(await engine.syncNow()).toMatchObject({ outcome: 'error', error: { code: 'unavailable', message: 'Busy.' } });
    expect(onWipe).not.toHaveBeenCalled();
  });

  it('answers wiped, tells only current wipe listeners, and never starts again', async () => {
    const { engine, server, clock } = setup();
    const kept = vi.fn();
    const dropped = vi.fn();
    engine.onWipe(kept);
    engine.onWipe(dropped)();
    server.faults.pull.push({ kind: 'status', status: 401, body: { error: 'unauthorized', message: 'Revoked.', wipe: true } });
    expect(await engine.syncNow()).toEqual({ outcome: 'wiped' });
    expect(kept).toHaveBeenCalledTimes(1);
    expect(dropped).not.toHaveBeenCalled();
    engine.start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.requests).toEqual(['pull']);
    expect(clock.live.size).toBe(0); // no timer, no listener: nothing wakes it
  });

  it('removes its timers when stopped', async () => {
    const { engine, clock } = setup();
    engine.start();
    engine.notifyLocalWrite();
    expect(clock.live.size).toBeGreaterThan(0);
    engine.stop();
    expect(clock.live.size).toBe(0);
    await engine.syncNow();
  });
});

describe('sync engine lock', () => {
  it('syncs under the browser\'s Web Lock when there is one', async () => {
    const requested: string[] = [];
    vi.stubGlobal('navigator', { locks: { request: (name: string, callback: () => Promise<unknown>) => (requested.push(name), callback()) } });
    const db = createTestDb();
    const server = new TestServer(testSession);
    const api = createApiClient({ fetch: server.fetch, getToken: () => null });
    const engine = createSyncEngine({ db, cipher, api, timers: heldTimers().timers, getSession: () => testSession });
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced' });
    expect(requested).toEqual(['lantern-sync']);
  });

  it('syncs one cycle at a time with an in-page lock where there is none', async () => {
    vi.stubGlobal('navigator', undefined);
    const db = createTestDb();
    const server = new TestServer(testSession);
    const api = createApiClient({ fetch: server.fetch, getToken: () => null });
    const engine = createSyncEngine({ db, cipher, api, timers: heldTimers().timers, getSession: () => testSession });
    await createClientsRepository({ db, cipher, getSession: () => testSession }).create({ alias: 'Once' });
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced', pushed: 1 });
    expect(server.applied).toHaveLength(1);
  });
});

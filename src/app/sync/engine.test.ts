import { describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import { uuidv7 } from '../../shared/ids';
import { createPassthroughCipher } from '../db/cipher';
import { getCursor, getMeta } from '../db/meta';
import { createClientsRepository } from '../db/repositories/clients';
import { createTestDb, testSession } from '../db/test-support';
import { createApiClient } from './api-client';
import { createSyncEngine, type LockManagerLike } from './engine';
import { TestServer } from './test-server';
import type { SyncTimers } from './triggers';

const cipher = createPassthroughCipher();

function manualTimers() {
  const timeouts = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const timers: SyncTimers = {
    setTimeout: (callback, ms) => (timeouts.set(++next, { callback, ms }), next),
    clearTimeout: (handle) => void timeouts.delete(handle as number),
    setInterval: () => 0,
    clearInterval: () => undefined,
  };
  const fire = (): number[] => {
    const due = [...timeouts.entries()];
    timeouts.clear();
    for (const [, { callback }] of due) callback();
    return due.map(([, { ms }]) => ms);
  };
  return { timers, timeouts, fire };
}

function setup(options: { random?: () => number } = {}) {
  const db = createTestDb();
  const server = new TestServer(testSession);
  const api = createApiClient({ fetch: server.fetch, getToken: () => 'token-'.repeat(8) });
  const requested: string[] = [];
  const locks: LockManagerLike = { request: (name, callback) => (requested.push(name), callback()) };
  const clock = manualTimers();
  const engine = createSyncEngine({
    db, cipher, api, locks, timers: clock.timers, getSession: () => testSession, random: options.random ?? (() => 0.5), now: () => Date.UTC(2025, 0, 9),
  });
  const clients = createClientsRepository({ db, cipher, getSession: () => testSession });
  return { db, server, engine, clients, clock, requested };
}

const other = (alias: string): ClientRecord => ({
  id: uuidv7(), alias, teamId: testSession.teamId, createdBy: uuidv7(),
  createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: {},
});

describe('sync engine', () => {
  it('pushes the outbox, pulls everything, and reports idle under the sync lock', async () => {
    const { db, server, engine, clients, requested } = setup();
    server.addChange(other('From another device'));
    const mine = await clients.create({ alias: 'Mine' });

    expect(await engine.syncNow()).toEqual({ outcome: 'synced', pushed: 1, pulled: 2 });
    expect(server.applied.map((m) => (m.args as { id: string }).id)).toEqual([mine.id]);
    expect((await clients.list()).map((c) => c.alias)).toEqual(['From another device', 'Mine']);
    expect(engine.getStatus()).toMatchObject({ state: 'idle', pending: 0, rejected: 0, lastError: null, firstSync: { done: true } });
    expect(await getCursor(db)).toBe(2);
    expect(requested).toEqual(['lantern-sync']);
  });

  it('pulls in pages until the server has no more', async () => {
    const { db, server, clients } = setup();
    for (let i = 0; i < 5; i++) server.addChange(other(`c${i}`));
    const paged = createSyncEngine({
      db, cipher, api: createApiClient({ fetch: server.fetch, getToken: () => null }), getSession: () => testSession, pullLimit: 2, locks: null,
    });
    expect(await paged.syncNow()).toMatchObject({ pulled: 5 });
    expect(server.requests.filter((r) => r === 'pull')).toHaveLength(3);
    expect((await clients.list()).map((c) => c.alias).sort()).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(await getCursor(db)).toBe(5);
    expect(paged.getStatus()).toMatchObject({ state: 'idle', firstSync: { pulled: 5, done: true } });
  });

  it('goes offline on a network error, keeps the outbox, and retries with backoff', async () => {
    const { server, engine, clients, clock } = setup();
    await clients.create({ alias: 'Kept' });
    server.faults.push.push({ kind: 'network' });
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().state).toBe('offline'));
    expect(engine.getStatus()).toMatchObject({ pending: 1, lastError: { code: 'offline' } });
    expect([...clock.timeouts.values()].map((t) => t.ms)).toEqual([1_000]); // 0.5 × 2 s

    clock.fire();
    await vi.waitFor(() => expect(engine.getStatus().state).toBe('idle'));
    expect(engine.getStatus()).toMatchObject({ pending: 0, lastError: null });
    engine.stop();
  });

  it('backs off exponentially with full jitter on 503, up to the cap, and resets on success', async () => {
    const { server, engine } = setup({ random: () => 0.999 });
    const unavailable = { kind: 'status' as const, status: 503, body: { error: 'unavailable', message: 'Try later.' } };
    server.faults.pull.push(unavailable, unavailable, unavailable);
    const delays = [];
    for (let i = 0; i < 3; i++) {
      const result = await engine.syncNow();
      expect(result).toMatchObject({ outcome: 'error', error: { code: 'unavailable' } });
      delays.push(result.outcome === 'error' ? result.retryInMs : null);
    }
    expect(delays).toEqual([1_998, 3_996, 7_992]);
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced' });
    server.faults.pull.push(unavailable);
    expect(await engine.syncNow()).toMatchObject({ retryInMs: 1_998 });
  });

  it('re-sends a push whose answer was lost, and the server applies it exactly once', async () => {
    const { db, server, engine, clients } = setup();
    await clients.create({ alias: 'Once' });
    await clients.create({ alias: 'Twice?' });
    server.faults.push.push({ kind: 'commit-then-network' });

    expect(await engine.syncNow()).toMatchObject({ outcome: 'offline' });
    expect(server.lastMutationId).toBe(2);
    expect(await db.outbox.count()).toBe(2); // the device cannot know yet

    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced', pushed: 2 });
    expect(server.applied).toHaveLength(2);
    expect(await db.outbox.count()).toBe(0);
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced', pushed: 0 });
    expect(server.applied).toHaveLength(2);
  });

  it('keeps rejected entries visible after a sync', async () => {
    const { db, server, engine, clients } = setup();
    await clients.create({ alias: 'Refused' });
    server.rejectIds.add(1);
    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced' });
    expect(engine.getStatus()).toMatchObject({ pending: 0, rejected: 1 });
    expect(await db.outbox.get(1)).toMatchObject({ status: 'rejected', rejection: { code: 'forbidden' } });
  });

  it('tells the server at each pull what it still holds, for its team lead', async () => {
    const { server, engine, clients } = setup();
    await clients.create({ alias: 'Refused' });
    await clients.create({ alias: 'Taken' });
    server.rejectIds.add(1);
    await engine.syncNow();
    expect(server.reports).toEqual([{ waiting: '0', attention: '1' }]);
  });

  it('on 409 resync starts over from cursor 0 and keeps the outbox and unsynced records', async () => {
    const { db, server, engine, clients } = setup();
    const gone = other('Deleted while away');
    server.addChange(gone);
    await engine.syncNow();
    server.changes = server.changes.filter((c) => c.id !== gone.id); // tombstone expired
    server.addChange(other('Fresh'));
    let late = '';
    server.beforeAnswer = async (route) => {
      if (route !== 'pull') return;
      server.beforeAnswer = null;
      late = (await clients.create({ alias: 'Written during pull' })).id; // pending during the resync
    };
    await clients.create({ alias: 'Pushed' });
    server.faults.pull.push({ kind: 'status', status: 409, body: { error: 'resync', message: 'Start over.' } });

    expect(await engine.syncNow()).toMatchObject({ outcome: 'synced' });
    expect((await clients.list()).map((c) => c.alias)).toEqual(['Fresh', 'Pushed', 'Written during pull']);
    expect((await db.outbox.toArray()).map((e) => e.target.id)).toEqual([late]);
    expect(engine.getStatus().firstSync).toEqual({ pulled: 2, total: 2, done: true });
    expect(await getCursor(db)).toBeGreaterThan(0);
  });

  it('emits wipe on 401 with wipe and stops syncing for good', async () => {
    const { server, engine, clock } = setup();
    const onWipe = vi.fn();
    engine.onWipe(onWipe);
    server.faults.pull.push({ kind: 'status', status: 401, body: { error: 'unauthorized', message: 'Revoked.', wipe: true } });
    engine.start();
    await vi.waitFor(() => expect(onWipe).toHaveBeenCalledTimes(1));
    expect(clock.timeouts.size).toBe(0);
    expect(await engine.syncNow()).toEqual({ outcome: 'wiped' });
    expect(server.requests).toEqual(['pull']);
  });

  it('asks for an update on 426 and does not retry by itself', async () => {
    const { db, server, engine, clock } = setup();
    server.faults.pull.push({ kind: 'status', status: 426, body: { error: 'upgrade_required', message: 'Too old.' } });
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().state).toBe('error'));
    expect(engine.getStatus().lastError?.code).toBe('upgrade_required');
    expect(engine.getStatus().lastError?.message).toMatch(/update required/i);
    expect(await getMeta(db, 'lastError')).toMatchObject({ code: 'upgrade_required' });
    expect(clock.timeouts.size).toBe(0);
    engine.stop();
  });

  it('debounces local writes into one sync', async () => {
    const { server, engine, clients, clock } = setup();
    await clients.create({ alias: 'A' });
    engine.notifyLocalWrite();
    engine.notifyLocalWrite();
    expect([...clock.timeouts.values()].map((t) => t.ms)).toEqual([1_500]);
    clock.fire();
    await vi.waitFor(() => expect(server.applied).toHaveLength(1));
  });

  it('coalesces overlapping syncNow calls', async () => {
    const { server, engine } = setup();
    const results = await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(results.every((r) => r.outcome === 'synced')).toBe(true);
    expect(server.requests.filter((r) => r === 'pull')).toHaveLength(2);
  });
});

/**
 * The in-memory client index under `liveQuery`: a live search must see a local create, a
 * local update and a pulled change, never a stale answer; `forget()` drops it; a resync
 * (cleared table) reloads it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import { encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import { applyPullPage, resetForResync } from '../sync/apply-pull';
import { createPassthroughCipher } from './cipher';
import { changedSince, INITIAL_CLIENT_LOG, noteClientChanges, readClientChanges } from './client-changes';
import { createAesGcmCipher } from './crypto/aes-gcm-cipher';
import { createTestDataKey } from './crypto/test-keys';
import { createClientsRepository } from './repositories/clients';
import { createTestDb, observeLiveQuery, testSession, withGlobalIndexedDb } from './test-support';

const serverClient = (id: string, alias: string): ClientRecord => ({
  id, alias, teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-05T00:00:00.000Z',
  updatedAt: '2025-01-05T00:00:00.000Z', clocks: { alias: encodeHlc({ wallMs: 1, counter: 0, deviceId: 'server' }) },
});
const pullOf = (record: ClientRecord, cursor: number) => ({
  changes: [{ collection: 'clients' as const, id: record.id, seq: cursor, deleted: false, record }],
  cursor, hasMore: false, lastMutationId: 0, serverTime: Date.UTC(2025, 0, 10),
});

describe('client index under liveQuery', () => {
  withGlobalIndexedDb();

  it('observes a create, an update and a pulled change, with the AES-GCM cipher', async () => {
    const db = createTestDb();
    const cipher = createAesGcmCipher(await createTestDataKey());
    const repo = createClientsRepository({ db, cipher, getSession: () => testSession });
    const amaya = await repo.create({ alias: 'Amaya' });
    const live = observeLiveQuery(() => repo.search('a'));
    const aliases = () => live.seen.at(-1)?.map((c) => c.alias);
    await expect.poll(aliases).toEqual(['Amaya']);

    await repo.create({ alias: 'Sasha' });
    await expect.poll(aliases).toEqual(['Amaya', 'Sasha']);
    await repo.update(amaya.id, { alias: 'Maya' });
    await expect.poll(aliases).toEqual(['Maya', 'Sasha']);
    const pulled = serverClient(uuidv7(), 'Alba');
    await applyPullPage(db, cipher, pullOf(pulled, 1), { session: testSession });
    await expect.poll(aliases).toEqual(['Alba', 'Maya', 'Sasha']);
    await applyPullPage(db, cipher, pullOf({ ...pulled, alias: 'Zed' }, 2), { session: testSession });
    await expect.poll(aliases).toEqual(['Maya', 'Sasha']);
    live.stop();
    expect(live.errors).toEqual([]);
  });

  it('refreshes only changed ids after the first load, and reloads after forget() and resync', async () => {
    const db = createTestDb();
    const cipher = createPassthroughCipher();
    const open = vi.spyOn(cipher, 'open');
    const repo = createClientsRepository({ db, cipher, getSession: () => testSession });
    for (const alias of ['A1', 'A2', 'A3']) await repo.create({ alias });
    expect(await repo.search('a')).toHaveLength(3);
    open.mockClear();
    await repo.create({ alias: 'A4' });
    expect(await repo.search('a4')).toHaveLength(1);
    expect(open).toHaveBeenCalledTimes(1);
    repo.forget();
    open.mockClear();
    expect(await repo.search('')).toHaveLength(4);
    expect(open).toHaveBeenCalledTimes(4);
    await resetForResync(db, cipher, testSession); // keeps the pending creates
    await db.outbox.clear();
    await resetForResync(db, cipher, testSession); // now nothing is kept
    expect(await repo.search('')).toEqual([]);
  });
});

describe('client change log', () => {
  it('lists ids changed since a stamp, and cannot tell for an unknown one', async () => {
    const db = createTestDb();
    expect(await readClientChanges(db)).toEqual(INITIAL_CLIENT_LOG);
    await db.transaction('rw', db.meta, () => noteClientChanges(db, ['a', 'b']));
    const first = await readClientChanges(db);
    await db.transaction('rw', db.meta, () => noteClientChanges(db, ['c']));
    const log = await readClientChanges(db);
    expect(changedSince(log, 'initial')).toEqual(['a', 'b', 'c']);
    expect(changedSince(log, first.entries[0]!.stamp)).toEqual(['c']);
    expect(changedSince(log, 'rolled-back')).toBeNull();
  });
});

import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import type { PullResponse, PushRequest, PushResponse } from '../../shared/sync/wire';
import { createPassthroughCipher } from '../db/cipher';
import { recordLocalChange } from '../db/local-write';
import { getCursor, loadHlc } from '../db/meta';
import { createTestDb, testSession } from '../db/test-support';
import { ApiError, type ApiClient, type PullParams } from './api-client';
import { IncompleteAcknowledgementError, pullChanges, pushOutbox, type CycleDeps } from './sync-cycle';

/** The cycle's steps against a scripted server: what is counted, when it stops, what it passes on. */
const cipher = createPassthroughCipher();
const serverTime = Date.UTC(2025, 0, 10);

async function deviceWithWrites(count: number) {
  const db = createTestDb();
  for (let i = 0; i < count; i++) {
    const command = { name: 'client.create' as const, args: { id: uuidv7(), profile: { alias: `c${i}` } } };
    await recordLocalChange(db, cipher, { command, session: testSession }, { now: () => Date.UTC(2025, 0, 1) });
  }
  return db;
}

function deps(db: CycleDeps['db'], api: Partial<ApiClient>, extra: Partial<CycleDeps> = {}): CycleDeps {
  return { db, cipher, api: api as ApiClient, schemaVersion: 1, now: () => Date.UTC(2025, 0, 1), session: testSession, ...extra };
}

describe('pushOutbox', () => {
  it('counts what the server took, and fails when it took less than it was sent', async () => {
    const db = await deviceWithWrites(3);
    const push = vi.fn(async (request: PushRequest): Promise<PushResponse> => ({ lastMutationId: request.mutations[1]?.id ?? 0, rejections: [], serverTime }));
    const attempt = pushOutbox(deps(db, { push }));
    await expect(attempt).rejects.toBeInstanceOf(IncompleteAcknowledgementError);
    await expect(attempt).rejects.toThrow('the server did not take the whole batch');
    expect(await db.outbox.count()).toBe(1);
  });

  it('moves the device clock up to the server\'s time', async () => {
    const db = await deviceWithWrites(1);
    const push = async (request: PushRequest): Promise<PushResponse> => ({ lastMutationId: request.mutations.at(-1)?.id ?? 0, rejections: [], serverTime });
    expect(await pushOutbox(deps(db, { push }))).toBe(1);
    expect((await loadHlc(db)).wallMs).toBe(serverTime);
  });
});

describe('pullChanges', () => {
  const empty = (cursor: number, hasMore: boolean): PullResponse => ({ changes: [], cursor, hasMore, lastMutationId: 0, serverTime });

  it('stops at a page that does not move the cursor, even if the server says there is more', async () => {
    const db = createTestDb();
    const pull = vi.fn(async (): Promise<PullResponse> => empty(0, true));
    expect(await pullChanges(deps(db, { pull }), () => undefined)).toBe(0);
    expect(pull).toHaveBeenCalledTimes(1);
  });

  it('reports progress from scratch only for a pull from cursor 0', async () => {
    const db = createTestDb();
    const pages = [empty(3, false), empty(5, false)];
    const pull = async (): Promise<PullResponse> => pages.shift() ?? empty(5, false);
    const progress: [number, boolean][] = [];
    await pullChanges(deps(db, { pull }), (pulled, fromScratch) => progress.push([pulled, fromScratch]));
    expect(await getCursor(db)).toBe(3);
    await pullChanges(deps(db, { pull }), (pulled, fromScratch) => progress.push([pulled, fromScratch]));
    expect(progress).toEqual([[0, true], [0, false]]);
  });

  it('hands records it cannot read to the caller\'s handler', async () => {
    const db = createTestDb();
    const onUnreadable = vi.fn();
    const id = uuidv7();
    const pull = async (): Promise<PullResponse> => ({
      changes: [{ collection: 'clients', id, seq: 1, deleted: false, record: { id, alias: 42 } }], cursor: 1, hasMore: false, lastMutationId: 0, serverTime,
    });
    await pullChanges(deps(db, { pull }, { onUnreadable }), () => undefined);
    expect(onUnreadable).toHaveBeenCalledWith(expect.objectContaining({ collection: 'clients', id }));
  });

  it('a page whose write fails leaves neither its records nor its cursor; the next pull resumes with nothing missing and nothing twice', async () => {
    const db = createTestDb();
    const clients = Array.from({ length: 7 }, (_, i) => ({
      id: uuidv7(), alias: `c${i}`, teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-05T00:00:00.000Z', updatedAt: '2025-01-05T00:00:00.000Z', clocks: {},
    }));
    const served: number[] = [];
    const pull = vi.fn(async ({ cursor, limit }: { cursor: number; limit: number }): Promise<PullResponse> => {
      served.push(cursor);
      const page = clients.slice(cursor, cursor + limit);
      const changes = page.map((record, i) => ({ collection: 'clients' as const, id: record.id, seq: cursor + i + 1, deleted: false, record }));
      return { changes, cursor: cursor + page.length, hasMore: cursor + page.length < clients.length, lastMutationId: 0, serverTime };
    });
    // The third page's transaction aborts at its last write (the cursor), as a crash would.
    let writes = 0;
    const realPut = db.meta.put.bind(db.meta);
    const spy = vi.spyOn(db.meta, 'put').mockImplementation((row, key) => {
      if (row.key === 'cursor' && ++writes === 3) throw new Error('the tab was closed');
      return realPut(row, key);
    });
    await expect(pullChanges(deps(db, { pull }, { pullLimit: 2 }), () => undefined)).rejects.toThrow('the tab was closed');
    expect(await getCursor(db)).toBe(4);
    expect(await db.records('clients').count()).toBe(4);
    spy.mockRestore();

    expect(await pullChanges(deps(db, { pull }, { pullLimit: 2 }), () => undefined)).toBe(3);
    expect(await getCursor(db)).toBe(7);
    expect((await db.records('clients').toCollection().primaryKeys()).sort()).toEqual(clients.map((c) => c.id).sort());
    // The failed page was fetched again from the stored cursor; the page fetched ahead of it was dropped.
    expect(served).toEqual([0, 2, 4, 6, 4, 6]);
  });

  describe('with a first page asked for ahead (at sign-in)', () => {
    const person = (alias: string) => ({ id: uuidv7(), alias, teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-05T00:00:00.000Z', updatedAt: '2025-01-05T00:00:00.000Z', clocks: {} });
    const pageOf = (alias: string, cursor: number, hasMore: boolean): PullResponse => {
      const record = person(alias);
      return { changes: [{ collection: 'clients', id: record.id, seq: cursor, deleted: false, record }], cursor, hasMore, lastMutationId: 0, serverTime, remaining: hasMore ? 1 : 0 };
    };
    const clientCount = async (db: CycleDeps['db']) => db.records('clients').count();

    it('stores it without asking for it again, then pages on from its cursor', async () => {
      const db = createTestDb();
      const pull = vi.fn(async (_params: PullParams): Promise<PullResponse> => pageOf('Second', 2, false));
      expect(await pullChanges(deps(db, { pull }, { firstPage: Promise.resolve(pageOf('First', 1, true)) }), () => undefined)).toBe(2);
      expect(pull.mock.calls.map(([params]) => params.cursor)).toEqual([1]);
      expect(await clientCount(db)).toBe(2);
      expect(await getCursor(db)).toBe(2);
    });

    it('asks from 0 itself when asking ahead failed', async () => {
      const db = createTestDb();
      const pull = vi.fn(async (_params: PullParams): Promise<PullResponse> => pageOf('Only', 1, false));
      await pullChanges(deps(db, { pull }, { firstPage: Promise.resolve(null) }), () => undefined);
      expect(pull.mock.calls.map(([params]) => [params.cursor, params.count])).toEqual([[0, true]]);
    });

    it('never uses it again after a 409: the refill from 0 asks the server anew', async () => {
      const db = createTestDb();
      const answers: (() => PullResponse)[] = [
        () => {
          throw new ApiError(409, 'resync', 'This device needs a full refresh of its data.');
        },
        () => pageOf('Anew', 1, false),
      ];
      const pull = vi.fn(async (_params: PullParams): Promise<PullResponse> => (answers.shift() ?? (() => pageOf('Anew', 1, false)))());
      await pullChanges(deps(db, { pull }, { firstPage: Promise.resolve(pageOf('Stale', 1, true)) }), () => undefined);
      expect(pull.mock.calls.map(([params]) => params.cursor)).toEqual([1, 0]);
      const stored = await db.records('clients').toArray();
      expect(stored).toHaveLength(1);
      expect(await cipher.open(stored[0]!.enc)).toMatchObject({ alias: 'Anew' });
    });
  });
});

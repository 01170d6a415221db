import { describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import type { NoteRecord } from '../../shared/domain/note';
import { compareHlc, decodeHlc, encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import type { Change, PullResponse } from '../../shared/sync/wire';
import { createPassthroughCipher } from '../db/cipher';
import { changedSince, INITIAL_CLIENT_LOG, readClientChanges } from '../db/client-changes';
import { createClientIndex } from '../db/client-index';
import { loadHlc } from '../db/meta';
import { createTestDb, testSession } from '../db/test-support';
import { applyPullPage } from './apply-pull';

/** What applying one page does besides storing it: skipping, tombstones, the clock, the change log. */
const cipher = createPassthroughCipher();
const serverTime = Date.UTC(2025, 0, 10);
const clock = (day: number, counter = 0) => encodeHlc({ wallMs: Date.UTC(2025, 0, day), counter, deviceId: 'other-device' });
const options = { session: testSession, now: () => Date.UTC(2025, 0, 1) };

function client(alias: string, clocks: Record<string, string> = {}): ClientRecord {
  return {
    id: uuidv7(), alias, teamId: testSession.teamId, createdBy: testSession.userId,
    createdAt: '2025-01-05T00:00:00.000Z', updatedAt: '2025-01-05T00:00:00.000Z', clocks,
  };
}

const note = (): NoteRecord => ({
  id: uuidv7(), clientId: uuidv7(), body: 'Seen at the station', level: 'team', teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-05T00:00:00.000Z',
});

const page = (changes: Change[], cursor: number): PullResponse => ({ changes, cursor, hasMore: false, lastMutationId: 0, serverTime });
const put = (collection: Change['collection'], record: { id: string }, seq: number): Change => ({ collection, id: record.id, seq, deleted: false, record });

describe('applyPullPage', () => {
  it('skips a record that does not parse or is not the record the change names, and says why', async () => {
    const db = createTestDb();
    const onUnreadable = vi.fn<(report: { problems: readonly string[] }) => void>();
    const good = client('Good');
    const swapped = client('Swapped');
    const broken = { ...client('Broken'), clocks: { alias: 'not a clock' } };
    const changes = [put('clients', good, 1), { ...put('clients', swapped, 2), id: uuidv7() }, put('clients', broken, 3)];
    expect(await applyPullPage(db, cipher, page(changes, 3), { ...options, onUnreadable })).toEqual({ written: 1, deleted: 0, skipped: 2 });
    expect(onUnreadable.mock.calls.map(([report]) => report.problems)).toEqual([
      ['id: does not match the change'],
      ['clocks.alias: invalid_format'],
    ]);
    expect(await db.records('clients').count()).toBe(1);
  });

  it('treats a change without a record as a tombstone', async () => {
    const db = createTestDb();
    const gone = client('Gone');
    await applyPullPage(db, cipher, page([put('clients', gone, 1)], 1), options);
    const result = await applyPullPage(db, cipher, page([{ collection: 'clients', id: gone.id, seq: 2, deleted: false, record: null }], 2), options);
    expect(result).toEqual({ written: 0, deleted: 1, skipped: 0 });
    expect(await db.records('clients').get(gone.id)).toBeUndefined();
  });

  it('moves the device clock past the highest field clock pulled, wherever it is in the page', async () => {
    const db = createTestDb();
    const highest = clock(20, 3);
    const records = [client('A', { alias: clock(12) }), client('B', { alias: clock(15), usualAreas: highest, pronouns: clock(20, 1) }), client('C', { alias: clock(11) })];
    await applyPullPage(db, cipher, page(records.map((r, i) => put('clients', r, i + 1)), 3), options);
    const device = await loadHlc(db);
    expect(compareHlc(device, decodeHlc(highest))).toBe(1);
    expect(device).toMatchObject({ wallMs: Date.UTC(2025, 0, 20), counter: 5 }); // past the clock, then past the server's time
  });

  it('logs the clients it writes, and only clients', async () => {
    const db = createTestDb();
    const [kept, other] = [client('Kept'), client('Other')];
    await applyPullPage(db, cipher, page([put('clients', other, 1)], 1), options);
    const before = await readClientChanges(db);
    const stamp = before.entries.at(-1)?.stamp ?? INITIAL_CLIENT_LOG.base;
    const changes: Change[] = [put('clients', kept, 2), put('notes', note(), 3), { collection: 'notes', id: uuidv7(), seq: 4, deleted: true, record: null }];
    await applyPullPage(db, cipher, page(changes, 4), options);
    expect(changedSince(await readClientChanges(db), stamp)).toEqual([kept.id]);
  });

  it('starts the log afresh when a client is erased, so it keeps no erased id and the search index reloads', async () => {
    const db = createTestDb();
    const [kept, removed] = [client('Kept'), client('Removed')];
    await applyPullPage(db, cipher, page([put('clients', removed, 1)], 1), options);
    const stamp = (await readClientChanges(db)).entries.at(-1)?.stamp ?? INITIAL_CLIENT_LOG.base;
    await applyPullPage(db, cipher, page([put('clients', kept, 2), { collection: 'clients', id: removed.id, seq: 3, deleted: true, record: null }], 3), options);
    const log = await readClientChanges(db);
    expect(changedSince(log, stamp)).toBeNull(); // the log cannot tell: reload everything
    expect(JSON.stringify(log)).not.toContain(removed.id);
  });

  it("hands its clients to this tab's search index, which then opens none of them; after a lock it reads them back", async () => {
    const db = createTestDb();
    const opened = vi.fn();
    const counting = { seal: (value: unknown) => cipher.seal(value), open: (sealed: Parameters<typeof cipher.open>[0]) => (opened(), cipher.open(sealed)) };
    const index = createClientIndex(db, counting);
    expect(await index.search('')).toEqual([]);
    const [ash, birch] = [client('Ash'), client('Birch')];
    await applyPullPage(db, counting, page([put('clients', ash, 1), put('clients', birch, 2)], 2), options);
    expect((await index.search('')).map((c) => c.alias)).toEqual(['Ash', 'Birch']);
    expect(opened).not.toHaveBeenCalled();
    const ashTwo: ClientRecord = { ...ash, alias: 'Ash Two' };
    await applyPullPage(db, counting, page([put('clients', ashTwo, 3)], 3), options);
    expect((await index.search('')).map((c) => c.alias)).toEqual(['Ash Two', 'Birch']);
    expect(opened).not.toHaveBeenCalled();
    // Locked: the decrypted index and every hand-off go; the next search opens what is stored.
    index.forget();
    const birchTwo: ClientRecord = { ...birch, alias: 'Birch Two' };
    await applyPullPage(db, counting, page([put('clients', birchTwo, 4)], 4), options);
    index.forget();
    expect((await index.search('')).map((c) => c.alias)).toEqual(['Ash Two', 'Birch Two']);
    expect(opened).toHaveBeenCalledTimes(2);
  });
});

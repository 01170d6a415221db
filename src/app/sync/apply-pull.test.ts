import { describe, expect, it, vi } from 'vitest';
import type { ClientRecord } from '../../shared/domain/client';
import { decodeHlc, encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';
import type { Change, PullResponse } from '../../shared/sync/wire';
import { createPassthroughCipher, type RecordCipher } from '../db/cipher';
import { recordLocalChange } from '../db/local-write';
import { getCursor, getMeta, setMeta } from '../db/meta';
import { createRecordReader } from '../db/repositories/record-reader';
import { createTestDb, testSession } from '../db/test-support';
import { encounterDraftKey, saveDraft } from '../db/drafts';
import { applyPullPage, prepareAhead, resetForResync } from './apply-pull';
import { pendingEntries } from './outbox';

const cipher = createPassthroughCipher();
const serverTime = Date.UTC(2025, 0, 10);
const serverClock = encodeHlc({ wallMs: Date.UTC(2025, 0, 5), counter: 7, deviceId: 'other-device' });

function serverClient(id: string, alias: string): ClientRecord {
  return {
    id, alias, teamId: testSession.teamId, createdBy: testSession.userId,
    createdAt: '2025-01-05T00:00:00.000Z', updatedAt: '2025-01-05T00:00:00.000Z', clocks: { alias: serverClock },
  };
}

function page(changes: Change[], cursor: number, extra: Partial<PullResponse> = {}): PullResponse {
  return { changes, cursor, hasMore: false, lastMutationId: 0, serverTime, ...extra };
}

const put = (record: ClientRecord, seq: number): Change => ({ collection: 'clients', id: record.id, seq, deleted: false, record });
const options = { session: testSession, now: () => Date.UTC(2025, 0, 1) };

describe('applyPullPage', () => {
  it('stores the page and its cursor together, and advances the clock past the server', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    const result = await applyPullPage(db, cipher, page([put(a, 1)], 1), options);
    expect(result).toEqual({ written: 1, deleted: 0, skipped: 0 });
    expect(await createRecordReader(db, cipher, 'clients').get(a.id)).toEqual(a);
    expect(await getCursor(db)).toBe(1);
    expect(decodeHlc((await getMeta(db, 'hlc'))!).wallMs).toBe(serverTime);
  });

  it('writes neither records nor cursor when the transaction fails', async () => {
    const db = createTestDb();
    await getCursor(db);
    vi.spyOn(db.meta, 'put').mockImplementation(() => {
      throw new Error('quota');
    });
    await expect(applyPullPage(db, cipher, page([put(serverClient(uuidv7(), 'A'), 1)], 1), options)).rejects.toThrow('quota');
    expect(await db.records('clients').count()).toBe(0);
    expect(await getCursor(db)).toBe(0);
  });

  it('re-applies pending local changes on top of the pulled record', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    await applyPullPage(db, cipher, page([put(a, 1)], 1), options);
    const update = { name: 'client.update' as const, args: { id: a.id, set: { alias: 'Mine' }, seen: { alias: serverClock } } };
    await recordLocalChange(db, cipher, { command: update, session: testSession });

    const newer = { ...serverClient(a.id, 'A'), usualAreas: ['Park'], clocks: { alias: serverClock, usualAreas: serverClock } };
    await applyPullPage(db, cipher, page([put(newer, 2)], 2), options);
    expect(await createRecordReader(db, cipher, 'clients').get(a.id)).toMatchObject({
      alias: 'Mine', usualAreas: ['Park'], clocks: { alias: serverClock, usualAreas: serverClock },
    });
  });

  it('re-applies a change made after the page was parsed and sealed ahead, and uses the ahead work when nothing is pending', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    const first = page([put(a, 1)], 1);
    const seal = vi.spyOn(cipher, 'seal');
    const ahead = prepareAhead(cipher, first);
    const sealedAhead = seal.mock.calls.length;
    await applyPullPage(db, cipher, first, { ...options, ahead });
    expect(seal.mock.calls.length).toBe(sealedAhead); // nothing pending: stored as sealed ahead
    seal.mockRestore();
    const newer = page([put({ ...serverClient(a.id, 'A'), usualAreas: ['Park'], clocks: { alias: serverClock, usualAreas: serverClock } }, 2)], 2);
    const early = prepareAhead(cipher, newer);
    const update = { name: 'client.update' as const, args: { id: a.id, set: { alias: 'Mine' }, seen: { alias: serverClock } } };
    await recordLocalChange(db, cipher, { command: update, session: testSession });
    await applyPullPage(db, cipher, newer, { ...options, ahead: early });
    expect(await createRecordReader(db, cipher, 'clients').get(a.id)).toMatchObject({ alias: 'Mine', usualAreas: ['Park'] });
  });

  it('does not re-apply entries the server has already processed (lastMutationId)', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    await applyPullPage(db, cipher, page([put(a, 1)], 1), options);
    const update = { name: 'client.update' as const, args: { id: a.id, set: { alias: 'Mine' }, seen: { alias: serverClock } } };
    const { outboxId } = await recordLocalChange(db, cipher, { command: update, session: testSession });
    await applyPullPage(db, cipher, page([put(serverClient(a.id, 'Server wins'), 2)], 2, { lastMutationId: outboxId }), options);
    expect(await createRecordReader(db, cipher, 'clients').get(a.id)).toMatchObject({ alias: 'Server wins' });
  });

  it('deletes on a tombstone and never moves the cursor back', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    await applyPullPage(db, cipher, page([put(a, 5)], 5), options);
    await applyPullPage(db, cipher, page([{ collection: 'clients', id: a.id, seq: 6, deleted: true, record: null }], 3), options);
    expect(await db.records('clients').count()).toBe(0);
    expect(await getCursor(db)).toBe(5);
  });

  it('forgets an erased person: every record, draft and waiting change naming them, and nobody else’s', async () => {
    const db = createTestDb();
    const [a, b] = [serverClient(uuidv7(), 'A'), serverClient(uuidv7(), 'B')];
    const note = (clientId: string, id = uuidv7()) => ({ id, clientId, body: 'said something', level: 'team' as const });
    const pulledNote = { ...note(a.id), teamId: testSession.teamId, createdBy: testSession.userId, createdAt: '2025-01-05T00:00:00.000Z' };
    await applyPullPage(db, cipher, page([put(a, 1), put(b, 2), { collection: 'notes', id: pulledNote.id, seq: 3, deleted: false, record: pulledNote }], 3), options);
    const pendingAboutA = note(a.id);
    await recordLocalChange(db, cipher, { command: { name: 'note.add', args: pendingAboutA }, session: testSession });
    await recordLocalChange(db, cipher, { command: { name: 'client.update', args: { id: a.id, set: { alias: 'A2' }, seen: { alias: serverClock } } }, session: testSession });
    const pendingAboutB = note(b.id);
    await recordLocalChange(db, cipher, { command: { name: 'note.add', args: pendingAboutB }, session: testSession });
    await saveDraft(db, cipher, encounterDraftKey(a.id), { said: 'A’s story' });
    await saveDraft(db, cipher, encounterDraftKey(b.id), { said: 'B’s story' });

    const tombstone = (collection: 'clients' | 'notes', id: string, seq: number): Change => ({ collection, id, seq, deleted: true, record: null });
    await applyPullPage(db, cipher, page([tombstone('clients', a.id, 4), tombstone('notes', pulledNote.id, 5)], 5), options);

    expect(await db.records('clients').toCollection().primaryKeys()).toEqual([b.id]);
    expect(await db.records('notes').toCollection().primaryKeys()).toEqual([pendingAboutB.id]);
    expect((await pendingEntries(db, cipher)).map((e) => e.command.args)).toEqual([pendingAboutB]);
    expect(await db.drafts.toCollection().primaryKeys()).toEqual([encounterDraftKey(b.id)]);
    // Not even their id is left, in the clients change log or anywhere else.
    expect(JSON.stringify(await db.meta.toArray())).not.toContain(a.id);
  });

  it('skips and reports a record that does not parse, keeping the rest', async () => {
    const db = createTestDb();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bad: Change = { collection: 'clients', id: uuidv7(), seq: 1, deleted: false, record: { alias: 'No id' } };
    const result = await applyPullPage(db, cipher, page([bad, put(serverClient(uuidv7(), 'B'), 2)], 2), options);
    expect(result).toEqual({ written: 1, deleted: 0, skipped: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('recomputes the page when a local write races it', async () => {
    const db = createTestDb();
    const a = serverClient(uuidv7(), 'A');
    let raced = false;
    const racingCipher: RecordCipher = {
      open: (sealed) => cipher.open(sealed),
      async seal(value) {
        if (!raced) {
          raced = true; // a local edit lands between preparing the page and writing it
          const update = { name: 'client.update' as const, args: { id: a.id, set: { alias: 'Raced' }, seen: { alias: null } } };
          await db.records('clients').put({ id: a.id, enc: await cipher.seal(a) });
          await recordLocalChange(db, cipher, { command: update, session: testSession });
        }
        return cipher.seal(value);
      },
    };
    await applyPullPage(db, racingCipher, page([put(a, 1)], 1), options);
    expect(await createRecordReader(db, cipher, 'clients').get(a.id)).toMatchObject({ alias: 'Raced' });
  });
});

describe('resetForResync', () => {
  it('clears every collection and the cursor but keeps the outbox and pending creations', async () => {
    const db = createTestDb();
    await applyPullPage(db, cipher, page([put(serverClient(uuidv7(), 'Old'), 9)], 9), options);
    const command = { name: 'client.create' as const, args: { id: uuidv7(), profile: { alias: 'Pending' } } };
    await recordLocalChange(db, cipher, { command, session: testSession });
    await setMeta(db, 'cursor', 9);

    await resetForResync(db, cipher, testSession);
    expect(await getCursor(db)).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    expect((await createRecordReader(db, cipher, 'clients').list()).map((c) => c.alias)).toEqual(['Pending']);
  });
});

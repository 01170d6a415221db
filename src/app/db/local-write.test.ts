import { describe, expect, it, vi } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { createPassthroughCipher } from './cipher';
import { eraseDevice } from './erase';
import { getDeviceId, getMeta } from './meta';
import { recordLocalChange } from './local-write';
import { createTestDb, testSession } from './test-support';

const cipher = createPassthroughCipher();
const createCommand = (alias: string) => ({ name: 'client.create' as const, args: { id: uuidv7(), profile: { alias } } });

describe('recordLocalChange', () => {
  it('stores the sealed record and its outbox entry, and ticks the clock', async () => {
    const db = createTestDb();
    const command = createCommand('Robin');
    const { outboxId, record, hlc } = await recordLocalChange(db, cipher, { command, session: testSession }, { now: () => 1_700_000_000_000 });

    const stored = await db.records('clients').get(command.args.id);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['enc', 'id']);
    expect(await cipher.open(stored!.enc)).toEqual(record);
    expect(record).toMatchObject({ alias: 'Robin', teamId: testSession.teamId, createdBy: testSession.userId, clocks: { alias: hlc } });

    const entry = await db.outbox.get(outboxId);
    expect(entry).toMatchObject({ name: 'client.create', status: 'pending', hlc, target: { collection: 'clients', id: command.args.id } });
    expect(JSON.stringify(entry)).not.toContain('"alias"'); // only inside the sealed args…
    expect(await cipher.open(entry!.enc)).toEqual({ args: command.args });
    expect(await getMeta(db, 'hlc')).toBe(hlc);
  });

  it('writes nothing when the outbox write fails: record and entry commit together or not at all', async () => {
    const db = createTestDb();
    await getMeta(db, 'hlc'); // open the database before spying
    vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(() => {
      throw new Error('disk full');
    });
    await expect(recordLocalChange(db, cipher, { command: createCommand('Sam'), session: testSession })).rejects.toThrow('disk full');
    expect(await db.records('clients').count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'hlc')).toBeUndefined();
  });

  it('gives increasing clocks and outbox ids to successive writes', async () => {
    const db = createTestDb();
    const now = () => 1_000;
    const first = await recordLocalChange(db, cipher, { command: createCommand('A'), session: testSession }, { now });
    const second = await recordLocalChange(db, cipher, { command: createCommand('B'), session: testSession }, { now });
    expect(second.outboxId).toBeGreaterThan(first.outboxId);
    expect(second.hlc > first.hlc).toBe(true);
  });

  it('recomputes when a concurrent write changed the clock meanwhile', async () => {
    const db = createTestDb();
    const [a, b] = await Promise.all([
      recordLocalChange(db, cipher, { command: createCommand('A'), session: testSession }, { now: () => 5 }),
      recordLocalChange(db, cipher, { command: createCommand('B'), session: testSession }, { now: () => 5 }),
    ]);
    expect(a.hlc).not.toBe(b.hlc);
    expect(await db.outbox.count()).toBe(2);
  });

  it('refuses an update of a record the device does not hold', async () => {
    const db = createTestDb();
    const command = { name: 'client.update' as const, args: { id: uuidv7(), set: { alias: 'X' }, seen: { alias: null } } };
    await expect(recordLocalChange(db, cipher, { command, session: testSession })).rejects.toThrow(/no clients record/);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('device id', () => {
  it('exists from creation and is never reused after an erase', async () => {
    const db = createTestDb();
    const first = await getDeviceId(db);
    expect(await getDeviceId(db)).toBe(first);
    await eraseDevice(db);
    await db.open();
    expect(await getDeviceId(db)).not.toBe(first);
  });
});

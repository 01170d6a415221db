import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids';
import { createPassthroughCipher } from '../db/cipher';
import { recordLocalChange } from '../db/local-write';
import { createTestDb, testSession } from '../db/test-support';
import { acknowledge, dismissRejected, outboxSummary, pendingEntries, rejectedEntries } from './outbox';

const cipher = createPassthroughCipher();

async function writeClients(count: number) {
  const db = createTestDb();
  let t = 1_000;
  for (let i = 0; i < count; i++) {
    const command = { name: 'client.create' as const, args: { id: uuidv7(), profile: { alias: `c${i}` } } };
    await recordLocalChange(db, cipher, { command, session: testSession }, { now: () => (t += 10) });
  }
  return db;
}

describe('outbox', () => {
  it('summarises what is waiting', async () => {
    const db = await writeClients(3);
    expect(await outboxSummary(db)).toEqual({ pending: 3, rejected: 0, oldestPendingAt: 1_010 });
    expect((await pendingEntries(db, cipher, 2)).map((e) => e.entry.id)).toEqual([1, 2]);
  });

  it('drops acknowledged entries and keeps rejected ones visible with their data', async () => {
    const db = await writeClients(3);
    const dropped = await acknowledge(db, 2, [{ id: 2, code: 'forbidden', message: 'Not allowed for your role.' }]);
    expect(dropped).toBe(1);
    expect((await pendingEntries(db, cipher)).map((e) => e.entry.id)).toEqual([3]);
    const [rejected] = await rejectedEntries(db, cipher);
    expect(rejected?.entry).toMatchObject({ id: 2, status: 'rejected', rejection: { code: 'forbidden', message: 'Not allowed for your role.' } });
    expect(rejected?.command).toMatchObject({ name: 'client.create', args: { profile: { alias: 'c1' } } });
    expect(await outboxSummary(db)).toMatchObject({ pending: 1, rejected: 1 });
  });

  it('keeps a rejected entry through later acknowledgements until the user dismisses it', async () => {
    const db = await writeClients(2);
    await acknowledge(db, 1, [{ id: 1, code: 'invalid_args', message: 'Bad.' }]);
    await acknowledge(db, 2, []);
    expect(await outboxSummary(db)).toEqual({ pending: 0, rejected: 1, oldestPendingAt: null });
    await dismissRejected(db, 1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('dismissRejected never removes a pending entry', async () => {
    const db = await writeClients(1);
    await dismissRejected(db, 1);
    expect(await db.outbox.count()).toBe(1);
  });
});

/**
 * The lost-phone test: after a client whose alias, legal name and draft carry a unique
 * canary goes through the device flows with the real cipher, EVERY row of EVERY table is
 * dumped (binary contents decoded as UTF-8 too) and the canary must appear nowhere.
 */
import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../shared/domain/client';
import { uuidv7 } from '../../../shared/ids';
import { applyPullPage } from '../../sync/apply-pull';
import { saveDraft } from '../drafts';
import { readSession, writeLockInfo, writeSession, writeWrappedKey } from '../meta';
import { createClientsRepository } from '../repositories/clients';
import type { LanternDb } from '../schema';
import { createTestDb, testSession } from '../test-support';
import { exportPendingChanges } from './export';
import { createDataKey } from './key-vault';
import { createLockableCipher } from './lockable-cipher';
import { TEST_KDF } from './test-keys';

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Every string in `value`, with bytes decoded as UTF-8 (and as UTF-16, in case). */
function flatten(value: unknown, out: string[] = []): string[] {
  if (value instanceof ArrayBuffer) return flatten(new Uint8Array(value), out);
  if (ArrayBuffer.isView(value)) {
    const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    out.push(utf8.decode(bytes), new TextDecoder('utf-16le').decode(bytes.slice(0, bytes.length - (bytes.length % 2))));
  } else if (Array.isArray(value)) value.forEach((item) => flatten(item, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      out.push(key);
      flatten(item, out);
    }
  } else out.push(String(value));
  return out;
}

async function dumpEveryTable(db: LanternDb): Promise<string> {
  const tables = await Promise.all(db.tables.map(async (table) => [table.name, await table.toArray()] as const));
  expect(tables.map(([name]) => name)).toContain('clients');
  return flatten(tables).join('\n');
}

describe('nothing identifying is stored in the clear', () => {
  it('finds the canary nowhere in IndexedDB', async () => {
    const canary = `CANARY-${uuidv7()}`;
    const db = createTestDb();
    const cipher = createLockableCipher();
    const { key, wrapped } = await createDataKey('pw', testSession.userId, TEST_KDF);
    cipher.unlock(key);
    await writeWrappedKey(db, wrapped);
    await writeLockInfo(db, { userId: testSession.userId, username: 'worker1', idleLockMinutes: 5 });
    const user = { id: testSession.userId, teamId: testSession.teamId, name: `${canary} staff`, role: 'outreach_worker' as const, admin: false };
    await writeSession(db, cipher, { token: 't'.repeat(43), expiresAt: '2030-01-01T00:00:00.000Z', user });

    const repo = createClientsRepository({ db, cipher, getSession: () => testSession });
    const client = await repo.create({ alias: canary, usualAreas: [`${canary} corner`] });
    await repo.update(client.id, { legalName: `${canary} legal` });
    await saveDraft(db, cipher, `encounter:${client.id}`, { notes: `${canary} said` });
    const pulled: ClientRecord = {
      id: uuidv7(), alias: `${canary} pulled`, teamId: testSession.teamId, createdBy: uuidv7(),
      createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z', clocks: {},
    };
    const change = { collection: 'clients' as const, id: pulled.id, seq: 1, deleted: false, record: pulled };
    await applyPullPage(db, cipher, { changes: [change], cursor: 1, hasMore: false, lastMutationId: 0, serverTime: Date.now() }, { session: testSession });

    expect((await repo.search(canary.toLowerCase())).length).toBe(2); // it is there, sealed
    const dump = await dumpEveryTable(db);
    expect(await readSession(db, cipher)).toMatchObject({ user: { name: `${canary} staff` } });
    expect(dump).toContain(client.id); // the dump really covers the rows
    expect(dump).toContain('worker1'); // …and the clear lock-screen row (staff username only)
    expect(dump).not.toContain(canary);
    expect(dump).not.toContain('CANARY');

    const exported = await (await exportPendingChanges(db, cipher, 'export pw', TEST_KDF)).text();
    expect(exported).not.toContain('CANARY');
  });
});

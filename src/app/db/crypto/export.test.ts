import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { acknowledge } from '../../sync/outbox';
import { getDeviceId } from '../meta';
import { recordLocalChange } from '../local-write';
import { createTestDb, testSession } from '../test-support';
import { createAesGcmCipher } from './aes-gcm-cipher';
import { exportPendingChanges, readExport } from './export';
import { WrongPasswordError } from './key-vault';
import { createLockableCipher, LockedError } from './lockable-cipher';
import { createTestDataKey, TEST_KDF } from './test-keys';

async function deviceWithChanges() {
  const db = createTestDb();
  const cipher = createAesGcmCipher(await createTestDataKey());
  const ids = [uuidv7(), uuidv7()];
  for (const [i, id] of ids.entries()) {
    const command = { name: 'client.create' as const, args: { id, profile: { alias: `Export canary ${i}` } } };
    await recordLocalChange(db, cipher, { command, session: testSession });
  }
  await acknowledge(db, 1, [{ id: 1, code: 'forbidden', message: 'Not allowed for your role.' }]);
  return { db, cipher, ids };
}

describe('encrypted export of unsynced changes', () => {
  it('exports pending and rejected entries, readable only with the export password', async () => {
    const { db, cipher, ids } = await deviceWithChanges();
    const blob = await exportPendingChanges(db, cipher, 'export pw', { ...TEST_KDF, now: () => Date.UTC(2025, 0, 1) });
    const text = await blob.text();

    expect(blob.type).toBe('application/json');
    expect(text).not.toContain('canary');
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['ciphertext', 'format', 'iterations', 'iv', 'salt', 'v']);
    expect(JSON.parse(text)).toMatchObject({ format: 'lantern-export', v: 1, iterations: 1_000 });

    const payload = await readExport(text, 'export pw');
    expect(payload).toMatchObject({ exportedAt: '2025-01-01T00:00:00.000Z', deviceId: await getDeviceId(db) });
    expect(payload.entries).toMatchObject([
      { id: 1, name: 'client.create', status: 'rejected', args: { id: ids[0], profile: { alias: 'Export canary 0' } }, rejection: { code: 'forbidden' } },
      { id: 2, name: 'client.create', status: 'pending', args: { id: ids[1], profile: { alias: 'Export canary 1' } } },
    ]);
    expect(payload.entries.every((entry) => typeof entry.hlc === 'string')).toBe(true);
  });

  it('refuses a wrong password and an altered file', async () => {
    const { db, cipher } = await deviceWithChanges();
    const text = await (await exportPendingChanges(db, cipher, 'export pw', TEST_KDF)).text();
    await expect(readExport(text, 'other')).rejects.toBeInstanceOf(WrongPasswordError);
    const file = JSON.parse(text) as { iterations: number };
    await expect(readExport(JSON.stringify({ ...file, iterations: file.iterations + 1 }), 'export pw')).rejects.toBeInstanceOf(WrongPasswordError);
    await expect(readExport('{"format":"other"}', 'export pw')).rejects.toThrow();
  });

  it('uses 600,000 iterations unless a test opts out, and exports nothing while locked', async () => {
    const { db } = await deviceWithChanges();
    await expect(exportPendingChanges(db, createLockableCipher(), 'pw', TEST_KDF)).rejects.toBeInstanceOf(LockedError);
    await expect(exportPendingChanges(db, createLockableCipher(), 'pw', { iterations: 1_000 })).rejects.toThrow(RangeError);
  });
});

/**
 * The UI reads through `useLiveQuery` over repositories that decrypt (aes-gcm-cipher.ts
 * wraps WebCrypto promises in Promise.resolve for this). These tests show live queries
 * emit and re-run after writes with the real cipher, including for Dexie reads made after
 * decrypting. Note: in Node with fake-indexeddb they also pass WITHOUT the wrapping, so
 * they guard the behaviour, not the wrapping itself; a browser e2e is the real proof.
 */
import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../meta';
import { createClientsRepository } from '../repositories/clients';
import { createTestDb, observeLiveQuery, testSession, withGlobalIndexedDb } from '../test-support';
import { createAesGcmCipher } from './aes-gcm-cipher';
import { createLockableCipher } from './lockable-cipher';
import { createTestDataKey } from './test-keys';

describe('Dexie liveQuery over decrypting repositories', () => {
  withGlobalIndexedDb();

  it('re-runs search() after a write, with the AES-GCM cipher', async () => {
    const db = createTestDb();
    const cipher = createAesGcmCipher(await createTestDataKey());
    const repo = createClientsRepository({ db, cipher, getSession: () => testSession });
    await repo.create({ alias: 'Amaya' });

    const live = observeLiveQuery(() => repo.search('a'));
    await expect.poll(() => live.seen.at(-1)?.map((c) => c.alias)).toEqual(['Amaya']);
    await repo.create({ alias: 'Sasha' });
    await expect.poll(() => live.seen.at(-1)?.map((c) => c.alias)).toEqual(['Amaya', 'Sasha']);
    live.stop();
    expect(live.errors).toEqual([]);
  });

  it('keeps observing Dexie reads made AFTER decrypting (the Promise.resolve rule), through the lockable cipher', async () => {
    const db = createTestDb();
    const cipher = createLockableCipher();
    cipher.unlock(await createTestDataKey());
    const repo = createClientsRepository({ db, cipher, getSession: () => testSession });
    await repo.create({ alias: 'Robin' });

    const live = observeLiveQuery(async () => {
      const clients = await repo.search('');
      const cursor = await getMeta(db, 'cursor'); // read only after WebCrypto calls resolved
      return { aliases: clients.map((c) => c.alias), cursor };
    });
    await expect.poll(() => live.seen.at(-1)).toEqual({ aliases: ['Robin'], cursor: undefined });
    await setMeta(db, 'cursor', 7); // touches only the table read after decrypting
    await expect.poll(() => live.seen.at(-1)).toEqual({ aliases: ['Robin'], cursor: 7 });
    live.stop();
    expect(live.errors).toEqual([]);
  });
});

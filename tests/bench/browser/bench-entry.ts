/**
 * Device-side benchmarks, run inside Chromium (real IndexedDB, real WebCrypto) by
 * tests/bench/device-costs.ts. Exposes `window.lanternBench`; never shipped in the app.
 */
import { clientProfileSchema, type ClientProfile } from '../../../src/shared/domain/client';
import { encodeHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import { createPassthroughCipher, type RecordCipher } from '../../../src/app/db/cipher';
import { createAesGcmCipher } from '../../../src/app/db/crypto/aes-gcm-cipher';
import { measureUnlock } from '../../../src/app/db/crypto/unlock-bench';
import { createClientsRepository } from '../../../src/app/db/repositories/clients';
import { LanternDb, toStoredRecord } from '../../../src/app/db/schema';

export interface Percentiles {
  readonly p50: number;
  readonly p95: number;
}

export interface DeviceFigures {
  readonly cipher: 'aes-gcm' | 'none';
  readonly clients: number;
  readonly seedMs: number;
  readonly save: Percentiles;
  readonly search: Percentiles;
}

const AREAS = ['Docks', 'Station Road', 'Canal Street', 'Market', 'Old Town', 'Riverside'];

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

async function seed(db: LanternDb, cipher: RecordCipher, count: number, session: { userId: string; teamId: string }) {
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 1000) {
    const rows = await Promise.all(
      Array.from({ length: Math.min(1000, count - start) }, async (_, i) => {
        const profile: ClientProfile = clientProfileSchema.parse({
          alias: `Client ${start + i}`,
          usualAreas: [AREAS[(start + i) % AREAS.length]],
          pronouns: 'she/her',
        });
        const record = {
          ...profile,
          id: uuidv7(),
          teamId: session.teamId,
          createdBy: session.userId,
          createdAt: now,
          updatedAt: now,
          clocks: { alias: encodeHlc({ wallMs: Date.now(), counter: 0, deviceId: 'seed' }) },
        };
        return toStoredRecord('clients', record, await cipher.seal(record));
      }),
    );
    await db.records('clients').bulkPut(rows);
  }
}

async function measure(cipherName: DeviceFigures['cipher'], clients: number): Promise<DeviceFigures> {
  const db = new LanternDb(`bench-${cipherName}-${Date.now()}`);
  const cipher =
    cipherName === 'none'
      ? createPassthroughCipher()
      : createAesGcmCipher(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const session = { userId: uuidv7(), teamId: uuidv7() };
  const repo = createClientsRepository({ db, cipher, getSession: () => session });
  const seedStart = performance.now();
  await seed(db, cipher, clients, session);
  const seedMs = performance.now() - seedStart;

  const saves: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await repo.create({ alias: `New ${i}`, usualAreas: ['Docks'] });
    saves.push(performance.now() - t);
  }
  const searches: number[] = [];
  const queries = ['client 12', 'docks', 'zzz', 'market', 'new 3', 'client 999'];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await repo.search(queries[i % queries.length] ?? '');
    searches.push(performance.now() - t);
  }
  db.close();
  await db.delete();
  return { cipher: cipherName, clients, seedMs, save: percentiles(saves), search: percentiles(searches) };
}

declare global {
  interface Window {
    lanternBench: { measure: typeof measure; measureUnlock: typeof measureUnlock };
  }
}
window.lanternBench = { measure, measureUnlock };

/**
 * Device-side benchmarks, run inside Chromium (real IndexedDB, real WebCrypto) by
 * tests/bench/device-costs.ts: with 10,000 clients and 50,000 other records on the
 * device, encounter saves and client searches (some right after a write). Exposes
 * `window.lanternBench`; never shipped in the app.
 */
import { uuidv7 } from '../../../src/shared/ids';
import { createPassthroughCipher } from '../../../src/app/db/cipher';
import { createAesGcmCipher } from '../../../src/app/db/crypto/aes-gcm-cipher';
import { measureUnlock } from '../../../src/app/db/crypto/unlock-bench';
import { createClientsRepository } from '../../../src/app/db/repositories/clients';
import { createEncountersRepository } from '../../../src/app/db/repositories/encounters';
import { LanternDb } from '../../../src/app/db/schema';
import { measureCaseload } from './bench-caseload';
import { encounterCommands } from './bench-encounter';
import { percentiles, type Percentiles } from './bench-percentiles';
import { seedClients, seedOtherRecords } from './bench-seed';

export type { Percentiles } from './bench-percentiles';

export interface DeviceFigures {
  readonly cipher: 'aes-gcm' | 'none';
  readonly clients: number;
  readonly otherRecords: number;
  readonly seedMs: number;
  /** First search after unlock: decrypting every client into the in-memory index. */
  readonly indexLoadMs: number;
  /** One encounter (7 commands) saved through `encounters.record`. */
  readonly encounterSave: Percentiles;
  readonly search: Percentiles;
}

const QUERIES = ['client 12', 'docks', 'zzz', 'market', 'client 999', 'canal', 'CLIENT 4321', 'old town', 'nt 77', 'riverside', 'q'];


async function timed(run: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await run();
  return performance.now() - t;
}

async function measure(cipherName: DeviceFigures['cipher'], clients: number, otherRecords: number): Promise<DeviceFigures> {
  const db = new LanternDb(`bench-${cipherName}-${Date.now()}`);
  const cipher =
    cipherName === 'none'
      ? createPassthroughCipher()
      : createAesGcmCipher(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const session = { userId: uuidv7(), teamId: uuidv7() };
  const deps = { db, cipher, getSession: () => session };
  const clientsRepo = createClientsRepository(deps);
  const encounters = createEncountersRepository(deps);
  const seedStart = performance.now();
  const ids = await seedClients(db, cipher, clients, session);
  await seedOtherRecords(db, cipher, otherRecords, ids, session);
  const seedMs = performance.now() - seedStart;
  const indexLoadMs = await timed(() => clientsRepo.search(''));

  const saves: number[] = [];
  for (let i = 0; i < 40; i++) {
    const commands = encounterCommands(ids[(i * 211) % ids.length] ?? '', i);
    saves.push(await timed(() => encounters.record(commands)));
  }
  const searches: number[] = [];
  for (let i = 0; i < 50; i++) {
    // Every fifth search comes right after a write to a client, as it does on the street.
    if (i % 5 === 0) await clientsRepo.update(ids[i] ?? '', { alias: `Client ${i} renamed` });
    searches.push(await timed(() => clientsRepo.search(QUERIES[i % QUERIES.length] ?? '')));
  }
  db.close();
  await db.delete();
  return { cipher: cipherName, clients, otherRecords, seedMs, indexLoadMs, encounterSave: percentiles(saves), search: percentiles(searches) };
}

declare global {
  interface Window {
    lanternBench: { measure: typeof measure; measureUnlock: typeof measureUnlock; measureCaseload: typeof measureCaseload };
  }
}
window.lanternBench = { measure, measureUnlock, measureCaseload };

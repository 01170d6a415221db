/**
 * The browser side of tests/bench/pouchdb-sync.ts, run in Chromium (real IndexedDB):
 * PouchDB 9's replication of a remote database into a new local one, and Dexie's bulkPut
 * of rows of the same size, plain and sealed as Lantern stores them, as baselines. Exposes `window.pouchBench`; never shipped.
 */
import { Dexie } from 'dexie';
import PouchDB from 'pouchdb-browser';
import { benchClient, benchTeam } from './bench-client';

/** Replicates `url` into a fresh local database; times the replication alone. */
async function replicate(url: string): Promise<{ ms: number; docs: number }> {
  const local = new PouchDB(`pouch-bench-${crypto.randomUUID()}`);
  const started = performance.now();
  await local.replicate.from(url);
  const ms = performance.now() - started;
  const { doc_count: docs } = await local.info();
  return { ms, docs };
}

/** Writes `n` rows into a fresh Dexie database with bulkPut, 500 a call; times the writes alone. */
async function bulkPut(n: number): Promise<{ ms: number }> {
  const db = new Dexie(`dexie-bench-${crypto.randomUUID()}`);
  db.version(1).stores({ rows: 'id' });
  await db.open();
  const team = benchTeam();
  const rows = Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), ...benchClient(i, team) }));
  const started = performance.now();
  for (let start = 0; start < n; start += 500) await db.table('rows').bulkPut(rows.slice(start, start + 500));
  const ms = performance.now() - started;
  const count = await db.table('rows').count();
  db.close();
  if (count !== n) throw new Error(`bulkPut stored ${count} rows of ${n}`);
  return { ms };
}

/**
 * The same rows as Lantern stores them: each record's JSON sealed with AES-GCM-256 under a
 * fresh 12-byte IV (a page's seals at once), kept as `{id, enc: {v, iv, data}}`, 500 a call.
 * Times the sealing and the writes: the floor for storing these records encrypted at all.
 */
async function sealedBulkPut(n: number): Promise<{ ms: number }> {
  const db = new Dexie(`dexie-sealed-bench-${crypto.randomUUID()}`);
  db.version(1).stores({ rows: 'id' });
  await db.open();
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const team = benchTeam();
  const records = Array.from({ length: n }, (_, i) => ({ id: crypto.randomUUID(), ...benchClient(i, team) }));
  const started = performance.now();
  for (let start = 0; start < n; start += 500) {
    const rows = await Promise.all(
      records.slice(start, start + 500).map(async (record) => {
        const iv = crypto.getRandomValues(new Uint8Array(12));
        const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify(record)));
        return { id: record.id, enc: { v: 1, iv, data } };
      }),
    );
    await db.table('rows').bulkPut(rows);
  }
  const ms = performance.now() - started;
  const count = await db.table('rows').count();
  db.close();
  if (count !== n) throw new Error(`sealed bulkPut stored ${count} rows of ${n}`);
  return { ms };
}

declare global {
  interface Window {
    pouchBench: { replicate: typeof replicate; bulkPut: typeof bulkPut; sealedBulkPut: typeof sealedBulkPut };
  }
}
window.pouchBench = { replicate, bulkPut, sealedBulkPut };

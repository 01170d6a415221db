/**
 * PouchDB 9 beside Lantern's first sync, in Chromium (real IndexedDB): how long PouchDB takes
 * to replicate `records` documents of Lantern-client size from an express-pouchdb server
 * (in-process on loopback, memory adapter, seeded before the clock starts) into a new local
 * database, with its default replication settings. Median of `runs`, each in a new browser
 * context (a fresh profile, as the first-sync bench signs in), timed in the page around
 * `replicate.from` alone. Also a floor for writing the same rows into IndexedDB: Dexie's
 * bulkPut, 500 rows a call. Builds a bench page, serves it on loopback, drives Chromium.
 */
import http from 'node:http';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import expressPouchDB from 'express-pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import { build } from 'vite';
import { listen, serveDirectory, type Listening } from './bench-server';
import { benchClient, benchTeam } from './pouch-browser/bench-client';
import { chromiumArgs, chromiumPath } from '../e2e/env';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, '.tmp/pouch-bench-dist');

export interface PouchFigures {
  readonly records: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
}

/**
 * express-pouchdb on a memory-backed PouchDB, open to `origin` (with credentials, as PouchDB
 * asks); its gzip left out, as Lantern's server sends no compressed bodies either.
 */
async function serveCouch(origin: string, records: number): Promise<Listening & { dbUrl: string }> {
  const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });
  const app = expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, overrideMode: { exclude: ['compression'] } });
  // A name of its own per call: the memory adapter keeps databases for the whole process.
  const name = `clients-${records}-${crypto.randomUUID().slice(0, 8)}`;
  const db = new MemoryPouch(name);
  const team = benchTeam();
  for (let start = 0; start < records; start += 1000) {
    const docs = Array.from({ length: Math.min(1000, records - start) }, (_, k) => ({ _id: crypto.randomUUID(), ...benchClient(start + k, team) }));
    const failed = (await db.bulkDocs(docs)).find((result) => result.error);
    if (failed) throw new Error(`seeding was refused: ${JSON.stringify(failed)}`);
  }
  const server = await listen(
    http.createServer((req, res) => {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-allow-headers', req.headers['access-control-request-headers'] ?? 'content-type, accept');
      res.setHeader('access-control-allow-methods', 'GET, PUT, POST, HEAD, DELETE, OPTIONS');
      res.setHeader('access-control-max-age', '600');
      if (req.method === 'OPTIONS') {
        res.writeHead(204).end();
        return;
      }
      app(req, res);
    }),
  );
  return { ...server, dbUrl: `${server.url}${name}` };
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Builds and serves the bench page, and hands `run` a Chromium and a way to open the page in a new context. */
async function withBench<T>(run: (open: () => Promise<Page>, pageUrl: string) => Promise<T>): Promise<T> {
  await build({ configFile: path.join(root, 'tests/bench/pouch-browser/vite.config.ts') });
  const page = await serveDirectory(dist);
  try {
    const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    try {
      const open = async () => {
        const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
        const tab = await context.newPage();
        await tab.goto(page.url);
        await tab.waitForFunction(() => 'pouchBench' in window);
        return tab;
      };
      return await run(open, page.url);
    } finally {
      await browser.close();
    }
  } finally {
    await page.close();
  }
}

export async function measurePouchReplication(records = 10_000, runs = 3): Promise<PouchFigures> {
  return withBench(async (open, pageUrl) => {
    const couch = await serveCouch(new URL(pageUrl).origin, records);
    try {
      const runsMs: number[] = [];
      for (let run = 0; run < runs; run++) {
        const tab = await open();
        const { ms, docs } = await tab.evaluate((url) => window.pouchBench.replicate(url), couch.dbUrl);
        await tab.context().close();
        if (docs !== records) throw new Error(`PouchDB replicated ${docs} documents of ${records}`);
        runsMs.push(ms);
      }
      return { records, runsMs, medianMs: median(runsMs) };
    } finally {
      await couch.close();
    }
  });
}

/**
 * Median times for Dexie to bulkPut `records` rows of the same size, 500 a call, each run in
 * a new context: the plain records, and the same records sealed as Lantern stores them.
 */
export async function measureDexieBulkPut(records = 10_000, runs = 3): Promise<{ plainMs: number; sealedMs: number }> {
  return withBench(async (open) => {
    const plain: number[] = [];
    const sealed: number[] = [];
    for (let run = 0; run < runs; run++) {
      const tab = await open();
      plain.push((await tab.evaluate((n) => window.pouchBench.bulkPut(n), records)).ms);
      await tab.context().close();
      const sealing = await open();
      sealed.push((await sealing.evaluate((n) => window.pouchBench.sealedBulkPut(n), records)).ms);
      await sealing.context().close();
    }
    return { plainMs: median(plain), sealedMs: median(sealed) };
  });
}

/**
 * The real server for the model-based sync test, in process and listening on HTTP. ONE
 * database per engine serves every run: teams never read each other's changes, so a fresh
 * team per run keeps runs apart and a run costs no database. It restarts on the same
 * database (the process replaced behind a load balancer), optionally with its clock
 * stepped, because a server clock that moves back is a fault a sync design must survive.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app';
import type { Storage } from '../../../src/server/storage/database';
import { createTestDatabase } from '../../../src/server/testing';
import type { Engine } from '../../storage/helpers';

export interface ModelServer {
  readonly engine: Engine['name'];
  /** The storage of the running server (a new one after each restart). */
  storage(): Storage;
  /** Where it listens now (it may move when it restarts). */
  origin(): string;
  /** The server's wall clock: real time plus the offset it was (re)started with. */
  now(): number;
  /** How far its clock is from real time (ms). */
  clockOffsetMs(): number;
  /** Closes the app and its database connection, then serves the same database again. */
  restart(clockOffsetMs?: number): Promise<void>;
  close(): Promise<void>;
}

async function listen(storage: Storage, now: () => number): Promise<{ app: FastifyInstance; origin: string }> {
  const app = await buildApp({ storage, now });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (typeof address !== 'object' || address === null) throw new Error('the server did not listen on a port');
  return { app, origin: `http://127.0.0.1:${address.port}` };
}

/** Starts a server on a fresh, migrated database of `engine`. */
export async function startModelServer(engine: Engine): Promise<ModelServer> {
  const database = await createTestDatabase(engine.databaseUrl);
  let storage = database.storage;
  let clockOffset = 0;
  const now = (): number => Date.now() + clockOffset;
  let running = await listen(storage, now);
  const stop = async (): Promise<void> => {
    await running.app.close();
    await storage.close();
  };
  return {
    engine: engine.name,
    storage: () => storage,
    origin: () => running.origin,
    now,
    clockOffsetMs: () => clockOffset,
    async restart(clockOffsetMs = 0) {
      await stop();
      clockOffset = clockOffsetMs;
      storage = await database.reopen();
      running = await listen(storage, now);
    },
    async close() {
      await stop();
      await database.drop();
    },
  };
}

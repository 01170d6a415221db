/**
 * The real server for the model-based sync test, in process and listening on HTTP. ONE
 * database per engine serves every run: teams never read each other's changes, so a fresh
 * team per run keeps runs apart and a run costs no database. It restarts on the same
 * database (the process replaced behind a load balancer), optionally with its clock
 * stepped, because a server clock that moves back is a fault a sync design must survive.
 *
 * With `processes: 2` it stands for two API processes behind a load balancer on one
 * PostgreSQL: two apps, each with its own connection pool and its own memory, and every
 * request the devices make goes to the next one in turn.
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
  /** Where the next request goes (it may move when the server restarts). */
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

export interface ModelServerOptions {
  /** API processes sharing the database, taking requests in turn (default 1). */
  readonly processes?: number;
}

/** Starts a server on a fresh, migrated database of `engine`. */
export async function startModelServer(engine: Engine, options: ModelServerOptions = {}): Promise<ModelServer> {
  const count = options.processes ?? 1;
  const database = await createTestDatabase(engine.databaseUrl);
  let clockOffset = 0;
  const now = (): number => Date.now() + clockOffset;
  const open = async (first: Storage) => {
    const storages = [first];
    while (storages.length < count) storages.push(await database.reopen());
    return Promise.all(storages.map(async (storage) => ({ storage, ...(await listen(storage, now)) })));
  };
  let running = await open(database.storage);
  let turn = 0;
  const stop = async (): Promise<void> => {
    for (const process of running) {
      await process.app.close();
      await process.storage.close();
    }
  };
  const primary = () => {
    const first = running[0];
    if (first === undefined) throw new Error('no server process');
    return first;
  };
  return {
    engine: engine.name,
    storage: () => primary().storage,
    origin: () => {
      turn = (turn + 1) % running.length;
      return running[turn]?.origin ?? primary().origin;
    },
    now,
    clockOffsetMs: () => clockOffset,
    async restart(clockOffsetMs = 0) {
      await stop();
      clockOffset = clockOffsetMs;
      running = await open(await database.reopen());
    },
    async close() {
      await stop();
      await database.drop();
    },
  };
}

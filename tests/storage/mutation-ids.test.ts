/**
 * Mutation ids are bounded well below 2^53. A push naming an id past the bound is refused
 * with a clear 400 and changes nothing, so a device's watermark can never be driven to a
 * value with no exact successor (which would lock that device's sync for good).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MUTATION_ID } from '../../src/shared/sync/wire';
import { getDevice } from '../../src/server/storage/devices-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine } from './helpers';
import { clientCreate, engines, push, signIn } from './helpers';

describe.each(engines)('mutation ids on $name', (engine: Engine) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each([MAX_MUTATION_ID + 1, Number.MAX_SAFE_INTEGER, 2 ** 53])('refuses id %d with a clear 400 and keeps the watermark', async (id) => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const { status, body } = await push(server.app, session, [clientCreate(id, session, { alias: 'Heron' })]);
    expect(status).toBe(400);
    expect((body as unknown as { message: string }).message).toMatch(/mutation ids must be at most/);
    expect((await getDevice(server.storage.db, session.deviceId))?.lastMutationId).toBe(0);
    // The device can still push its ordinary next id.
    const next = await push(server.app, session, [clientCreate(1, session, { alias: 'Heron' })]);
    expect(next.status).toBe(200);
    expect(next.body.lastMutationId).toBe(1);
  });

  it('accepts the bound itself', async () => {
    const user = await server.createUser('outreach_worker');
    const session = await signIn(server.app, user.username, user.password);
    const { status, body } = await push(server.app, session, [clientCreate(MAX_MUTATION_ID, session, { alias: 'Heron' })]);
    expect(status).toBe(200);
    expect(body.lastMutationId).toBe(MAX_MUTATION_ID);
  });
});

/**
 * fast-check fuzzing of push and every other endpoint with a body, a path id or a query:
 * only 4xx answers, and the database unchanged afterwards. Then hostile args for every
 * sync command inside a valid push: only `invalid_args` rejections (or a 4xx), and no
 * record written. A sample here (keeps `npm test` fast); tests/bench/fuzz-soak.ts runs
 * the endpoint property with 10,000 bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../storage/helpers';
import { bodyProblem, MAX_BODY_DEPTH } from '../../src/server/input-guards';
import { seedPrerequisites } from './command-fixtures';
import { fuzzCommandArgs } from './command-fuzz';
import { fuzzEndpoints, snapshotDatabase } from './fuzz-runner';
import type { Session, World } from './world';
import { createWorld } from './world';

const RUNS_PER_ENDPOINT = 200;
const RUNS_PER_COMMAND = 40;

describe('bodyProblem', () => {
  it.each([
    ['a plain body', { a: ['b', { c: 1 }] }, null],
    ['a NUL in a value', { a: ['x\u0000'] }, 'text may not contain NUL characters'],
    ['a NUL in a key', { 'a\u0000': 1 }, 'field names may not contain NUL characters'],
    ['deep nesting', JSON.parse(`${'['.repeat(MAX_BODY_DEPTH + 1)}${']'.repeat(MAX_BODY_DEPTH + 1)}`) as unknown, `the body is nested more than ${MAX_BODY_DEPTH} levels deep`],
  ])('%s', (_label, body, problem) => {
    expect(bodyProblem(body)).toBe(problem);
  });
});

describe.each(engines)('fuzzing on $name', (engine) => {
  let world: World;
  let lead: Session;

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl });
    lead = await world.signIn(world.teams.own.users['team_lead+admin']);
  });

  afterAll(async () => {
    await world?.server.close();
  });

  it(`answers ${RUNS_PER_ENDPOINT} hostile requests per endpoint with 4xx only, and changes nothing`, async () => {
    const before = await snapshotDatabase(world.server.storage);
    const counts = await fuzzEndpoints(world, lead, RUNS_PER_ENDPOINT);
    expect(counts.failures).toEqual([]);
    expect(counts['5xx']).toBe(0);
    expect(counts['2xx']).toBe(0);
    expect(counts['4xx']).toBe(counts.total);
    expect(await snapshotDatabase(world.server.storage)).toBe(before);
  }, 120_000);

  it(`answers ${RUNS_PER_COMMAND} hostile args per command with invalid_args or a 4xx, and writes no record`, async () => {
    const own = world.teams.own;
    const prerequisites = await seedPrerequisites(world.server.storage, own.teamId, own.users.outreach_worker.id);
    const session = await world.signIn(own.users.outreach_worker);
    const records = async () => JSON.stringify(await world.server.storage.db.selectFrom('records').selectAll().orderBy('collection').orderBy('id').execute());
    const before = await records();
    expect(await fuzzCommandArgs(world, session, prerequisites, RUNS_PER_COMMAND)).toEqual([]);
    expect(await records()).toBe(before);
  }, 120_000);

  it('answers a too-large cursor, a NUL in a valid field and a deep args tree with 400', async () => {
    const pull = await world.inject({ method: 'GET', url: '/api/sync/pull?cursor=1e308&schemaVersion=1', headers: lead.headers });
    expect(pull.statusCode).toBe(400);
    const rename = await world.inject({ method: 'PATCH', url: `/api/users/${world.teams.own.target.id}`, headers: lead.headers, payload: { name: 'a\u0000b' } });
    expect(rename.statusCode).toBe(400);
    const login = await world.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x', deviceId: lead.deviceId, deviceName: 'a\u0000' } });
    expect(login.statusCode).toBe(400);
  });
});

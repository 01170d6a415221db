/**
 * The generated authorization matrix (issue 4): every endpoint × every caller kind × a
 * target in their own team, in another team, or no token at all. The expected status comes
 * from the hand-written table in expected-access.ts (endpoints.ts turns allowed/denied into
 * a status), never from the policy table it tests (issue 12). Then, per role, a pull after
 * seeding every collection in both teams must hold exactly what expected-access.ts grants:
 * the right collections, the right fields, no other team's record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../src/shared/sync/wire';
import { engines } from '../storage/helpers';
import type { EndpointSpec } from './endpoints';
import { endpointKey, endpoints, expectedStatus } from './endpoints';
import type { Caller } from './expected-access';
import { expectedCollections, expectedEndpointAccess, expectedVisibility } from './expected-access';
import { allKeys, expectedView, PEER_FORBIDDEN_COLLECTIONS, PEER_FORBIDDEN_FIELDS } from './pull-expectations';
import type { SeededRecord } from './seed';
import { seedTeam } from './seed';
import type { CallerKind, Session, TeamKey, World } from './world';
import { callerKinds, createWorld, roleOf } from './world';

/** [label, caller, target team, endpoint]: in that order so the test title names the caller. */
type Case = [string, Caller, TeamKey, EndpointSpec];
const cases: Case[] = endpoints.flatMap((e) => [
  ...callerKinds.flatMap((k) => (['own', 'other'] as const).map((t): Case => [endpointKey(e), k, t, e])),
  [endpointKey(e), 'anonymous', 'own', e] satisfies Case,
]);

it('has a hand-written expectation for every route, and none for a route that does not exist', () => {
  expect(Object.keys(expectedEndpointAccess).sort()).toEqual(endpoints.map(endpointKey).sort());
});

describe.each(engines)('authorization matrix on $name', (engine) => {
  let world: World;
  const sessions = new Map<CallerKind, Session>();
  const seeded: Record<TeamKey, SeededRecord[]> = { own: [], other: [] };
  let otherTeamIds: string[] = [];

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl });
    for (const kind of callerKinds) sessions.set(kind, await world.signIn(world.teams.own.users[kind]));
    for (const key of ['own', 'other'] as const) {
      const team = world.teams[key];
      seeded[key] = await seedTeam(world.server.storage, team.teamId, { workerId: team.users.outreach_worker.id, otherAuthorId: team.target.id });
    }
    const other = world.teams.other;
    otherTeamIds = [other.teamId, other.target.id, other.targetDeviceId, ...Object.values(other.users).map((u) => u.id), ...seeded.other.map((r) => r.id)];
  });

  afterAll(async () => {
    await world?.server.close();
  });

  it('lists every route the server has', () => {
    const printed = world.app.printRoutes({ commonPrefix: false });
    const methods = printed.match(/\b(GET|POST|PATCH|PUT|DELETE)\b/g) ?? [];
    expect(methods.length).toBe(endpoints.length);
    for (const e of endpoints) expect(world.app.hasRoute({ method: e.method, url: e.route }), e.route).toBe(true);
  });

  async function sessionFor(caller: Caller, endpoint: EndpointSpec): Promise<Session | undefined> {
    if (caller === 'anonymous') return undefined;
    if (endpoint.consumesSession === true) return world.signIn(world.teams.own.users[caller]);
    return sessions.get(caller);
  }

  it.each(cases)('%s as %s, target in %s team', async (_label, caller, team, endpoint) => {
    const session = await sessionFor(caller, endpoint);
    const ctx = { session, target: world.teams[team] };
    const res = await world.inject({
      method: endpoint.method,
      url: endpoint.url(ctx),
      ...(session !== undefined ? { headers: session.headers } : {}),
      ...(endpoint.body !== undefined ? { payload: endpoint.body(ctx) as Record<string, unknown> } : {}),
    });
    expect(res.statusCode, res.body).toBe(expectedStatus(endpoint, caller, team));
    expect(res.headers['cache-control']).toBe('no-store');
    // A caller in the own team never sees an id of the other team (logging in as one is the exception).
    if (endpoint.route !== '/api/auth/login') for (const id of otherTeamIds) expect(res.body).not.toContain(id);
  });

  async function pullEverything(session: Session): Promise<PullResponse['changes']> {
    const res = await world.inject({ method: 'GET', url: '/api/sync/pull?cursor=0&limit=1000&schemaVersion=1', headers: session.headers });
    expect(res.statusCode).toBe(200);
    const body = res.json<PullResponse>();
    expect(body.hasMore).toBe(false);
    return body.changes;
  }

  it.each(callerKinds)('a pull by %s holds exactly what expected-access.ts grants', async (kind) => {
    const session = sessions.get(kind);
    if (session === undefined) throw new Error('no session');
    const role = roleOf(kind);
    const changes = await pullEverything(session);
    const received = new Map(changes.map((c) => [`${c.collection}/${c.id}`, c.record]));
    for (const record of seeded.own) {
      expect(received.get(`${record.collection}/${record.id}`) ?? null, `${record.collection}`).toEqual(expectedView(role, session.userId, record));
    }
    const collections = new Set(changes.map((c) => c.collection));
    expect([...collections].sort()).toEqual(expectedCollections(role).sort());
    const userFields = expectedVisibility.users[role];
    if (typeof userFields !== 'string') {
      for (const u of changes.filter((c) => c.collection === 'users')) expect(Object.keys(u.record ?? {}).sort()).toEqual([...userFields].sort());
    }
    const json = JSON.stringify(changes);
    for (const id of otherTeamIds) expect(json).not.toContain(id);
  });

  it('a peer volunteer receives no restricted collection, field or value anywhere', async () => {
    const session = sessions.get('peer_volunteer');
    if (session === undefined) throw new Error('no session');
    const changes = await pullEverything(session);
    for (const c of PEER_FORBIDDEN_COLLECTIONS) expect(changes.some((ch) => ch.collection === c), c).toBe(false);
    const keys = allKeys(changes);
    for (const field of PEER_FORBIDDEN_FIELDS) expect(keys.has(field), field).toBe(false);
    expect(JSON.stringify(changes)).not.toContain('SECRET-');
    for (const u of changes.filter((c) => c.collection === 'users')) expect(Object.keys(u.record ?? {}).sort()).toEqual(['id', 'name', 'role']);
  });

  it('restricted notes reach only their author and team leads', async () => {
    const restricted = seeded.own.filter((r) => r.collection === 'notes' && r.data.level === 'restricted');
    const noteIds = async (kind: CallerKind): Promise<string[]> => {
      const session = sessions.get(kind);
      if (session === undefined) throw new Error('no session');
      return (await pullEverything(session)).filter((c) => c.collection === 'notes').map((c) => c.id);
    };
    const worker = await noteIds('outreach_worker');
    const lead = await noteIds('team_lead');
    const mine = restricted.filter((r) => r.data.createdBy === world.teams.own.users.outreach_worker.id).map((r) => r.id);
    const theirs = restricted.filter((r) => r.data.createdBy !== world.teams.own.users.outreach_worker.id).map((r) => r.id);
    expect(mine).toHaveLength(1);
    expect(theirs).toHaveLength(1);
    expect(worker).toEqual(expect.arrayContaining(mine));
    for (const id of theirs) expect(worker).not.toContain(id);
    expect(lead).toEqual(expect.arrayContaining([...mine, ...theirs]));
  });
});

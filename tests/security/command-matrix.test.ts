/**
 * The generated command matrix: every sync command × every caller kind × a target in
 * their own team or another. The expected outcome comes from the hand-written table in
 * expected-access.ts (may this role run this command at all?) and the fixture (does it
 * name a team's record?), never from the policy table it tests (issue 12). Then a peer
 * volunteer writing a client field or contact summary it may not read back is refused,
 * field by field, from the same hand-written table. A refused command changes no record:
 * at most it re-stamps its own team's target (a fresh seq, the same content) so the
 * refusing device pulls the server's version; another team's record it never touches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highestSeq } from '../../src/server/storage/records-store';
import type { ClientProfileField } from '../../src/shared/domain/client';
import { uuidv7 } from '../../src/shared/ids';
import type { CommandName } from '../../src/shared/sync/commands';
import { commandNames } from '../../src/shared/sync/commands';
import type { PushResponse } from '../../src/shared/sync/wire';
import { engines, nextHlc } from '../storage/helpers';
import { commandFixtures, seedPrerequisites } from './command-fixtures';
import { expectedCommandAccess, expectedVisibility, leadOnlyFields } from './expected-access';
import type { CallerKind, Session, TeamKey, World } from './world';
import { callerKinds, createWorld, roleOf } from './world';

function expectedCode(command: CommandName, caller: CallerKind, team: TeamKey): string | null {
  if (expectedCommandAccess[command][roleOf(caller)] === 'denied') return 'forbidden';
  return team === 'other' && commandFixtures[command].targeted ? 'not_found' : null;
}

const cases = commandNames.flatMap((command) =>
  callerKinds.flatMap((caller) => (commandFixtures[command].targeted ? (['own', 'other'] as const) : (['own'] as const)).map((team): [CommandName, CallerKind, TeamKey] => [command, caller, team])),
);

/** A valid value for every client profile field, so only the role decides a peer's create. */
const profileValues: Readonly<Record<ClientProfileField, unknown>> = {
  alias: 'Matrix',
  legalName: 'SECRET-legalName',
  birthYear: 1990,
  ageBand: '25_34',
  mayBeUnder18: false,
  genderIdentity: 'SECRET-genderIdentity',
  pronouns: 'they/them',
  languages: ['ro'],
  preferredLanguage: 'ro',
  interpreterNeeded: true,
  interpreterGender: 'woman',
  interpreterNotFromTheirCommunity: true,
  gpRegistered: false,
  safeContactMethods: ['text'],
  usualAreas: ['North'],
  keyWorkerId: uuidv7(),
  safetyFlags: ['being_watched'],
  processingRestricted: true,
};

/** May a peer write this field? Only if expected-access.ts lets it read the field back. */
const peerReads = (collection: 'clients' | 'contacts', field: string): boolean => {
  const visibility = expectedVisibility[collection].peer_volunteer;
  return visibility === 'whole record' || (typeof visibility !== 'string' && visibility.includes(field));
};

describe.each(engines)('command matrix on $name', (engine) => {
  let world: World;
  const sessions = new Map<CallerKind, Session>();
  const nextMutation = new Map<CallerKind, number>();

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl });
    for (const kind of callerKinds) sessions.set(kind, await world.signIn(world.teams.own.users[kind]));
  });

  afterAll(async () => {
    await world?.server.close();
  });

  const counter = async (): Promise<number> =>
    highestSeq(world.server.storage.db);
  /** Every record's content (not its seq), in a stable order. */
  const contents = async () =>
    world.server.storage.db.selectFrom('records').select(['collection', 'id', 'team_id', 'deleted', 'data']).orderBy('collection').orderBy('id').execute();

  it.each(cases)('%s as %s, target in %s team', async (command, caller, team) => {
    const session = sessions.get(caller);
    if (session === undefined) throw new Error('no session');
    const target = world.teams[team];
    const prerequisites = await seedPrerequisites(world.server.storage, target.teamId, target.users.outreach_worker.id);
    const id = (nextMutation.get(caller) ?? 0) + 1;
    nextMutation.set(caller, id);
    const mutation = { id, name: command, args: commandFixtures[command].args(prerequisites), hlc: nextHlc(session.deviceId) };
    const before = await counter();
    const contentsBefore = await contents();
    const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: session.headers, payload: { deviceId: session.deviceId, schemaVersion: 1, mutations: [mutation] } });
    expect(res.statusCode).toBe(200);
    const body = res.json<PushResponse>();
    const expected = expectedCode(command, caller, team);
    expect(body.rejections[0]?.code ?? null, body.rejections[0]?.message).toBe(expected);
    if (expected !== null) {
      expect(await contents()).toEqual(contentsBefore);
      if (team === 'other') expect(await counter()).toBe(before);
    }
    expect(res.body).not.toContain(world.teams.other.teamId);
  });

  async function pushAsPeer(name: CommandName, args: Record<string, unknown>): Promise<string | null> {
    const session = sessions.get('peer_volunteer');
    if (session === undefined) throw new Error('no session');
    const id = (nextMutation.get('peer_volunteer') ?? 0) + 1;
    nextMutation.set('peer_volunteer', id);
    const mutation = { id, name, args, hlc: nextHlc(session.deviceId) };
    const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: session.headers, payload: { deviceId: session.deviceId, schemaVersion: 1, mutations: [mutation] } });
    expect(res.statusCode).toBe(200);
    const rejection = res.json<PushResponse>().rejections[0];
    return rejection === undefined ? null : `${rejection.code}: ${rejection.message}`;
  }

  it.each(Object.keys(profileValues) as ClientProfileField[])('a peer volunteer creating a client with %s', async (field) => {
    const profile = { alias: 'Matrix', [field]: profileValues[field] };
    const outcome = await pushAsPeer('client.create', { id: uuidv7(), profile });
    expect(outcome).toEqual(peerReads('clients', field) && !leadOnlyFields.clients.includes(field) ? null : expect.stringMatching(/^forbidden:/));
  });

  it.each(callerKinds)('restricting processing as %s', async (caller) => {
    const session = sessions.get(caller);
    if (session === undefined) throw new Error('no session');
    const prerequisites = await seedPrerequisites(world.server.storage, world.teams.own.teamId, world.teams.own.users.outreach_worker.id);
    const id = (nextMutation.get(caller) ?? 0) + 1;
    nextMutation.set(caller, id);
    const args = { id: prerequisites.clientId, set: { processingRestricted: true }, seen: {} };
    const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: session.headers, payload: { deviceId: session.deviceId, schemaVersion: 1, mutations: [{ id, name: 'client.update', args, hlc: nextHlc(session.deviceId) }] } });
    expect(res.json<PushResponse>().rejections[0]?.code ?? null).toBe(roleOf(caller) === 'team_lead' ? null : 'forbidden');
  });

  it.each([
    ['without a summary', {}],
    ['with a summary', { summary: 'SECRET-summary' }],
  ])('a peer volunteer recording a contact %s', async (_label, extra: Record<string, unknown>) => {
    const prerequisites = await seedPrerequisites(world.server.storage, world.teams.own.teamId, world.teams.own.users.outreach_worker.id);
    const args = { ...commandFixtures['contact.record'].args(prerequisites), ...extra };
    const outcome = await pushAsPeer('contact.record', args);
    expect(outcome).toEqual(Object.keys(args).every((f) => peerReads('contacts', f)) ? null : expect.stringMatching(/^forbidden:/));
  });
});

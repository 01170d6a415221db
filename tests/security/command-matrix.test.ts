/**
 * The generated command matrix: every sync command × every caller kind × a target in
 * their own team or another. The expected outcome comes from the policy table (may this
 * role run this command at all?) and the fixture (does it name a team's record?), never
 * written per case — plus DESIGN.md's promise, written by hand so a wrong table cannot
 * pass its own test: a peer volunteer may run none of the referral, appointment and
 * follow-up commands. A refused command takes no server sequence number: it wrote nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyTable } from '../../src/server/services/policy';
import type { Role } from '../../src/shared/domain/common';
import type { CommandName } from '../../src/shared/sync/commands';
import { commandNames } from '../../src/shared/sync/commands';
import type { PushResponse } from '../../src/shared/sync/wire';
import { engines, nextHlc } from '../storage/helpers';
import { commandFixtures, seedPrerequisites } from './command-fixtures';
import type { CallerKind, Session, TeamKey, World } from './world';
import { callerKinds, createWorld, roleOf } from './world';

/** DESIGN.md: a peer's device never holds referrals, appointments or follow-ups. */
const PEER_FORBIDDEN_COMMANDS: readonly CommandName[] = ['referral.create', 'referral.transition', 'appointment.book', 'appointment.transition', 'followUp.create', 'followUp.complete'];

const mayRun = (role: Role, command: CommandName): boolean => Object.values(policyTable[role]).some((p) => p.write.includes(command));

function expectedCode(command: CommandName, caller: CallerKind, team: TeamKey): string | null {
  if (!mayRun(roleOf(caller), command)) return 'forbidden';
  return team === 'other' && commandFixtures[command].targeted ? 'not_found' : null;
}

const cases = commandNames.flatMap((command) =>
  callerKinds.flatMap((caller) => (commandFixtures[command].targeted ? (['own', 'other'] as const) : (['own'] as const)).map((team): [CommandName, CallerKind, TeamKey] => [command, caller, team])),
);

it('a peer volunteer may run no lifecycle command, by the table', () => {
  for (const command of PEER_FORBIDDEN_COMMANDS) expect(mayRun('peer_volunteer', command), command).toBe(false);
  for (const command of PEER_FORBIDDEN_COMMANDS) expect(mayRun('outreach_worker', command) && mayRun('team_lead', command), command).toBe(true);
});

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
    Number((await world.server.storage.db.selectFrom('counters').select('value').where('name', '=', 'server_seq').executeTakeFirstOrThrow()).value);

  it.each(cases)('%s as %s, target in %s team', async (command, caller, team) => {
    const session = sessions.get(caller);
    if (session === undefined) throw new Error('no session');
    const target = world.teams[team];
    const prerequisites = await seedPrerequisites(world.server.storage, target.teamId, target.users.outreach_worker.id);
    const id = (nextMutation.get(caller) ?? 0) + 1;
    nextMutation.set(caller, id);
    const mutation = { id, name: command, args: commandFixtures[command].args(prerequisites), hlc: nextHlc(session.deviceId) };
    const before = await counter();
    const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: session.headers, payload: { deviceId: session.deviceId, schemaVersion: 1, mutations: [mutation] } });
    expect(res.statusCode).toBe(200);
    const body = res.json<PushResponse>();
    const expected = expectedCode(command, caller, team);
    expect(body.rejections[0]?.code ?? null, body.rejections[0]?.message).toBe(expected);
    if (roleOf(caller) === 'peer_volunteer' && PEER_FORBIDDEN_COMMANDS.includes(command)) expect(expected).toBe('forbidden');
    if (expected !== null) expect(await counter()).toBe(before);
    expect(res.body).not.toContain(world.teams.other.teamId);
  });
});

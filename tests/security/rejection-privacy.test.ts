/**
 * A rejection is shown on the device and kept in the server's rejections table, so it must
 * tell another team nothing and repeat nothing the device sent. An id another team already
 * holds is refused exactly as one the caller's own team holds (no "already exists" answer
 * that confirms another team's record), and an invalid-args message names schema fields
 * only: never an unknown key, a free-form record key or a value from the device.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames } from '../../src/shared/sync/commands';
import type { CommandName } from '../../src/shared/sync/commands';
import type { PushResponse, Rejection } from '../../src/shared/sync/wire';
import { uuidv7 } from '../../src/shared/ids';
import { engines, nextHlc } from '../storage/helpers';
import type { Prerequisites } from './command-fixtures';
import { commandFixtures, seedPrerequisites } from './command-fixtures';
import { expectedCommandAccess } from './expected-access';
import type { Session, TeamKey, World } from './world';
import { createWorld } from './world';

const MARK = 'SECRET-Jane-Doe';

/** Commands that create a record under an id the device chose (their fixture's `id` is new). */
const sample: Prerequisites = { clientId: 'c', agencyId: 'a', consentId: 'k', referralId: 'r', appointmentId: 'p', followUpId: 'f', reviewItemId: 'v', alertId: 'w', missedAppointmentId: 'm', nrmConsentId: 'n', nrmReferralId: 'q' };
const sampleIds: readonly unknown[] = Object.values(sample);
const createCommands = commandNames.filter((name) => !sampleIds.includes(commandFixtures[name].args(sample).id));

describe.each(engines)('rejection privacy on $name', (engine) => {
  let world: World;
  // Workers, and for the commands only a lead may run (the directory), leads.
  const sessions = new Map<string, Session>();
  let mutationId = 0;

  beforeAll(async () => {
    world = await createWorld({ databaseUrl: engine.databaseUrl });
    for (const team of ['own', 'other'] as const) {
      sessions.set(team, await world.signIn(world.teams[team].users.outreach_worker));
      sessions.set(`${team}:lead`, await world.signIn(world.teams[team].users.team_lead));
    }
  });

  afterAll(async () => {
    await world?.server.close();
  });

  const session = (team: TeamKey | `${TeamKey}:lead`): Session => {
    const s = sessions.get(team);
    if (s === undefined) throw new Error('no session');
    return s;
  };

  async function pushOne(team: TeamKey, name: string, args: unknown, asLead = false): Promise<Rejection | undefined> {
    const s = session(asLead ? `${team}:lead` : team);
    mutationId += 1;
    const mutation = { id: mutationId, name, args, hlc: nextHlc(s.deviceId) };
    const res = await world.inject({ method: 'POST', url: '/api/sync/push', headers: s.headers, payload: { deviceId: s.deviceId, schemaVersion: 1, mutations: [mutation] } });
    expect(res.statusCode).toBe(200);
    return res.json<PushResponse>().rejections[0];
  }

  const prerequisites = (team: TeamKey) => seedPrerequisites(world.server.storage, world.teams[team].teamId, world.teams[team].users.outreach_worker.id);
  const withoutId = (r: Rejection | undefined) => (r === undefined ? undefined : { code: r.code, message: r.message });

  it('knows which commands create records', () => {
    expect(createCommands).toEqual(expect.arrayContaining(['client.create', 'note.add', 'referral.create', 'appointment.book', 'followUp.create']));
  });

  it.each(createCommands)('%s: an id taken in another team is refused exactly like one taken in the own team', async (name: CommandName) => {
    const asLead = expectedCommandAccess[name].outreach_worker !== 'allowed';
    const own = await prerequisites('own');
    const first = commandFixtures[name].args(own);
    expect(await pushOne('own', name, first, asLead)).toBeUndefined();
    const again = await pushOne('own', name, { ...commandFixtures[name].args(await prerequisites('own')), id: first.id }, asLead);
    const fromOther = await pushOne('other', name, { ...commandFixtures[name].args(await prerequisites('other')), id: first.id }, asLead);
    expect(withoutId(fromOther)).toEqual(withoutId(again));
    expect(fromOther?.code).toBe('invalid_args');
    expect(fromOther?.message).not.toMatch(/exist/i);
  });

  it('refuses a missed appointment whose follow-up id another team holds exactly like one the own team holds', async () => {
    const own = await prerequisites('own');
    const other = await prerequisites('other');
    const mine = await pushOne('own', 'appointment.transition', { id: own.appointmentId, to: 'missed', at: new Date().toISOString(), followUpId: own.followUpId });
    const theirs = await pushOne('own', 'appointment.transition', { id: own.appointmentId, to: 'missed', at: new Date().toISOString(), followUpId: other.followUpId });
    expect(mine).toBeDefined();
    expect(withoutId(theirs)).toEqual(withoutId(mine));
    expect(theirs?.message).not.toMatch(/exist/i);
  });

  it('never repeats what the device sent in an invalid-args message, and still names the field', async () => {
    const own = await prerequisites('own');
    const at = new Date().toISOString();
    const cases: [string, unknown, RegExp][] = [
      ['client.create', { id: uuidv7(), profile: { alias: 'Kept', [MARK]: 'x' } }, /^profile: unknown field/],
      ['client.create', { id: uuidv7(), profile: { alias: 'Kept' }, [`${MARK}-top`]: 1 }, /^\(args\): unknown field/],
      ['client.update', { id: own.clientId, set: { alias: 'Renamed' }, seen: { [MARK]: 'not a clock' } }, /^seen\.\*: /],
      ['assessment.record', { id: uuidv7(), clientId: own.clientId, assessedAt: at, domains: { housing: { need: 'some', details: { [MARK.repeat(3)]: true } } } }, /^domains\.housing\.details\.\*: /],
      ['assessment.record', { id: uuidv7(), clientId: own.clientId, assessedAt: at, domains: { [MARK]: { need: 'some' } } }, /^domains: unknown field/],
      ['contact.record', { ...commandFixtures['contact.record'].args(own), kind: MARK }, /^kind: /],
      ['note.add', { ...commandFixtures['note.add'].args(own), level: { [MARK]: MARK } }, /^level: /],
    ];
    for (const [name, args, expected] of cases) {
      const rejection = await pushOne('own', name, args);
      expect(rejection?.code, name).toBe('invalid_args');
      expect(rejection?.message).toMatch(expected);
      expect(rejection?.message).not.toContain('SECRET');
    }
    const stored = await world.server.storage.db.selectFrom('rejections').select('message').where('device_id', '=', session('own').deviceId).execute();
    expect(stored.length).toBeGreaterThanOrEqual(cases.length);
    expect(JSON.stringify(stored)).not.toContain('SECRET');
  });
});

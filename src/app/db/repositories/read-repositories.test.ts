/**
 * The repositories' reads and small writes on a real (fake-indexeddb) device database:
 * each one's order, its filter, and what it refuses. Records the server sent are put in
 * the store directly, as a pull would; records the device makes go through the repository.
 */
import { describe, expect, it } from 'vitest';
import type { AgencyRecord } from '../../../shared/domain/agency';
import type { AppointmentRecord } from '../../../shared/domain/appointment';
import type { AssessmentRecord } from '../../../shared/domain/assessment';
import type { ConsentRecord } from '../../../shared/domain/consent';
import type { ContactRecord } from '../../../shared/domain/contact';
import { noSupplies } from '../../../shared/domain/contact';
import type { FollowUpRecord } from '../../../shared/domain/follow-up';
import type { UserRecord } from '../../../shared/domain/people';
import type { ReferralRecord } from '../../../shared/domain/referral';
import { encodeHlc } from '../../../shared/hlc';
import { uuidv7 } from '../../../shared/ids';
import type { CollectionName, RecordOf } from '../../../shared/sync/collections';
import { createPassthroughCipher } from '../cipher';
import { toStoredRecord, type LanternDb } from '../schema';
import { createTestDb, testSession } from '../test-support';
import { createAgenciesRepository } from './agencies';
import { createAppointmentsRepository } from './appointments';
import { createAssessmentsRepository } from './assessments';
import { createCaseloadRepository } from './caseload';
import { createConsentsRepository } from './consents';
import { createContactsRepository } from './contacts';
import { createFollowUpsRepository } from './follow-ups';
import { createNotesRepository } from './notes';
import { createReferralsRepository } from './referrals';
import type { RepositoryDeps } from './repository-deps';
import { createSafetyAlertsRepository } from './safety-alerts';
import { createReviewItemsRepository } from './review-items';
import { createTeamMembersRepository } from './team-members';

const cipher = createPassthroughCipher();
const NOW = Date.parse('2026-11-20T22:00:00.000Z');
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 10, d, h)).toISOString();
const own = { teamId: testSession.teamId, createdBy: testSession.userId, createdAt: day(1) };
const clientId = uuidv7();
const otherClient = uuidv7();

function setup(): { db: LanternDb; deps: RepositoryDeps } {
  const db = createTestDb();
  return { db, deps: { db, cipher, getSession: () => testSession, now: () => NOW } };
}

/** Stores records as a pull would. */
async function put<C extends CollectionName>(db: LanternDb, collection: C, ...records: RecordOf<C>[]): Promise<void> {
  for (const record of records) await db.records(collection).put(toStoredRecord(collection, record, await cipher.seal(record)));
}

/** Ids in the order given, for comparing orders. */
const ids = (records: readonly { id: string }[]) => records.map((r) => r.id);

// Fixed ids in increasing (UUIDv7) order, so that ties are broken predictably.
const idsInOrder = Array.from({ length: 8 }, () => uuidv7()).sort();
const nth = (i: number): string => idsInOrder[i] ?? uuidv7();

describe('agencies and team members', () => {
  const agency = (id: string, name: string): AgencyRecord => ({
    id, name, services: [], openingHours: [], outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: false,
    howToRefer: '', isExample: false, ...own, updatedAt: day(1), clocks: {},
  });
  const member = (id: string, name: string): UserRecord => ({ id, name, role: 'outreach_worker' });

  it('lists agencies by name, then by id for the same name', async () => {
    const { db, deps } = setup();
    await put(db, 'agencies', agency(nth(2), 'Beacon'), agency(nth(1), 'Anchor'), agency(nth(3), 'Anchor'), agency(nth(0), 'Cove'));
    expect(ids(await createAgenciesRepository(deps).list())).toEqual([nth(1), nth(3), nth(2), nth(0)]);
  });

  it('adds, edits (sending the clocks it saw) and archives an agency; archived ones are not offered', async () => {
    const { db, deps } = setup();
    const clock = encodeHlc({ wallMs: NOW - 60_000, counter: 0, deviceId: 'server' });
    await put(db, 'agencies', { ...agency(nth(0), 'Anchor'), clocks: { phone: clock } });
    const repo = createAgenciesRepository(deps);
    const added = await repo.create({ name: 'Beacon', services: ['housing'], openingHours: [{ day: 5, opens: '22:00', closes: '02:00', dropIn: true }], outOfHours: true, fastTrack: false, womenOnly: false, transInclusive: true, howToRefer: 'Call', noIdNeeded: true });
    expect(added).toMatchObject({ name: 'Beacon', isExample: false, teamId: testSession.teamId, noIdNeeded: true });
    await repo.update(nth(0), { phone: '01632 960111' });
    await repo.archive(nth(0), true);
    expect(ids(await repo.offered())).toEqual([added.id]);
    expect(ids(await repo.list())).toEqual([nth(0), added.id]);
    expect(await repo.get(nth(0))).toMatchObject({ phone: '01632 960111', archived: true });
    const sent = await Promise.all((await db.outbox.toArray()).map(async (e) => ({ name: e.name, args: ((await cipher.open(e.enc)) as { args: unknown }).args })));
    expect(sent.map((e) => e.name)).toEqual(['agency.create', 'agency.update', 'agency.archive']);
    expect(sent[1]?.args).toEqual({ id: nth(0), set: { phone: '01632 960111' }, seen: { phone: clock } });
    await expect(repo.update(uuidv7(), { phone: null })).rejects.toThrow(/is not on this device/);
    await expect(repo.create({ name: '', services: [], openingHours: [], outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: false, howToRefer: '' })).rejects.toThrow();
  });

  it('lists team members by name, then by id', async () => {
    const { db, deps } = setup();
    await put(db, 'users', member(nth(3), 'Sam'), member(nth(2), 'Ali'), member(nth(0), 'Sam'));
    expect(ids(await createTeamMembersRepository(deps).list())).toEqual([nth(2), nth(0), nth(3)]);
  });
});

describe("a client's records", () => {
  it('lists assessments newest first and gives the latest; none for another client', async () => {
    const { db, deps } = setup();
    const assessment = (id: string, d: number, client = clientId): AssessmentRecord => ({ id, clientId: client, assessedAt: day(d), domains: {}, ...own });
    await put(db, 'assessments', assessment(nth(0), 3), assessment(nth(1), 5), assessment(nth(2), 5), assessment(nth(3), 9, otherClient));
    const repo = createAssessmentsRepository(deps);
    expect(ids(await repo.forClient(clientId))).toEqual([nth(2), nth(1), nth(0)]);
    expect((await repo.latestForClient(clientId))?.id).toBe(nth(2));
    expect(await repo.latestForClient(uuidv7())).toBeUndefined();
  });

  it('lists consent events newest decision first', async () => {
    const { db, deps } = setup();
    const consent = (id: string, d: number, client = clientId): ConsentRecord => ({ id, clientId: client, kind: 'store', decision: 'given', method: 'verbal', decidedAt: day(d), ...own });
    await put(db, 'consents', consent(nth(0), 7), consent(nth(1), 2), consent(nth(2), 9, otherClient));
    expect(ids(await createConsentsRepository(deps).forClient(clientId))).toEqual([nth(0), nth(1)]);
  });

  it("lists a client's contacts and the most recent of all, newest first", async () => {
    const { db, deps } = setup();
    const contact = (id: string, d: number, client: string | null = clientId): ContactRecord => ({ id, clientId: client, at: day(d), area: 'Docks', kind: 'street', supplies: noSupplies, outcome: 'building_trust', ...own });
    await put(db, 'contacts', contact(nth(0), 4), contact(nth(1), 6), contact(nth(2), 5, null), contact(nth(3), 8, otherClient));
    const repo = createContactsRepository(deps);
    expect(ids(await repo.forClient(clientId))).toEqual([nth(1), nth(0)]);
    expect(ids(await repo.recent(3))).toEqual([nth(3), nth(1), nth(2)]);
  });

  it('adds notes and lists them newest first', async () => {
    const { deps } = setup();
    const repo = createNotesRepository(deps);
    const first = await repo.add({ clientId, body: 'Prefers evenings', level: 'team' });
    const second = await repo.add({ clientId, body: 'Moved to the hostel', level: 'team' });
    await repo.add({ clientId: otherClient, body: 'Someone else', level: 'team' });
    expect(first).toMatchObject({ clientId, body: 'Prefers evenings', level: 'team', createdBy: testSession.userId, createdAt: new Date(NOW).toISOString() });
    expect(ids(await repo.forClient(clientId))).toEqual([second.id, first.id]);
    await expect(repo.add({ clientId, body: '', level: 'team' })).rejects.toThrow();
  });
});

describe('lifecycles on the device', () => {
  const appointment = (id: string, d: number, status: AppointmentRecord['status'] = 'booked', client = clientId): AppointmentRecord => ({
    id, clientId: client, agencyId: null, at: day(d), place: 'Clinic', status, ...own, updatedAt: day(1), history: [{ status: 'booked', at: day(1), by: own.createdBy }],
  });

  it("lists a client's appointments soonest first, and the booked ones from now on", async () => {
    const { db, deps } = setup();
    await put(db, 'appointments', appointment(nth(0), 25), appointment(nth(1), 19), appointment(nth(2), 22), appointment(nth(3), 21, 'missed'), appointment(nth(4), 23, 'booked', otherClient));
    const repo = createAppointmentsRepository(deps);
    expect(ids(await repo.forClient(clientId))).toEqual([nth(1), nth(3), nth(2), nth(0)]);
    expect(ids(await repo.upcoming())).toEqual([nth(2), nth(4), nth(0)]); // from the injected now, 20 Nov 22:00
    expect(ids(await repo.upcoming(new Date(day(22))))).toEqual([nth(2), nth(4), nth(0)]); // at the very time: still upcoming
    expect(ids(await repo.upcoming(new Date(day(24))))).toEqual([nth(0)]);
  });

  it('marks an appointment missed with a follow-up stamped by the injected clock, and refuses what the lifecycle forbids', async () => {
    const { db, deps } = setup();
    await put(db, 'appointments', appointment(nth(0), 19), appointment(nth(1), 18, 'attended'));
    const appointments = createAppointmentsRepository(deps);
    const moved = await appointments.transition(nth(0), 'missed');
    expect(moved).toMatchObject({ status: 'missed' });
    expect(moved.history.at(-1)).toMatchObject({ status: 'missed', at: new Date(NOW).toISOString() });
    const [followUp] = await createFollowUpsRepository(deps).forClient(clientId);
    expect(followUp).toMatchObject({ reason: 'missed_appointment', appointmentId: nth(0), assigneeId: testSession.userId, createdAt: new Date(NOW).toISOString() });
    await expect(appointments.transition(nth(1), 'missed')).rejects.toThrow('a attended appointment cannot become missed');
    await expect(appointments.transition(uuidv7(), 'attended')).rejects.toThrow(/is not on this device/);
  });

  it('lists my open follow-ups soonest due first, and completes one', async () => {
    const { db, deps } = setup();
    const followUp = (id: string, d: number, assigneeId: string | null, status: FollowUpRecord['status'] = 'open', client = clientId): FollowUpRecord => ({
      id, clientId: client, reason: 'check_in', dueAt: day(d), assigneeId, status, ...own, updatedAt: day(1),
    });
    const someoneElse = uuidv7();
    await put(db, 'followUps', followUp(nth(0), 9, testSession.userId), followUp(nth(1), 3, testSession.userId), followUp(nth(2), 2, someoneElse), followUp(nth(3), 1, testSession.userId, 'done'), followUp(nth(4), 5, testSession.userId, 'open', otherClient));
    const repo = createFollowUpsRepository(deps);
    expect(ids(await repo.mine(testSession.userId))).toEqual([nth(1), nth(4), nth(0)]);
    expect(ids(await repo.open())).toEqual([nth(2), nth(1), nth(4), nth(0)]);
    expect(ids(await repo.forClient(clientId))).toEqual([nth(3), nth(2), nth(1), nth(0)]);
    expect(await repo.complete(nth(1))).toMatchObject({ status: 'done' });
    expect(ids(await repo.mine(testSession.userId))).toEqual([nth(4), nth(0)]);
    await expect(repo.complete(uuidv7())).rejects.toThrow(/is not on this device/);
  });

  it('lists referrals newest first and the open ones, and names the allowed moves when refusing one', async () => {
    const { db, deps } = setup();
    const referral = (id: string, d: number, status: ReferralRecord['status'], client = clientId): ReferralRecord => ({
      id, clientId: client, agencyId: uuidv7(), need: 'housing', urgency: 'soon', consentId: uuidv7(), consentedSummary: '', sharedFields: [], status,
      ...own, createdAt: day(d), updatedAt: day(d), history: [{ status, at: day(d), by: own.createdBy }],
    });
    await put(db, 'referrals', referral(nth(0), 2, 'sent'), referral(nth(1), 6, 'closed'), referral(nth(2), 4, 'booked'), referral(nth(3), 8, 'acknowledged', otherClient));
    const repo = createReferralsRepository(deps);
    expect(ids(await repo.forClient(clientId))).toEqual([nth(1), nth(2), nth(0)]);
    expect(ids(await repo.open())).toEqual([nth(3), nth(2), nth(0)]);
    await expect(repo.transition(nth(1), 'sent')).rejects.toThrow('a closed referral can move to nothing, not sent');
    await expect(repo.transition(nth(0), 'attended')).rejects.toThrow('a sent referral can move to acknowledged, booked, declined, closed, not attended');
    expect(await repo.transition(nth(0), 'acknowledged')).toMatchObject({ status: 'acknowledged' });
    await expect(repo.transition(uuidv7(), 'closed')).rejects.toThrow(/is not on this device/);
  });
});

describe('safety alerts', () => {
  it('lists alerts not yet expired, newest first, and raises one with an id from the injected clock', async () => {
    const { db, deps } = setup();
    const alert = (id: string, created: number, expiresAt: string) => ({ id, area: 'Docks', message: 'Car circling', expiresAt, ...own, createdAt: day(created) });
    const now = new Date(day(20));
    await put(
      db,
      'safetyAlerts',
      alert(nth(0), 18, day(21)),
      alert(nth(1), 19, day(20, 13)),
      alert(nth(2), 19, day(20, 12)), // expires exactly now: gone
      alert(nth(3), 10, day(19)),
      alert(nth(4), 19, '2026-11-20T14:30:00.000+02:00'), // 12:30 UTC: still active
    );
    const repo = createSafetyAlertsRepository(deps);
    expect(ids(await repo.active(now))).toEqual([nth(4), nth(1), nth(0)]);
    const raised = await repo.raise('Pier', 'Man with a knife', day(23));
    expect(raised.id.slice(0, 13)).toBe(uuidv7(NOW).slice(0, 13));
    expect(await repo.withdraw(nth(1))).toMatchObject({ withdrawnAt: new Date(NOW).toISOString(), withdrawnBy: testSession.userId });
    expect(ids(await repo.active(now))).toEqual([raised.id, nth(4), nth(0)]);
  });
});

describe('the review queue', () => {
  it('lists open items oldest first and resolves one, once', async () => {
    const { db, deps } = setup();
    const clock = encodeHlc({ wallMs: NOW, counter: 0, deviceId: 'device-a' });
    const item = (id: string, d: number, status: 'open' | 'resolved' = 'open') => ({
      id, teamId: own.teamId, collection: 'clients', recordId: clientId, field: 'pronouns', losingValue: 'she/her', losingHlc: clock, winningValue: 'they/them', winningHlc: clock, status, createdAt: day(d),
    });
    await put(db, 'reviewItems', item(nth(0), 5), item(nth(1), 3), item(nth(2), 4, 'resolved'));
    const repo = createReviewItemsRepository(deps);
    expect(ids(await repo.open())).toEqual([nth(1), nth(0)]);
    expect(await repo.countOpen()).toBe(2);
    expect(await repo.resolve(nth(1), 'merged', 'she/they')).toMatchObject({ status: 'resolved', kept: 'merged', resolvedBy: testSession.userId });
    expect(ids(await repo.open())).toEqual([nth(0)]);
    const [entry] = await db.outbox.toArray();
    expect(await cipher.open(entry!.enc)).toEqual({ args: { id: nth(1), keep: 'merged', value: 'she/they', at: new Date(NOW).toISOString() } });
    await expect(repo.resolve(nth(1), 'current')).rejects.toThrow('this review item is not open on this device');
  });
});

describe('the caseload', () => {
  it('reads every record the view is built from, and only the open referrals', async () => {
    const { db, deps } = setup();
    await put(db, 'clients', { id: clientId, alias: 'Robin', ...own, updatedAt: day(1), clocks: {} }, { id: otherClient, alias: 'Ash', ...own, updatedAt: day(1), clocks: {} });
    await put(db, 'contacts', { id: nth(0), clientId, at: day(3), area: 'Docks', kind: 'street', supplies: noSupplies, outcome: 'building_trust', ...own });
    await put(db, 'assessments', { id: nth(1), clientId, assessedAt: day(3), domains: {}, ...own });
    const referral = (id: string, status: ReferralRecord['status']): ReferralRecord => ({
      id, clientId, agencyId: uuidv7(), need: 'housing', urgency: 'soon', consentId: uuidv7(), consentedSummary: '', sharedFields: [], status, ...own, updatedAt: day(1), history: [],
    });
    await put(db, 'referrals', referral(nth(2), 'sent'), referral(nth(3), 'closed'), referral(nth(4), 'declined'));
    await put(db, 'appointments', { id: nth(5), clientId, agencyId: null, at: day(9), place: 'Clinic', status: 'missed', ...own, updatedAt: day(1), history: [] });
    await put(db, 'followUps', { id: nth(6), clientId, reason: 'check_in', dueAt: day(4), assigneeId: null, status: 'done', ...own, updatedAt: day(1) });
    const loaded = await createCaseloadRepository(deps).load();
    expect(ids(loaded.clients).sort()).toEqual([clientId, otherClient].sort());
    expect([loaded.contacts, loaded.assessments, loaded.referrals, loaded.appointments, loaded.followUps].map(ids)).toEqual([[nth(0)], [nth(1)], [nth(2)], [nth(5)], [nth(6)]]);
  });
});

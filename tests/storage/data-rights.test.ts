/**
 * The right to erasure through the real routes, push and pull, on every engine: a lead asks,
 * the same lead cannot confirm, a second lead does; every record about the person becomes a
 * tombstone in one transaction and reaches a worker's device at its next pull; contacts
 * stay as anonymous contacts; nobody else's records change; the content is gone from the
 * database (and, on SQLite, from the file and its write-ahead log); the audit keeps ids only.
 */
import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Erasure } from '../../src/shared/api/erasure';
import type { SubjectAccess } from '../../src/shared/api/subject-access';
import { putRecord } from '../../src/server/storage/records-store';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import { nrmExplanationItems } from '../../src/shared/domain/consent';
import { uuidv7 } from '../../src/shared/ids';
import type { CommandName } from '../../src/shared/sync/commands';
import type { Engine, Session, TestMutation } from './helpers';
import { engines, mutationsInOrder, nextHlc, pullAll, push, signIn } from './helpers';

describe.each(engines)('erasing a person on $name', (engine: Engine) => {
  let server: TestServer;
  let worker: Session;
  let lead: Session;
  let secondLead: Session;
  let admin: Session;
  let agencyId = '';
  /** One mutation from `session`, with the device's next outbox id. */
  const m = mutationsInOrder();

  async function pushAll(session: Session, mutations: [CommandName, Record<string, unknown>][]): Promise<void> {
    const res = await push(server.app, session, mutations.map(([name, args]) => m(session, name, args)));
    expect(res.status).toBe(200);
    expect(res.body.rejections).toEqual([]);
  }

  const call = (session: Session, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>) =>
    server.app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) });

  /**
   * A person with a record in every collection about them, each holding `canary`; returns
   * their id and the ids of what was written about them.
   */
  async function seedPerson(canary: string): Promise<{ clientId: string; contactIds: string[]; otherIds: string[] }> {
    const clientId = uuidv7();
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const [contact, anonymous, share, store, assessment, note, appointment, referral, followUp, observation, nrmConsent, nrmReferral, nrmWait] = Array.from({ length: 13 }, () => uuidv7());
    await pushAll(worker, [
      ['client.create', { id: clientId, profile: { alias: `${canary}-alias`, legalName: `${canary} Legal`, usualAreas: [`${canary}-area`] } }],
      ['contact.record', { id: contact, clientId, at, area: 'Docks', kind: 'street', supplies: { condoms: 3, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, outcome: 'building_trust', summary: `${canary} said` }],
      ['consent.record', { id: store, clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: at }],
      ['consent.record', { id: share, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: at, agencyId }],
      ['assessment.record', { id: assessment, clientId, assessedAt: at, domains: { housing: { need: 'urgent', notes: `${canary} sleeps out` } } }],
      ['note.add', { id: note, clientId, body: `${canary} note`, level: 'team' }],
      ['referral.create', { id: referral, clientId, agencyId, need: 'housing', urgency: 'urgent', consentId: share, consentedSummary: `${canary} needs a bed`, sharedFields: ['alias'], status: 'sent' }],
      ['appointment.book', { id: appointment, clientId, agencyId, at, place: `${canary} door` }],
      ['appointment.transition', { id: appointment, to: 'missed', at, followUpId: followUp }],
      ['observation.record', { id: observation, clientId, observedAt: at, cues: ['others_hold_documents'], notes: `${canary} noticed` }],
      ['consent.record', { id: nrmConsent, clientId, kind: 'nrm', decision: 'given', method: 'verbal', decidedAt: at, explanationGiven: [...nrmExplanationItems] }],
      ['nrm.refer', { id: nrmReferral, clientId, route: 'adult', consentId: nrmConsent, firstResponder: `${canary} Outreach`, referredOn: at.slice(0, 10), reference: null, followUpId: nrmWait }],
    ]);
    // Somebody else's contact on the same night: never touched.
    await pushAll(worker, [['contact.record', { id: anonymous, clientId: null, at, area: 'Docks', kind: 'street', supplies: { condoms: 1, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 }, outcome: 'building_trust' }]]);
    // A review item of theirs, as a concurrent overwrite leaves one.
    const reviewId = uuidv7();
    await server.storage.db.transaction().execute((trx) =>
      putRecord(trx, {
        collection: 'reviewItems',
        id: reviewId,
        teamId: server.teamId,
        data: { id: reviewId, teamId: server.teamId, collection: 'clients', recordId: clientId, field: 'alias', losingValue: `${canary}-old`, losingHlc: nextHlc(worker.deviceId), winningValue: `${canary}-alias`, winningHlc: nextHlc(worker.deviceId), status: 'open', createdAt: at },
      }),
    );
    return { clientId, contactIds: [contact ?? ''], otherIds: [store, share, assessment, note, referral, appointment, followUp, observation, nrmConsent, nrmReferral, nrmWait, reviewId].map(String) };
  }

  /** The rows `seedPerson` writes the canary into: client, contact, assessment, note, referral, appointment, observation, NRM referral, review item. */
  const CANARY_ROWS = 9;

  async function liveRowsContaining(text: string): Promise<number> {
    const rows = await server.storage.db.selectFrom('records').select('id').where('data', 'like', `%${text}%`).execute();
    return rows.length;
  }

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl });
    agencyId = server.agencyIds[0] ?? '';
    const w = await server.createUser('outreach_worker');
    worker = await signIn(server.app, w.username, w.password);
    const l = await server.createUser('team_lead');
    lead = await signIn(server.app, l.username, l.password);
    const l2 = await server.createUser('team_lead');
    secondLead = await signIn(server.app, l2.username, l2.password);
    admin = await signIn(server.app, 'admin', server.adminPassword);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('waits for a second team lead, then tombstones every record about the person and keeps their contacts anonymous', async () => {
    const canary = `Erasable${uuidv7().slice(-8)}`;
    const other = await seedPerson(`Keep${uuidv7().slice(-8)}`);
    const person = await seedPerson(canary);
    const { cursor } = await pullAll(server.app, worker);

    const asked = await call(lead, 'POST', '/api/erasures', { clientId: person.clientId });
    expect(asked.statusCode).toBe(201);
    const request = asked.json<Erasure>();
    expect(request).toMatchObject({ clientId: person.clientId, status: 'pending', requestedBy: lead.userId, decidedBy: null, counts: null });
    // Nothing is erased while it waits.
    expect(await liveRowsContaining(canary)).toBeGreaterThan(0);
    expect((await call(lead, 'GET', '/api/erasures')).json<{ erasures: Erasure[] }>().erasures.map((e) => e.id)).toContain(request.id);
    expect((await call(lead, 'POST', '/api/erasures', { clientId: person.clientId })).statusCode).toBe(409);

    const self = await call(lead, 'POST', `/api/erasures/${request.id}/confirm`);
    expect(self.statusCode).toBe(409);
    expect(self.json<{ message: string }>().message).toBe('A second team lead must confirm an erasure you asked for.');
    expect(await liveRowsContaining(canary)).toBeGreaterThan(0);

    const confirmed = await call(secondLead, 'POST', `/api/erasures/${request.id}/confirm`);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json<Erasure>()).toMatchObject({ status: 'erased', decidedBy: secondLead.userId, counts: { tombstoned: 1 + person.otherIds.length, anonymised: 1 } });
    expect(await liveRowsContaining(canary)).toBe(0);
    expect(await liveRowsContaining(person.clientId)).toBe(0);
    expect((await call(lead, 'GET', '/api/erasures')).json<{ erasures: Erasure[] }>().erasures).toEqual([]);
    expect((await call(secondLead, 'POST', `/api/erasures/${request.id}/confirm`)).statusCode).toBe(409);

    // The worker's device hears of it at its next pull (a lead's, of the review item too).
    const { changes } = await pullAll(server.app, worker, cursor);
    const byId = new Map(changes.map((c) => [c.id, c]));
    const reviewItemId = person.otherIds.at(-1) ?? '';
    for (const id of [person.clientId, ...person.otherIds.slice(0, -1)]) expect(byId.get(id), id).toMatchObject({ deleted: true, record: null });
    expect(byId.has(reviewItemId)).toBe(false);
    expect((await pullAll(server.app, lead)).changes.find((c) => c.id === reviewItemId)).toMatchObject({ deleted: true, record: null });
    const contact = byId.get(person.contactIds[0] ?? '');
    expect(contact).toMatchObject({ deleted: false, record: { clientId: null, area: 'Docks', outcome: 'building_trust', supplies: { condoms: 3 } } });
    expect(contact?.record).not.toHaveProperty('summary');
    expect(JSON.stringify(changes)).not.toContain(canary);
    // Nobody else's records were written again.
    for (const id of [other.clientId, ...other.otherIds, ...other.contactIds]) expect(byId.has(id), id).toBe(false);

    // The audit keeps who, when and the id: nothing of the person.
    const audit = await server.storage.db.selectFrom('audit_log').selectAll().where('record_id', '=', person.clientId).where('action', 'like', 'clients.erase%').orderBy('id').execute();
    expect(audit.map((a) => [a.action, a.outcome, a.user_id])).toEqual([
      ['clients.erase.request', 'ok', lead.userId],
      ['clients.erase', 'denied:same_lead', lead.userId],
      ['clients.erase', 'ok', secondLead.userId],
    ]);
  });

  it('erases a person whose consent to keep a record is withdrawn, in the push that brings the withdrawal', async () => {
    const canary = `Withdrawn${uuidv7().slice(-8)}`;
    const person = await seedPerson(canary);
    const { cursor } = await pullAll(server.app, worker);
    const withdrawal = uuidv7();
    await pushAll(worker, [['consent.record', { id: withdrawal, clientId: person.clientId, kind: 'store', decision: 'withdrawn', method: 'verbal', decidedAt: new Date().toISOString() }]]);
    expect(await liveRowsContaining(canary)).toBe(0);
    const { changes } = await pullAll(server.app, worker, cursor);
    const byId = new Map(changes.map((c) => [c.id, c]));
    for (const id of [person.clientId, withdrawal, ...person.otherIds.slice(0, -1)]) expect(byId.get(id), id).toMatchObject({ deleted: true, record: null });
    expect(byId.get(person.contactIds[0] ?? '')?.record).toMatchObject({ clientId: null });
    const audit = await server.storage.db.selectFrom('audit_log').select(['action', 'outcome', 'user_id']).where('record_id', '=', person.clientId).where('action', '=', 'clients.erase').execute();
    expect(audit).toEqual([{ action: 'clients.erase', outcome: 'ok:consent_withdrawn', user_id: worker.userId }]);
  });

  it('keeps the record when consent to store is declined or given, or another consent is withdrawn', async () => {
    const canary = `Declined${uuidv7().slice(-8)}`;
    const person = await seedPerson(canary);
    const consent = (kind: string, decision: string): [CommandName, Record<string, unknown>] => [
      'consent.record',
      { id: uuidv7(), clientId: person.clientId, kind, decision, method: 'verbal', decidedAt: new Date().toISOString(), ...(kind === 'share' ? { agencyId } : {}) },
    ];
    await pushAll(worker, [consent('store', 'declined'), consent('store', 'given'), consent('share', 'withdrawn'), consent('nrm', 'withdrawn')]);
    expect(await liveRowsContaining(canary)).toBe(CANARY_ROWS);
  });

  it('gives a team lead everything held about one person, and audits who asked', async () => {
    const canary = `Access${uuidv7().slice(-8)}`;
    const other = await seedPerson(`Other${uuidv7().slice(-8)}`);
    const person = await seedPerson(canary);
    const res = await call(lead, 'GET', `/api/clients/${person.clientId}/export`);
    expect(res.statusCode).toBe(200);
    const copy = res.json<SubjectAccess>();
    expect(copy.person).toMatchObject({ id: person.clientId, alias: `${canary}-alias`, legalName: `${canary} Legal` });
    expect(copy.records.contacts.map((c) => c.id)).toEqual(person.contactIds);
    expect(copy.records.contacts[0]?.summary).toBe(`${canary} said`);
    const held = Object.values(copy.records).flat().map((r) => r.id);
    expect(held.sort()).toEqual([...person.contactIds, ...person.otherIds.slice(0, -1)].sort());
    expect(res.body).not.toContain(other.clientId);
    // Who recorded what about them: the worker's commands, by id.
    expect(copy.history.filter((h) => h.userId === worker.userId).map((h) => h.action)).toEqual(expect.arrayContaining(['client.create', 'note.add', 'referral.create']));
    const asked = await server.storage.db.selectFrom('audit_log').select(['user_id', 'outcome']).where('action', '=', 'clients.export').where('record_id', '=', person.clientId).execute();
    expect(asked).toEqual([{ user_id: lead.userId, outcome: 'ok' }]);
    expect((await call(worker, 'GET', `/api/clients/${person.clientId}/export`)).statusCode).toBe(403);
    expect((await call(lead, 'GET', `/api/clients/${uuidv7()}/export`)).statusCode).toBe(404);
  });

  it('leaves a person whose processing is restricted out of reports, and only a team lead restricts it', async () => {
    const person = await seedPerson(`Restricted${uuidv7().slice(-8)}`);
    const period = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const report = async () =>
      (await call(lead, 'GET', `/api/reports?from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}&timeZone=UTC`)).json<{ contacts: { known: number | string }; people: { unique: number | string } }>();
    // Enough others that the counts are shown, not suppressed.
    for (let i = 0; i < 5; i++) await seedPerson(`Counted${i}${uuidv7().slice(-6)}`);
    const before = await report();
    const refused = await push(server.app, worker, [m(worker, 'client.update', { id: person.clientId, set: { processingRestricted: true }, seen: {} })]);
    expect(refused.body.rejections[0]?.code).toBe('forbidden');
    await pushAll(lead, [['client.update', { id: person.clientId, set: { processingRestricted: true }, seen: {} }]]);
    const after = await report();
    expect(Number(after.contacts.known)).toBe(Number(before.contacts.known) - 1);
    expect(Number(after.people.unique)).toBe(Number(before.people.unique) - 1);
  });

  it("carries out an admin's request at once", async () => {
    const canary = `AdminErased${uuidv7().slice(-8)}`;
    const person = await seedPerson(canary);
    const res = await call(admin, 'POST', '/api/erasures', { clientId: person.clientId });
    expect(res.statusCode).toBe(201);
    expect(res.json<Erasure>()).toMatchObject({ status: 'erased', requestedBy: admin.userId, decidedBy: admin.userId, counts: { tombstoned: 1 + person.otherIds.length, anonymised: 1 } });
    expect(await liveRowsContaining(canary)).toBe(0);
    // A person already erased is not there to erase again.
    expect((await call(admin, 'POST', '/api/erasures', { clientId: person.clientId })).statusCode).toBe(404);
  });

  it('a cancelled request erases nothing; workers and other teams cannot ask', async () => {
    const canary = `Cancelled${uuidv7().slice(-8)}`;
    const person = await seedPerson(canary);
    const request = (await call(lead, 'POST', '/api/erasures', { clientId: person.clientId })).json<Erasure>();
    const cancelled = await call(secondLead, 'POST', `/api/erasures/${request.id}/cancel`);
    expect(cancelled.json<Erasure>()).toMatchObject({ status: 'cancelled', decidedBy: secondLead.userId, counts: null });
    expect((await call(lead, 'POST', `/api/erasures/${request.id}/confirm`)).statusCode).toBe(409);
    expect(await liveRowsContaining(canary)).toBe(CANARY_ROWS);
    expect((await call(worker, 'POST', '/api/erasures', { clientId: person.clientId })).statusCode).toBe(403);

    const otherTeam = await server.createTeam();
    const outsider = await server.createUser('team_lead', undefined, { teamId: otherTeam, admin: true });
    const outside = await signIn(server.app, outsider.username, outsider.password);
    expect((await call(outside, 'POST', '/api/erasures', { clientId: person.clientId })).statusCode).toBe(404);
    const again = (await call(lead, 'POST', '/api/erasures', { clientId: person.clientId })).json<Erasure>();
    expect((await call(outside, 'POST', `/api/erasures/${again.id}/confirm`)).statusCode).toBe(404);
    expect((await call(outside, 'GET', '/api/erasures')).json<{ erasures: Erasure[] }>().erasures).toEqual([]);
    expect(await liveRowsContaining(canary)).toBe(CANARY_ROWS);
  });
});

describe('erasing a person on SQLite, read from the disk', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await createTestServer();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('leaves the erased words in neither the database file nor its write-ahead log', async () => {
    const canary = `OnDisk${uuidv7().slice(-8)}`;
    const worker = await server.createUser('outreach_worker');
    const session = await signIn(server.app, worker.username, worker.password);
    const admin = await signIn(server.app, 'admin', server.adminPassword);
    const clientId = uuidv7();
    const mutations: TestMutation[] = [
      { id: 1, name: 'client.create', args: { id: clientId, profile: { alias: `${canary}-alias`, legalName: `${canary} Legal` } }, hlc: nextHlc(session.deviceId) },
      { id: 2, name: 'note.add', args: { id: uuidv7(), clientId, body: `${canary} note`, level: 'team' }, hlc: nextHlc(session.deviceId) },
    ];
    expect((await push(server.app, session, mutations)).body.rejections).toEqual([]);
    const file = server.sqliteFile ?? '';
    const onDisk = () => [file, `${file}-wal`].filter(existsSync).some((f) => readFileSync(f).includes(canary));
    // Checkpointed first, so the words are in the main file as well as in the log's history.
    await server.storage.compact();
    expect(onDisk()).toBe(true);
    const erased = await server.app.inject({ method: 'POST', url: '/api/erasures', headers: admin.headers, payload: { clientId } });
    expect(erased.statusCode).toBe(201);
    expect(onDisk()).toBe(false);
  });
});

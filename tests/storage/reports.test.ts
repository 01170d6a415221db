/**
 * Reports on both engines: a known caseload is pushed as phones would, and every figure of
 * the team lead's report is asserted exactly — the same on SQLite and PostgreSQL. Another
 * team's records never count, a worker may not look, and looking is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../src/shared/api/reports';
import { nrmExplanationItems } from '../../src/shared/domain/consent';
import { uuidv7 } from '../../src/shared/ids';
import type { TestServer } from '../../src/server/testing';
import { createTestServer } from '../../src/server/testing';
import type { Engine, Session } from './helpers';
import { engines, nextHlc, push, signIn } from './helpers';

// November 2026 in London is GMT: local hours are UTC hours.
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 10, day, hour)).toISOString();
const NOVEMBER = 'from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z&timeZone=Europe/London';

describe.each(engines)('reports on $name', (engine: Engine) => {
  let server: TestServer;
  let lead: Session;
  let worker: Session;
  let outsider: Session;
  let mutationIds = new Map<string, number>();

  beforeAll(async () => {
    server = await createTestServer({ databaseUrl: engine.databaseUrl, now: () => Date.parse('2026-11-30T21:00:00.000Z') });
    const teamId = await server.createTeam();
    const [l, w] = [await server.createUser('team_lead', undefined, { teamId }), await server.createUser('outreach_worker', undefined, { teamId })];
    lead = await signIn(server.app, l.username, l.password);
    worker = await signIn(server.app, w.username, w.password);
    const other = await server.createUser('outreach_worker', undefined, { teamId: await server.createTeam() });
    outsider = await signIn(server.app, other.username, other.password);
    mutationIds = new Map();
  });
  afterAll(async () => {
    await server.close();
  });

  async function run(session: Session, commands: { name: string; args: Record<string, unknown> }[]): Promise<void> {
    const start = mutationIds.get(session.deviceId) ?? 0;
    const mutations = commands.map((c, i) => ({ id: start + i + 1, name: c.name, args: c.args, hlc: nextHlc(session.deviceId) }));
    mutationIds.set(session.deviceId, start + commands.length);
    const { status, body } = await push(server.app, session, mutations);
    expect(status).toBe(200);
    expect(body.rejections).toEqual([]);
  }

  const contact = (clientId: string | null, when: string, extra: Record<string, unknown> = {}) => ({
    name: 'contact.record',
    args: { id: uuidv7(), clientId, at: when, area: 'Docks', kind: 'street', outcome: 'support_given', supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, ...extra },
  });

  it('gives every figure of a known caseload exactly', async () => {
    const [robin, ash, clinic, consentId, booked, missed, nrmConsentId] = [uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7(), uuidv7()];
    await run(lead, [
      {
        name: 'agency.create',
        args: { id: clinic, profile: { name: 'Clinic', services: ['housing'], openingHours: [], outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: true, howToRefer: 'Call' } },
      },
    ]);
    await run(worker, [
      { name: 'client.create', args: { id: robin, profile: { alias: 'Robin' } } },
      { name: 'client.create', args: { id: ash, profile: { alias: 'Ash' } } },
      contact(ash, '2026-10-20T12:00:00.000Z'), // before the period: Ash returns in November
      contact(robin, at(3, 22), { outcome: 'building_trust', supplies: { condoms: 10, needles: 5, naloxone: 1, food: 0, hygienePacks: 2 } }), // Tuesday night
      contact(robin, at(10, 12), { kind: 'drop_in' }), // Tuesday noon, at the drop-in
      contact(ash, at(7, 14), { outcome: 'building_trust' }), // Saturday
      contact(null, at(4, 8), { area: 'Market' }), // early morning, anonymous
      { name: 'assessment.record', args: { id: uuidv7(), clientId: robin, assessedAt: at(3, 22), domains: { housing: { need: 'urgent' }, mental_health: { need: 'some' } } } },
      { name: 'consent.record', args: { id: consentId, clientId: robin, kind: 'share', decision: 'given', method: 'verbal', decidedAt: at(3, 22), agencyId: clinic } },
      { name: 'consent.record', args: { id: nrmConsentId, clientId: robin, kind: 'nrm', decision: 'given', method: 'verbal', decidedAt: at(3, 23), explanationGiven: [...nrmExplanationItems] } },
      // An NRM referral made in the period and one before it; an anonymous Duty to Notify in it.
      { name: 'nrm.refer', args: { id: uuidv7(), clientId: robin, route: 'adult', consentId: nrmConsentId, firstResponder: 'Outreach', referredOn: '2026-11-04', reference: null, followUpId: uuidv7() } },
      { name: 'dutyToNotify.record', args: { id: uuidv7(), notifiedOn: '2026-11-05', exploitation: 'sexual', reference: null } },
      { name: 'dutyToNotify.record', args: { id: uuidv7(), notifiedOn: '2026-10-05', exploitation: 'sexual', reference: null } },
      { name: 'referral.create', args: { id: uuidv7(), clientId: robin, agencyId: clinic, need: 'housing', urgency: 'urgent', consentId, consentedSummary: 'Bed', sharedFields: ['alias'], status: 'sent' } },
      { name: 'appointment.book', args: { id: booked, clientId: robin, agencyId: clinic, at: at(12, 10), place: 'Door', accompaniedBy: worker.userId } },
      { name: 'appointment.book', args: { id: missed, clientId: robin, agencyId: clinic, at: at(13, 10), place: 'Door' } },
      { name: 'appointment.transition', args: { id: booked, to: 'attended', at: at(12, 11) } },
      { name: 'appointment.transition', args: { id: missed, to: 'missed', at: at(13, 12), followUpId: uuidv7() } },
    ]);
    // Another team's contact in the same period never counts.
    await run(outsider, [contact(null, at(5, 22))]);

    const res = await server.app.inject({ method: 'GET', url: `/api/reports?${NOVEMBER}`, headers: lead.headers });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ReportResponse>();
    expect(report.contacts).toEqual({
      total: 4,
      known: 3,
      anonymous: 1,
      outOfHours: 3,
      buildingTrust: 2,
      byKind: [
        { kind: 'street', count: 3 },
        { kind: 'drop_in', count: 1 },
      ],
    });
    expect(report.people).toEqual({ unique: 2, new: 1, returning: 1 });
    expect(report.needs.filter((n) => n.some + n.urgent > 0)).toEqual([
      { domain: 'mental_health', some: 1, urgent: 0 },
      { domain: 'housing', some: 0, urgent: 1 },
    ]);
    // Referrals and appointments are stamped with the server's time (30 November).
    expect(report.referrals).toEqual({ total: 1, byAgency: [{ agencyId: clinic, count: 1 }], byStatus: [{ status: 'sent', count: 1 }] });
    expect(report.appointments).toEqual({ due: 2, attended: 1, missed: 1, stillBooked: 0, accompanied: 1 });
    expect(report.legal).toEqual({ nrmReferrals: 1, nrmByStatus: [{ status: 'referred', count: 1 }], dutyToNotify: 1, childSafeguarding: 0 });
    expect(report.supplies).toEqual({ condoms: 16, needles: 5, naloxone: 1, food: 3, hygienePacks: 2 });
    expect(report.weekly).toEqual([
      { weekStart: '2026-11-02', contacts: 3 },
      { weekStart: '2026-11-09', contacts: 1 },
    ]);
    const market = await server.app.inject({ method: 'GET', url: `/api/reports?${NOVEMBER}&area=Market`, headers: lead.headers });
    expect(market.json<ReportResponse>().contacts.total).toBe(1);
    const audit = await server.storage.db.selectFrom('audit_log').select(['action', 'outcome']).where('user_id', '=', lead.userId).where('action', '=', 'reports.view').execute();
    expect(audit).toEqual([
      { action: 'reports.view', outcome: 'ok' },
      { action: 'reports.view', outcome: 'ok' },
    ]);
  });

  it('is a team lead’s alone, and refuses a period that is not one', async () => {
    expect((await server.app.inject({ method: 'GET', url: `/api/reports?${NOVEMBER}`, headers: worker.headers })).statusCode).toBe(403);
    const backwards = await server.app.inject({ method: 'GET', url: '/api/reports?from=2026-12-01T00:00:00.000Z&to=2026-11-01T00:00:00.000Z', headers: lead.headers });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('the period ends after it starts');
    const tooLong = await server.app.inject({ method: 'GET', url: '/api/reports?from=2024-01-01T00:00:00.000Z&to=2026-01-01T00:00:00.000Z', headers: lead.headers });
    expect(tooLong.statusCode).toBe(400);
    const zone = await server.app.inject({ method: 'GET', url: `/api/reports?from=2026-11-01T00:00:00.000Z&to=2026-12-01T00:00:00.000Z&timeZone=Mars/Olympus`, headers: lead.headers });
    expect(zone.statusCode).toBe(400);
  });
});

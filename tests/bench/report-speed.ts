/**
 * A quarterly report over a year of a busy team's records: 10,000 people and 200,000
 * records (contacts, assessments, referrals, appointments, consents) written straight to
 * storage, then the team lead's report for the last quarter, timed through the service the
 * route calls. On SQLite, and on PostgreSQL too when LANTERN_BENCH_DATABASE_URL is set.
 */
import { needDomainSchema } from '../../src/shared/domain/common';
import { uuidv7 } from '../../src/shared/ids';
import { viewReport } from '../../src/server/services/reports';
import { buildUser, insertUserWithRecord } from '../../src/server/services/users-service';
import { putRecord } from '../../src/server/storage/records-store';
import { insertTeam } from '../../src/server/storage/users-store';
import { createTestDatabase } from '../../src/server/testing';

export interface ReportSpeed {
  readonly engine: string;
  readonly records: number;
  readonly seedMs: number;
  /** Of 5 runs. */
  readonly medianMs: number;
  readonly maxMs: number;
}

const DAY = 86_400_000;

export async function measureReportSpeed(databaseUrl?: string, people = 10_000, records = 200_000): Promise<ReportSpeed> {
  const db = await createTestDatabase(databaseUrl);
  try {
    const now = Date.parse('2026-11-30T21:00:00.000Z');
    const teamId = uuidv7();
    await insertTeam(db.storage.db, { id: teamId, name: 'Bench team', idleLockMinutes: 5, createdAt: new Date(now).toISOString() });
    const lead = await buildUser({ teamId, username: `bench-lead-${teamId.slice(-6)}`, name: 'Lead', role: 'team_lead', admin: false, password: 'bench-password-1' }, now);
    await db.storage.db.transaction().execute((trx) => insertUserWithRecord(trx, lead));
    const own = (t: number) => ({ teamId, createdBy: lead.id, createdAt: new Date(t).toISOString() });
    const clientIds = Array.from({ length: people }, () => uuidv7());
    const agencyIds = Array.from({ length: 20 }, () => uuidv7());
    // Spread over the year: day by a stride through 365, minute of day by i.
    const when = (i: number) => now - 365 * DAY + ((i * 7919) % 365) * DAY + (i % 1440) * 60_000;
    const make = (i: number): { collection: string; data: Record<string, unknown> } => {
      const t = when(i);
      const clientId = clientIds[i % people] ?? uuidv7();
      const iso = new Date(t).toISOString();
      const kind = i % 10;
      if (kind < 5) {
        return { collection: 'contacts', data: { id: uuidv7(), clientId: i % 7 === 0 ? null : clientId, at: iso, area: 'Docks', kind: 'street', outcome: 'building_trust', supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, ...own(t) } };
      }
      if (kind < 7) {
        const domains = Object.fromEntries(needDomainSchema.options.map((d, k) => [d, { need: (i + k) % 4 === 0 ? 'urgent' : 'some' }]));
        return { collection: 'assessments', data: { id: uuidv7(), clientId, assessedAt: iso, domains, ...own(t) } };
      }
      if (kind === 7) {
        return {
          collection: 'referrals',
          data: { id: uuidv7(), clientId, agencyId: agencyIds[i % agencyIds.length], need: 'housing', urgency: 'soon', consentId: uuidv7(), consentedSummary: 'Bench', sharedFields: [], status: 'sent', ...own(t), updatedAt: iso, history: [] },
        };
      }
      if (kind === 8) {
        return { collection: 'appointments', data: { id: uuidv7(), clientId, agencyId: null, at: iso, place: 'Door', status: i % 3 === 0 ? 'missed' : 'attended', ...own(t), updatedAt: iso, history: [] } };
      }
      return { collection: 'consents', data: { id: uuidv7(), clientId, kind: i % 2 === 0 ? 'store' : 'nrm', decision: 'given', method: 'verbal', decidedAt: iso, ...own(t) } };
    };
    const seedStart = performance.now();
    for (let start = 0; start < records; start += 2_000) {
      await db.storage.db.transaction().execute(async (trx) => {
        for (let i = start; i < Math.min(records, start + 2_000); i++) {
          const { collection, data } = make(i);
          await putRecord(trx, { collection, id: String(data.id), teamId, data });
        }
      });
    }
    const seedMs = performance.now() - seedStart;
    const actor = { user: lead, deviceId: uuidv7() };
    const query = { from: '2026-07-01T00:00:00.000Z', to: '2026-10-01T00:00:00.000Z', timeZone: 'Europe/London' };
    const runs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      const report = await viewReport(db.storage, actor, query);
      runs.push(performance.now() - t);
      if (report.contacts.total === 0) throw new Error('the bench report counted nothing');
    }
    runs.sort((a, b) => a - b);
    return { engine: db.storage.dialect, records, seedMs, medianMs: runs[2] ?? 0, maxMs: runs[4] ?? 0 };
  } finally {
    await db.storage.close();
    await db.drop();
  }
}

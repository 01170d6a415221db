/**
 * Seeding the bench database: clients and the other records a busy device holds
 * (contacts, assessments, notes, referrals), sealed with the cipher under test and written
 * straight to their tables in batches. The clients change log is untouched: the index
 * loads everything on its first search anyway.
 */
import type { CollectionName, RecordOf } from '../../../src/shared/sync/collections';
import { needDomainSchema } from '../../../src/shared/domain/common';
import { encodeHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import type { RecordCipher } from '../../../src/app/db/cipher';
import { toStoredRecord, type LanternDb } from '../../../src/app/db/schema';

export const AREAS = ['Docks', 'Station Road', 'Canal Street', 'Market', 'Old Town', 'Riverside'];
type Session = { readonly userId: string; readonly teamId: string };

/** Seals and writes `count` records made by `make`, 1,000 per transaction. */
export async function writeBatches<C extends CollectionName>(db: LanternDb, cipher: RecordCipher, collection: C, count: number, make: (i: number) => RecordOf<C>) {
  for (let start = 0; start < count; start += 1000) {
    const size = Math.min(1000, count - start);
    const rows = await Promise.all(
      Array.from({ length: size }, async (_, k) => {
        const record = make(start + k);
        return toStoredRecord(collection, record, await cipher.seal(record));
      }),
    );
    await db.records(collection).bulkPut(rows);
  }
}

/** Seeds `clients` clients; returns their ids. */
export async function seedClients(db: LanternDb, cipher: RecordCipher, count: number, session: Session): Promise<string[]> {
  const now = new Date().toISOString();
  const ids = Array.from({ length: count }, () => uuidv7());
  const clock = encodeHlc({ wallMs: Date.now(), counter: 0, deviceId: 'seed' });
  await writeBatches(db, cipher, 'clients', count, (i) => ({
    id: ids[i] ?? uuidv7(), alias: `Client ${i}`, usualAreas: [AREAS[i % AREAS.length] ?? 'Docks'], pronouns: 'she/her',
    teamId: session.teamId, createdBy: session.userId, createdAt: now, updatedAt: now, clocks: { alias: clock },
  }));
  return ids;
}

/** Seeds `count` other records spread over `clientIds`: 40% contacts, 20% each assessments, notes, referrals. */
export async function seedOtherRecords(db: LanternDb, cipher: RecordCipher, count: number, clientIds: readonly string[], session: Session): Promise<void> {
  const own = { teamId: session.teamId, createdBy: session.userId, createdAt: new Date().toISOString() };
  const clientOf = (i: number) => clientIds[(i * 7919) % clientIds.length] ?? uuidv7();
  const at = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  const domains = Object.fromEntries(needDomainSchema.options.map((d) => [d, { need: 'some' as const, notes: 'Seeded answer' }]));
  await writeBatches(db, cipher, 'contacts', Math.round(count * 0.4), (i) => ({
    id: uuidv7(), clientId: clientOf(i), at: at(i), area: 'Docks', kind: 'street', outcome: 'building_trust',
    supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, summary: 'Seeded contact', ...own,
  }));
  await writeBatches(db, cipher, 'assessments', Math.round(count * 0.2), (i) => ({ id: uuidv7(), clientId: clientOf(i), assessedAt: at(i), domains, ...own }));
  await writeBatches(db, cipher, 'notes', Math.round(count * 0.2), (i) => ({ id: uuidv7(), clientId: clientOf(i), body: 'Seeded note about the person.', level: 'team', ...own }));
  await writeBatches(db, cipher, 'referrals', Math.round(count * 0.2), (i) => ({
    id: uuidv7(), clientId: clientOf(i), agencyId: uuidv7(), need: 'housing', urgency: 'soon', consentId: uuidv7(), consentedSummary: 'Seeded',
    sharedFields: ['housing'], status: 'sent', ...own, updatedAt: own.createdAt, history: [{ status: 'sent', at: own.createdAt, by: session.userId }],
  }));
}

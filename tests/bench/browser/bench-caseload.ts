/**
 * The caseload on a team lead's device, in Chromium: 10,000 people and 200,000 other
 * records sealed with AES-GCM; opening the caseload (read, decrypt, build the rows) once,
 * then filter, sort and render the table (React, virtualised rows, the app's styles) for a
 * series of filter and sort changes, as a lead clicks through them.
 */
import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '../../../src/app/styles.css';
import { createAesGcmCipher } from '../../../src/app/db/crypto/aes-gcm-cipher';
import { createCaseloadRepository } from '../../../src/app/db/repositories/caseload';
import type { RecordCipher } from '../../../src/app/db/cipher';
import { LanternDb } from '../../../src/app/db/schema';
import { CaseloadTable } from '../../../src/app/features/caseload/components/caseload-table';
import type { CaseloadFilter, CaseloadSort } from '../../../src/shared/domain/caseload';
import { caseloadRows, caseloadSortKeys, noCaseloadFilter, selectCaseload } from '../../../src/shared/domain/caseload';
import { needDomainSchema } from '../../../src/shared/domain/common';
import { uuidv7 } from '../../../src/shared/ids';
import { percentiles, type Percentiles } from './bench-percentiles';
import { seedClients, writeBatches } from './bench-seed';

export interface CaseloadFigures {
  readonly clients: number;
  readonly otherRecords: number;
  readonly seedMs: number;
  /** Read and decrypt every record the caseload needs, and build the rows. */
  readonly openMs: number;
  /** One filter or sort change: select the rows, render the table, commit. */
  readonly change: Percentiles;
  /** Of which selecting the rows (filter and sort) alone. */
  readonly select: Percentiles;
  readonly changes: number;
}

type Session = { readonly userId: string; readonly teamId: string };

/** 40 % contacts, 15 % assessments (some urgent), 15 % referrals, 15 % appointments, 15 % follow-ups. */
async function seedCaseloadRecords(db: LanternDb, cipher: RecordCipher, count: number, clientIds: readonly string[], session: Session): Promise<void> {
  const own = { teamId: session.teamId, createdBy: session.userId, createdAt: new Date().toISOString() };
  const clientOf = (i: number) => clientIds[(i * 7919) % clientIds.length] ?? uuidv7();
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 120_000).toISOString();
  const domains = (i: number) => Object.fromEntries(needDomainSchema.options.map((d, k) => [d, { need: (i + k) % 5 === 0 ? ('urgent' as const) : ('some' as const) }]));
  await writeBatches(db, cipher, 'contacts', Math.round(count * 0.4), (i) => ({
    id: uuidv7(), clientId: clientOf(i), at: at(i), area: 'Docks', kind: 'street', outcome: 'building_trust',
    supplies: { condoms: 2, needles: 0, naloxone: 0, food: 1, hygienePacks: 0 }, ...own,
  }));
  await writeBatches(db, cipher, 'assessments', Math.round(count * 0.15), (i) => ({ id: uuidv7(), clientId: clientOf(i), assessedAt: at(i), domains: domains(i), ...own }));
  const statuses = ['sent', 'acknowledged', 'booked', 'closed', 'attended'] as const;
  await writeBatches(db, cipher, 'referrals', Math.round(count * 0.15), (i) => ({
    id: uuidv7(), clientId: clientOf(i), agencyId: uuidv7(), need: needDomainSchema.options[i % needDomainSchema.options.length] ?? 'housing', urgency: 'soon',
    consentId: uuidv7(), consentedSummary: 'Seeded', sharedFields: [], status: statuses[i % statuses.length] ?? 'sent', ...own, updatedAt: own.createdAt, history: [],
  }));
  const appointmentIds: string[] = [];
  await writeBatches(db, cipher, 'appointments', Math.round(count * 0.15), (i) => {
    const id = uuidv7();
    appointmentIds.push(id);
    return { id, clientId: clientOf(i), agencyId: null, at: at(i * 3), place: 'Clinic', status: i % 3 === 0 ? 'missed' : 'booked', ...own, updatedAt: own.createdAt, history: [] };
  });
  await writeBatches(db, cipher, 'followUps', Math.round(count * 0.15), (i) => ({
    id: uuidv7(), clientId: clientOf(i), reason: 'missed_appointment', dueAt: at(i), assigneeId: null, appointmentId: appointmentIds[i] ?? null,
    status: i % 2 === 0 ? 'done' : 'open', ...own, updatedAt: own.createdAt,
  }));
}

export async function measureCaseload(clients: number, otherRecords: number): Promise<CaseloadFigures> {
  const db = new LanternDb(`bench-caseload-${Date.now()}`);
  const cipher = createAesGcmCipher(await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']));
  const session = { userId: uuidv7(), teamId: uuidv7() };
  const seedStart = performance.now();
  const ids = await seedClients(db, cipher, clients, session);
  await seedCaseloadRecords(db, cipher, otherRecords, ids, session);
  const seedMs = performance.now() - seedStart;

  const openStart = performance.now();
  const now = new Date();
  const rows = caseloadRows(await createCaseloadRepository({ db, cipher }).load(), now);
  const openMs = performance.now() - openStart;

  const container = document.createElement('div');
  container.className = 'app app-wide';
  document.body.append(container);
  const root = createRoot(container);
  const filters: CaseloadFilter[] = [
    noCaseloadFilter,
    { ...noCaseloadFilter, keyWorker: { kind: 'none' } },
    { ...noCaseloadFilter, notSeenForDays: 30 },
    { ...noCaseloadFilter, urgentWithoutReferral: true },
    { ...noCaseloadFilter, missedWithoutFollowUp: true },
    { ...noCaseloadFilter, alias: 'client 12' },
    { ...noCaseloadFilter, alias: 'client 4' },
  ];
  const samples: number[] = [];
  const selections: number[] = [];
  const changes = 60;
  for (let i = 0; i < changes; i++) {
    const filter = filters[i % filters.length] ?? noCaseloadFilter;
    const sort: CaseloadSort = { key: caseloadSortKeys[i % caseloadSortKeys.length] ?? 'alias', direction: i % 2 === 0 ? 'ascending' : 'descending' };
    const start = performance.now();
    const shown = selectCaseload(rows, filter, sort, now);
    selections.push(performance.now() - start);
    flushSync(() => root.render(createElement(CaseloadTable, { rows: shown, members: [], names: new Map(), now, sort, onSort: () => undefined, onAssign: async () => undefined })));
    samples.push(performance.now() - start);
  }
  root.unmount();
  container.remove();
  db.close();
  await db.delete();
  return { clients, otherRecords, seedMs, openMs, change: percentiles(samples), select: percentiles(selections), changes };
}

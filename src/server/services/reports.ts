/**
 * Reports for commissioners: a team lead's figures for a period, from the team's records
 * of that period (read through the time index; every record read back is parsed by its
 * shared schema, not trusted) and each person's first contact, computed by the
 * shared `buildReport` so SQLite and PostgreSQL give the same figures. Looking is audited.
 */
import type { z } from 'zod';
import type { reportQuerySchema, ReportResponse } from '../../shared/api/reports';
import { reportSchema } from '../../shared/api/reports';
import type { ReportRecords } from '../../shared/domain/report';
import { buildReport } from '../../shared/domain/report';
import type { CollectionName, RecordOf } from '../../shared/sync/collections';
import { collectionSchemas } from '../../shared/sync/collections';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import { firstContactTimes, listTeamRecordsBetween, listTeamRecordsMentioning } from '../storage/records-store';
import type { Actor } from './team-admin';
import { authorize } from './team-admin';

/**
 * The team's records of `collection` whose event happened in the period, parsed; records
 * about a person whose processing is restricted ("do not process") are left out.
 */
async function periodRecords<C extends CollectionName>(storage: Storage, teamId: string, collection: C, query: { from: string; to: string }, restricted: ReadonlySet<string>): Promise<RecordOf<C>[]> {
  const rows = await listTeamRecordsBetween(storage.db, teamId, collection, query.from, query.to);
  return rows.flatMap((row) => {
    if (row.deleted || row.data === null) return [];
    if (typeof row.data.clientId === 'string' && restricted.has(row.data.clientId)) return [];
    const parsed = collectionSchemas[collection].safeParse(row.data);
    return parsed.success ? [parsed.data as RecordOf<C>] : [];
  });
}

export async function viewReport(storage: Storage, actor: Actor, query: z.output<typeof reportQuerySchema>): Promise<ReportResponse> {
  await authorize(storage, actor, 'reports.view');
  const teamId = actor.user.teamId;
  const restricted = new Set((await listTeamRecordsMentioning(storage.db, teamId, 'clients', '"processingRestricted":true')).map((c) => c.id));
  const firstContactAt = await firstContactTimes(storage.db, teamId);
  for (const id of restricted) firstContactAt.delete(id);
  const records: ReportRecords = {
    contacts: await periodRecords(storage, teamId, 'contacts', query, restricted),
    assessments: await periodRecords(storage, teamId, 'assessments', query, restricted),
    referrals: await periodRecords(storage, teamId, 'referrals', query, restricted),
    appointments: await periodRecords(storage, teamId, 'appointments', query, restricted),
    consents: await periodRecords(storage, teamId, 'consents', query, restricted),
    nrmReferrals: await periodRecords(storage, teamId, 'nrmReferrals', query, restricted),
    dutyToNotify: await periodRecords(storage, teamId, 'dutyToNotify', query, restricted),
    firstContactAt,
  };
  // Parsed into the wire shape: a figure the shared function got wrong fails here, not on a device.
  const report = reportSchema.parse(buildReport(records, query));
  await appendAudit(storage.db, { userId: actor.user.id, deviceId: actor.deviceId, action: 'reports.view', outcome: 'ok' });
  return report;
}

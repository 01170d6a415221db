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
import { firstContactTimes, listTeamRecordsBetween } from '../storage/records-store';
import type { Actor } from './team-admin';
import { authorize } from './team-admin';

/** The team's records of `collection` whose event happened in the period, parsed. */
async function periodRecords<C extends CollectionName>(storage: Storage, teamId: string, collection: C, query: { from: string; to: string }): Promise<RecordOf<C>[]> {
  const rows = await listTeamRecordsBetween(storage.db, teamId, collection, query.from, query.to);
  return rows.flatMap((row) => {
    if (row.deleted || row.data === null) return [];
    const parsed = collectionSchemas[collection].safeParse(row.data);
    return parsed.success ? [parsed.data as RecordOf<C>] : [];
  });
}

export async function viewReport(storage: Storage, actor: Actor, query: z.output<typeof reportQuerySchema>): Promise<ReportResponse> {
  await authorize(storage, actor, 'reports.view');
  const teamId = actor.user.teamId;
  const records: ReportRecords = {
    contacts: await periodRecords(storage, teamId, 'contacts', query),
    assessments: await periodRecords(storage, teamId, 'assessments', query),
    referrals: await periodRecords(storage, teamId, 'referrals', query),
    appointments: await periodRecords(storage, teamId, 'appointments', query),
    consents: await periodRecords(storage, teamId, 'consents', query),
    firstContactAt: await firstContactTimes(storage.db, teamId),
  };
  // Parsed into the wire shape: a figure the shared function got wrong fails here, not on a device.
  const report = reportSchema.parse(buildReport(records, query));
  await appendAudit(storage.db, { userId: actor.user.id, deviceId: actor.deviceId, action: 'reports.view', outcome: 'ok' });
  return report;
}

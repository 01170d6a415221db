/**
 * Reports for commissioners: a team lead's figures for a period, from the team's records
 * (every record read back is parsed by its shared schema, not trusted), computed by the
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
import { listChangesSince } from '../storage/records-store';
import type { Actor } from './team-admin';
import { authorize } from './team-admin';

async function teamRecords<C extends CollectionName>(storage: Storage, teamId: string, collection: C): Promise<RecordOf<C>[]> {
  const rows = await listChangesSince(storage.db, teamId, 0, Number.MAX_SAFE_INTEGER, [collection]);
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
    contacts: await teamRecords(storage, teamId, 'contacts'),
    assessments: await teamRecords(storage, teamId, 'assessments'),
    referrals: await teamRecords(storage, teamId, 'referrals'),
    appointments: await teamRecords(storage, teamId, 'appointments'),
    consents: await teamRecords(storage, teamId, 'consents'),
  };
  // Parsed into the wire shape: a figure the shared function got wrong fails here, not on a device.
  const report = reportSchema.parse(buildReport(records, query));
  await appendAudit(storage.db, { userId: actor.user.id, deviceId: actor.deviceId, action: 'reports.view', outcome: 'ok' });
  return report;
}

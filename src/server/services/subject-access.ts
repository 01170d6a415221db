/**
 * Subject access: everything held about one person of the caller's team, for a team lead
 * to give them — their profile, every live record about them (parsed by its shared
 * schema), and the audit trail of those records. Who exported is audited.
 */
import type { SubjectAccess, SubjectAccessRecords } from '../../shared/api/subject-access';
import { subjectAccessSchema } from '../../shared/api/subject-access';
import { collectionSchemas } from '../../shared/sync/collections';
import type { Storage } from '../storage/database';
import { appendAudit } from '../storage/audit-store';
import { getRecord, listLiveRecordsAbout } from '../storage/records-store';
import { ApiError } from './errors';
import type { Actor } from './team-admin';
import { authorize } from './team-admin';

const COLLECTIONS = ['consents', 'contacts', 'assessments', 'notes', 'referrals', 'appointments', 'followUps', 'observations', 'nrmReferrals'] as const satisfies readonly (keyof SubjectAccessRecords)[];

export async function exportSubjectAccess(storage: Storage, actor: Actor, clientId: string, nowMs: number): Promise<SubjectAccess> {
  await authorize(storage, actor, 'clients.export');
  const at = new Date(nowMs).toISOString();
  const audit = (outcome: string) => appendAudit(storage.db, { userId: actor.user.id, deviceId: actor.deviceId, action: 'clients.export', collection: 'clients', recordId: clientId, outcome }, at);
  const person = await getRecord(storage.db, 'clients', clientId);
  if (person === undefined || person.deleted || person.data === null || person.teamId !== actor.user.teamId) {
    await audit('denied:not_found');
    throw new ApiError(404, 'not_found', 'Not found.');
  }
  const about = await listLiveRecordsAbout(storage.db, actor.user.teamId, clientId, COLLECTIONS);
  const records: Record<string, unknown[]> = Object.fromEntries(COLLECTIONS.map((c) => [c, []]));
  for (const record of about) records[record.collection]?.push(record.data);
  const ids = [clientId, ...about.filter((r) => r.collection !== 'reviewItems').map((r) => r.id)];
  const history = await storage.db
    .selectFrom('audit_log')
    .select(['at', 'user_id', 'action', 'collection', 'record_id'])
    .where('record_id', 'in', ids)
    .orderBy('id')
    .execute();
  await audit('ok');
  // Parsed into the wire shape: a record that does not fit its schema fails here, not in a person's hands.
  return subjectAccessSchema.parse({
    generatedAt: at,
    person: collectionSchemas.clients.parse(person.data),
    records,
    history: history.map((h) => ({ at: h.at, userId: h.user_id, action: h.action, collection: h.collection, recordId: h.record_id })),
  });
}

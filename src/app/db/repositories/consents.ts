/**
 * Consent events on the device: append-only, never defaulted to yes. The current state
 * (latest decision per kind and agency) is derived in client-story.ts.
 */
import type { ConsentRecord } from '../../../shared/domain/consent';
import { consentArgsSchema } from '../../../shared/domain/consent';
import { uuidv7 } from '../../../shared/ids';
import { createRecordReader } from './record-reader';
import { newestFirst, nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export interface ConsentsRepository {
  /** A client's consent events, newest decision first. */
  forClient(clientId: string): Promise<ConsentRecord[]>;
  /** They no longer agree to share with `agencyId` (queued as `consent.record`; works offline). */
  withdrawShare(clientId: string, agencyId: string): Promise<ConsentRecord>;
}

export function createConsentsRepository(deps: RepositoryDeps): ConsentsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'consents', deps.onUnreadable);
  const byDecidedAt = newestFirst<ConsentRecord>((c) => c.decidedAt);
  return {
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(byDecidedAt);
    },
    async withdrawShare(clientId, agencyId) {
      const args = consentArgsSchema.parse({ id: uuidv7(), clientId, kind: 'share', decision: 'withdrawn', method: 'verbal', decidedAt: nowIso(deps), agencyId });
      return (await writeCommand(deps, { name: 'consent.record', args })) as ConsentRecord;
    },
  };
}

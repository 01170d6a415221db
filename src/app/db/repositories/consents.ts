/**
 * Consent events on the device: append-only, never defaulted to yes. The current state
 * (latest decision per kind and agency) is derived in client-story.ts.
 */
import type { ConsentRecord } from '../../../shared/domain/consent';
import { createRecordReader } from './record-reader';
import { newestFirst, type RepositoryDeps } from './repository-deps';

export interface ConsentsRepository {
  /** A client's consent events, newest decision first. */
  forClient(clientId: string): Promise<ConsentRecord[]>;
}

export function createConsentsRepository(deps: RepositoryDeps): ConsentsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'consents', deps.onUnreadable);
  const byDecidedAt = newestFirst<ConsentRecord>((c) => c.decidedAt);
  return {
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(byDecidedAt);
    },
  };
}

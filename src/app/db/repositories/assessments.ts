/**
 * Assessments on the device: append-only snapshots of need. The newest is where the next
 * encounter starts ("still true?", see assessment-prefill.ts). Written in encounters.
 */
import type { AssessmentRecord } from '../../../shared/domain/assessment';
import { createRecordReader } from './record-reader';
import { newestFirst, type RepositoryDeps } from './repository-deps';

export interface AssessmentsRepository {
  /** A client's assessments, newest first (by when they were assessed). */
  forClient(clientId: string): Promise<AssessmentRecord[]>;
  /** The client's newest assessment, or undefined if none. */
  latestForClient(clientId: string): Promise<AssessmentRecord | undefined>;
}

const byAssessedAt = newestFirst<AssessmentRecord>((a) => a.assessedAt);

export function createAssessmentsRepository(deps: RepositoryDeps): AssessmentsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'assessments', deps.onUnreadable);
  const forClient = async (clientId: string) => (await reader.listByIndex('clientId', clientId)).sort(byAssessedAt);
  return {
    forClient,
    async latestForClient(clientId) {
      return (await forClient(clientId))[0];
    },
  };
}

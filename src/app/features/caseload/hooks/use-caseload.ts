import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseloadRow } from '../../../../shared/domain/caseload';
import { caseloadRows } from '../../../../shared/domain/caseload';
import type { UserRecord } from '../../../../shared/domain/people';
import { createCaseloadRepository } from '../../../db/repositories/caseload';
import { cipher, clientsRepository, db, teamMembersRepository } from '../../../stores/runtime';

// Made here rather than with the other repositories: only this lazily loaded screen reads
// it, so it stays out of the app shell a worker's phone downloads.
const caseloadRepository = createCaseloadRepository({ db, cipher });

export interface Caseload {
  readonly rows: readonly CaseloadRow[];
  readonly members: readonly UserRecord[];
  /** When the rows were built (what "next appointment" was measured from). */
  readonly builtAt: Date;
}

/**
 * The team's caseload from the records on this device, rebuilt when any of them changes
 * (a sync, or a key worker assigned here); live.
 */
export function useCaseload(): Caseload | undefined {
  return useLiveQuery(async () => {
    const [records, members] = await Promise.all([caseloadRepository.load(), teamMembersRepository.list()]);
    const builtAt = new Date();
    return { rows: caseloadRows(records, builtAt), members, builtAt };
  }, []);
}

/** Gives a person a key worker, or none (queued as `client.update`; works offline). */
export async function assignKeyWorker(clientId: string, keyWorkerId: string | null): Promise<void> {
  await clientsRepository.update(clientId, { keyWorkerId });
}

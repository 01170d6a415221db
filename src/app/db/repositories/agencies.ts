/** The agency directory on the device (synced to every device, read-only here). */
import type { AgencyRecord } from '../../../shared/domain/agency';
import { createRecordReader } from './record-reader';
import type { RepositoryDeps } from './repository-deps';

export interface AgenciesRepository {
  /** Every agency, by name. */
  list(): Promise<AgencyRecord[]>;
}

export function createAgenciesRepository(deps: RepositoryDeps): AgenciesRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'agencies', deps.onUnreadable);
  return {
    async list() {
      return (await reader.list()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  };
}

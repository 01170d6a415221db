/** The team's members on the device (synced `users`), to show who is a client's key worker. */
import type { UserRecord } from '../../../shared/domain/people';
import { createRecordReader } from './record-reader';
import type { RepositoryDeps } from './repository-deps';

export interface TeamMembersRepository {
  /** Every team member this device holds, by name. */
  list(): Promise<UserRecord[]>;
}

export function createTeamMembersRepository(deps: RepositoryDeps): TeamMembersRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'users', deps.onUnreadable);
  return {
    async list() {
      return (await reader.list()).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },
  };
}

/**
 * The client caseload on the device. Records are stored sealed (see schema.ts), so search
 * by alias, legal name or area never touches a clear-text index: it runs over the
 * in-memory decrypted index (client-index.ts), loaded once after unlock and dropped by
 * `forget()` on lock. Writes go through `recordLocalChange` (record + outbox entry, one
 * transaction).
 *
 * `clocks` on a record are the SERVER-confirmed field clocks. A local update does not
 * change them, so the next update sends, as `seen`, the clock of the value the server
 * last confirmed; the server treats this device's own pending writes as seen (merge.ts).
 */
import {
  clientProfileSchema,
  type ClientProfile,
  type ClientRecord,
} from '../../../shared/domain/client';
import { uuidv7 } from '../../../shared/ids';
import { likelyDuplicates, type DuplicateCandidate, type DuplicateMatch } from '../../../shared/domain/client-duplicates';
import { createClientIndex } from '../client-index';
import { recordLocalChange } from '../local-write';
import { createRecordReader } from './record-reader';
import type { RepositoryDeps } from './repository-deps';

/** Built like every repository (repository-deps.ts). */
export type ClientsRepositoryDeps = RepositoryDeps;

export interface ClientsRepository {
  /** Every client on the device, sorted by alias. */
  list(): Promise<ClientRecord[]>;
  /** Clients whose alias, legal name or usual areas contain `query` (ignoring case and accents). */
  search(query: string): Promise<ClientRecord[]>;
  get(id: string): Promise<ClientRecord | undefined>;
  /** Records a new client (queued as `client.create`). */
  create(profile: ClientProfile): Promise<ClientRecord>;
  /** Changes profile fields (queued as `client.update`). Throws if the client is not on the device. */
  update(id: string, set: Partial<ClientProfile>): Promise<ClientRecord>;
  /** Clients who may be the person about to be created, best match first (client-duplicates.ts). */
  likelyDuplicates(candidate: DuplicateCandidate): Promise<DuplicateMatch[]>;
  /** Drops the decrypted search index from memory. Call it when the app locks. */
  forget(): void;
}

export { foldForSearch } from '../client-index';

/** The clients repository the UI reads and writes through. */
export function createClientsRepository(deps: ClientsRepositoryDeps): ClientsRepository {
  const { db, cipher, getSession, onLocalWrite } = deps;
  const reader = createRecordReader(db, cipher, 'clients', deps.onUnreadable);
  const writeOptions = deps.now === undefined ? {} : { now: deps.now };

  const index = createClientIndex(db, cipher, deps.onUnreadable);

  return {
    list: () => index.search(''),
    search: (query) => index.search(query),
    likelyDuplicates: async (candidate) => likelyDuplicates(candidate, await index.search('')),
    forget: () => index.forget(),
    get: (id) => reader.get(id),
    async create(profile) {
      const parsed = clientProfileSchema.parse(profile);
      const id = uuidv7((deps.now ?? Date.now)());
      const command = { name: 'client.create' as const, args: { id, profile: parsed } };
      const { record } = await recordLocalChange(db, cipher, { command, session: getSession() }, writeOptions);
      onLocalWrite?.();
      return record as ClientRecord;
    },
    async update(id, set) {
      const parsedSet = clientProfileSchema.partial().parse(set);
      const current = await reader.get(id);
      if (current === undefined) throw new Error(`client ${id} is not on this device`);
      const seen = Object.fromEntries(Object.keys(parsedSet).map((field) => [field, current.clocks[field] ?? null]));
      const command = { name: 'client.update' as const, args: { id, set: parsedSet, seen } };
      const { record } = await recordLocalChange(db, cipher, { command, session: getSession() }, writeOptions);
      onLocalWrite?.();
      return record as ClientRecord;
    },
  };
}

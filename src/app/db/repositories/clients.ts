/**
 * The client caseload on the device. Records are stored sealed (see schema.ts), so every
 * query decrypts into memory first: search by alias, legal name or area never touches a
 * clear-text index. Writes go through `recordLocalChange` (record + outbox entry, one
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
import type { OverlaySession } from '../../sync/pending-overlay';
import type { RecordCipher } from '../cipher';
import { recordLocalChange } from '../local-write';
import type { LanternDb } from '../schema';
import { createRecordReader, type OnUnreadable } from './record-reader';

export interface ClientsRepositoryDeps {
  readonly db: LanternDb;
  readonly cipher: RecordCipher;
  /** The signed-in user: ownership of new records. */
  readonly getSession: () => OverlaySession;
  /** Called after each local write, e.g. to schedule a sync. */
  readonly onLocalWrite?: () => void;
  readonly onUnreadable?: OnUnreadable;
  readonly now?: () => number;
}

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
}

/** Lower-cases and strips accents, so "Zoë" matches "zoe". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function matches(client: ClientRecord, folded: string): boolean {
  const haystack = [client.alias, client.legalName ?? '', ...(client.usualAreas ?? [])];
  return haystack.some((text) => foldForSearch(text).includes(folded));
}

const byAlias = (a: ClientRecord, b: ClientRecord): number =>
  a.alias.localeCompare(b.alias, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/** The clients repository the UI reads and writes through. */
export function createClientsRepository(deps: ClientsRepositoryDeps): ClientsRepository {
  const { db, cipher, getSession, onLocalWrite } = deps;
  const reader = createRecordReader(db, cipher, 'clients', deps.onUnreadable);
  const writeOptions = deps.now === undefined ? {} : { now: deps.now };

  const list = async (): Promise<ClientRecord[]> => (await reader.list()).sort(byAlias);

  return {
    list,
    async search(query) {
      const folded = foldForSearch(query.trim());
      const all = await list();
      return folded === '' ? all : all.filter((client) => matches(client, folded));
    },
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

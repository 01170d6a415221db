/**
 * The agency directory on the device (synced to every device, so referrals work offline).
 * Team leads keep it: add, edit (field by field, sending the clocks they saw, like a
 * client's profile) and archive; the server refuses anyone else.
 */
import type { AgencyEditable, AgencyRecord } from '../../../shared/domain/agency';
import { agencyEditableSchema } from '../../../shared/domain/agency';
import { uuidv7 } from '../../../shared/ids';
import { createRecordReader } from './record-reader';
import { writeCommand, type RepositoryDeps } from './repository-deps';

export interface AgenciesRepository {
  /** Every agency, archived ones too, by name. */
  list(): Promise<AgencyRecord[]>;
  /** The agencies offered for new referrals and appointments: all but the archived, by name. */
  offered(): Promise<AgencyRecord[]>;
  get(id: string): Promise<AgencyRecord | undefined>;
  /** Adds an agency (queued as `agency.create`); the profile is checked by the shared schema. */
  create(profile: AgencyEditable): Promise<AgencyRecord>;
  /** Changes the fields given (queued as `agency.update` with the clocks this device saw). */
  update(id: string, set: Partial<AgencyEditable>): Promise<AgencyRecord>;
  /** Archives an agency, or brings it back (queued as `agency.archive`). */
  archive(id: string, archived: boolean): Promise<AgencyRecord>;
}

const byName = (a: AgencyRecord, b: AgencyRecord) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export function createAgenciesRepository(deps: RepositoryDeps): AgenciesRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'agencies', deps.onUnreadable);
  const existing = async (id: string) => {
    const agency = await reader.get(id);
    if (agency === undefined) throw new Error(`agency ${id} is not on this device`);
    return agency;
  };
  return {
    async list() {
      return (await reader.list()).sort(byName);
    },
    async offered() {
      return (await reader.list()).filter((a) => a.archived !== true).sort(byName);
    },
    get: (id) => reader.get(id),
    async create(profile) {
      const args = { id: uuidv7((deps.now ?? Date.now)()), profile: agencyEditableSchema.parse(profile) };
      return (await writeCommand(deps, { name: 'agency.create', args })) as AgencyRecord;
    },
    async update(id, set) {
      const parsed = agencyEditableSchema.partial().parse(set);
      const current = await existing(id);
      const seen = Object.fromEntries(Object.keys(parsed).map((field) => [field, current.clocks[field] ?? null]));
      return (await writeCommand(deps, { name: 'agency.update', args: { id, set: parsed, seen } })) as AgencyRecord;
    },
    async archive(id, archived) {
      await existing(id);
      return (await writeCommand(deps, { name: 'agency.archive', args: { id, archived } })) as AgencyRecord;
    },
  };
}

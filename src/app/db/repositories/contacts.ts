/**
 * Contacts on the device: append-only meetings, anonymous or with a client. Read through
 * the generic record reader (opened and parsed); written as `contact.record`.
 */
import { contactArgsSchema, type ContactRecord } from '../../../shared/domain/contact';
import type { CommandArgs } from '../../../shared/sync/commands';
import { createRecordReader } from './record-reader';
import { newestFirst, writeCommand, type RepositoryDeps } from './repository-deps';

export interface ContactsRepository {
  /** A client's contacts, newest first. */
  forClient(clientId: string): Promise<ContactRecord[]>;
  /** The `limit` most recent contacts on the device (any client or anonymous), newest first. */
  recent(limit: number): Promise<ContactRecord[]>;
  /** Logs a contact (queued as `contact.record`); args are checked by the shared schema. */
  record(contact: CommandArgs<'contact.record'>): Promise<ContactRecord>;
}

const byAt = newestFirst<ContactRecord>((c) => c.at);

export function createContactsRepository(deps: RepositoryDeps): ContactsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'contacts', deps.onUnreadable);
  return {
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(byAt);
    },
    async recent(limit) {
      return (await reader.newest('at', limit)).sort(byAt);
    },
    async record(contact) {
      const args = contactArgsSchema.parse(contact);
      return (await writeCommand(deps, { name: 'contact.record', args })) as ContactRecord;
    },
  };
}

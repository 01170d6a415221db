import { useLiveQuery } from 'dexie-react-hooks';
import { cipher, db } from '../../../stores/runtime';
import { dismissRejected, rejectedEntries, type OpenedOutboxEntry } from '../../../sync/outbox';

/** Changes the server refused, kept with their data until a person dismisses them. */
export function useRejectedChanges(): OpenedOutboxEntry[] | undefined {
  return useLiveQuery(() => rejectedEntries(db, cipher), []);
}

export function dismissRejectedChange(id: number): Promise<void> {
  return dismissRejected(db, id);
}

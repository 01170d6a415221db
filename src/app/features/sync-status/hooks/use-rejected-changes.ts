import { useLiveQuery } from 'dexie-react-hooks';
import type { Command } from '../../../../shared/sync/commands';
import { agenciesRepository, cipher, clientsRepository, db } from '../../../stores/runtime';
import { dismissRejected, pendingEntries, rejectedEntries, type OpenedOutboxEntry } from '../../../sync/outbox';
import { describeChange, type DescribedChange } from '../describe-change';

/** An outbox entry with its change in words. */
export type DescribedEntry = OpenedOutboxEntry & { readonly change: DescribedChange };

/** The client a change is about, if any. */
function clientOf(command: Command): string | null {
  if (command.name === 'client.create' || command.name === 'client.update') return command.args.id;
  return 'clientId' in command.args ? (command.args.clientId ?? null) : null;
}

/** Puts each change in words, with the aliases and agency names the device holds. */
async function describe(entries: readonly OpenedOutboxEntry[]): Promise<DescribedEntry[]> {
  const agencies = new Map((await agenciesRepository.list()).map((a) => [a.id, a.name]));
  const clientIds = [...new Set(entries.map(({ command }) => clientOf(command)).filter((id) => id !== null))];
  const clients = new Map(await Promise.all(clientIds.map(async (id) => [id, (await clientsRepository.get(id))?.alias] as const)));
  const names = { client: (id: string) => clients.get(id), agency: (id: string) => agencies.get(id) };
  return entries.map((entry) => ({ ...entry, change: describeChange(entry.command, names) }));
}

/** Changes the server refused, kept with their data until a person dismisses them. */
export function useRejectedChanges(): DescribedEntry[] | undefined {
  return useLiveQuery(async () => describe(await rejectedEntries(db, cipher)), []);
}

/** Changes made on this device that have not reached the server yet, oldest first. */
export function useWaitingChanges(): DescribedEntry[] | undefined {
  return useLiveQuery(async () => describe(await pendingEntries(db, cipher)), []);
}

export function dismissRejectedChange(id: number): Promise<void> {
  return dismissRejected(db, id);
}

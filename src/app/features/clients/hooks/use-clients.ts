import { useLiveQuery } from 'dexie-react-hooks';
import { shownInSearch, type ClientRecord } from '../../../../shared/domain/client';
import { useSessionStore } from '../../../stores/session-store';
import type { NoteRecord } from '../../../../shared/domain/note';
import { agenciesRepository, clientsRepository, notesRepository, teamMembersRepository } from '../../../stores/runtime';

/** Clients matching `query` (all when empty), live: they update as sync brings changes. */
export function useClientSearch(query: string): ClientRecord[] | undefined {
  const role = useSessionStore((s) => s.user?.role ?? 'peer_volunteer');
  return useLiveQuery(async () => (await clientsRepository.search(query)).filter((c) => shownInSearch(role, c)), [query, role]);
}

/** One client, live; `null` when the device does not hold it. */
export function useClient(id: string): ClientRecord | null | undefined {
  return useLiveQuery(async () => (await clientsRepository.get(id)) ?? null, [id]);
}

/** A client's notes, newest first, live. */
export function useClientNotes(clientId: string): NoteRecord[] | undefined {
  return useLiveQuery(() => notesRepository.forClient(clientId), [clientId]);
}

/** The team's staff and the agency directory by id, for naming them on screen; live. */
export function useDirectoryNames(): { readonly staff: ReadonlyMap<string, string>; readonly agencies: ReadonlyMap<string, string> } | undefined {
  return useLiveQuery(async () => ({
    staff: new Map((await teamMembersRepository.list()).map((m) => [m.id, m.name] as const)),
    agencies: new Map((await agenciesRepository.list()).map((a) => [a.id, a.name] as const)),
  }), []);
}

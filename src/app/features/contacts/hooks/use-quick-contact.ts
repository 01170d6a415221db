import { useLiveQuery } from 'dexie-react-hooks';
import { shownInSearch, type ClientRecord } from '../../../../shared/domain/client';
import { clientsRepository, contactsRepository } from '../../../stores/runtime';
import { useSessionStore } from '../../../stores/session-store';
import { rememberedArea } from '../quick-contact-model';

/** The area of the most recent contact on this device ('' if none); undefined while opening. */
export function useRememberedArea(): string | undefined {
  return useLiveQuery(async () => rememberedArea(await contactsRepository.recent(1)), []);
}

const MAX_MATCHES = 6;

/** Clients whose alias (or area) matches what was typed; nothing until something is typed. */
export function useClientMatches(query: string): ClientRecord[] | undefined {
  const role = useSessionStore((s) => s.user?.role ?? 'peer_volunteer');
  return useLiveQuery(
    async () => (query.trim() === '' ? [] : (await clientsRepository.search(query)).filter((c) => shownInSearch(role, c)).slice(0, MAX_MATCHES)),
    [query, role],
  );
}

/** One client's alias, live; null when the device does not hold them. */
export function useClientAlias(clientId: string | null): string | null | undefined {
  return useLiveQuery(
    async () => (clientId === null ? null : ((await clientsRepository.get(clientId))?.alias ?? null)),
    [clientId],
  );
}

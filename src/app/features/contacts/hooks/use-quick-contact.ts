import { useLiveQuery } from 'dexie-react-hooks';
import type { ClientRecord } from '../../../../shared/domain/client';
import { clientsRepository, contactsRepository } from '../../../stores/runtime';
import { rememberedArea } from '../quick-contact-model';

/** The area of the most recent contact on this device ('' if none); undefined while opening. */
export function useRememberedArea(): string | undefined {
  return useLiveQuery(async () => rememberedArea(await contactsRepository.recent(1)), []);
}

const MAX_MATCHES = 6;

/** Clients whose alias (or area) matches what was typed; nothing until something is typed. */
export function useClientMatches(query: string): ClientRecord[] | undefined {
  return useLiveQuery(
    async () => (query.trim() === '' ? [] : (await clientsRepository.search(query)).slice(0, MAX_MATCHES)),
    [query],
  );
}

/** One client's alias, live; null when the device does not hold them. */
export function useClientAlias(clientId: string | null): string | null | undefined {
  return useLiveQuery(
    async () => (clientId === null ? null : ((await clientsRepository.get(clientId))?.alias ?? null)),
    [clientId],
  );
}

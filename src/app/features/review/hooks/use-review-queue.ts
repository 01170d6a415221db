import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewItemRecord } from '../../../../shared/domain/review-item';
import type { Erasure } from '../../../../shared/api/erasure';
import { agenciesRepository, clientsRepository, reviewItemsRepository, teamMembersRepository } from '../../../stores/runtime';

export interface QueueEntry {
  readonly item: ReviewItemRecord;
  /** What the item is about: a person's profile or an agency in the directory. */
  readonly kind: 'client' | 'agency';
  /** The client's alias or the agency's name, or null if it is not on this device. */
  readonly name: string | null;
}

/** Open review items with the name of the person or agency each is about; live. */
export function useReviewQueue(): QueueEntry[] | undefined {
  return useLiveQuery(async () => {
    const items = await reviewItemsRepository.open();
    return Promise.all(
      items.map(async (item): Promise<QueueEntry> =>
        item.collection === 'agencies'
          ? { item, kind: 'agency', name: (await agenciesRepository.get(item.recordId))?.name ?? null }
          : { item, kind: 'client', name: (await clientsRepository.get(item.recordId))?.alias ?? null },
      ),
    );
  }, []);
}

/** How many items wait for a decision (for the menu); live. */
export function useReviewCount(): number {
  return useLiveQuery(() => reviewItemsRepository.countOpen(), []) ?? 0;
}

const NO_NAMES = { aliases: new Map<string, string>(), members: new Map<string, string>() };

/** The aliases (from this device) and requesters' names of erasure requests; live. */
export function useErasureNames(requests: readonly Erasure[]): { readonly aliases: ReadonlyMap<string, string>; readonly members: ReadonlyMap<string, string> } {
  const key = requests.map((r) => r.id).join(',');
  return (
    useLiveQuery(async () => {
      const aliases = new Map<string, string>();
      for (const { clientId } of requests) {
        const alias = (await clientsRepository.get(clientId))?.alias;
        if (alias !== undefined) aliases.set(clientId, alias);
      }
      const members = new Map((await teamMembersRepository.list()).map((m) => [m.id, m.name] as const));
      return { aliases, members };
    }, [key]) ?? NO_NAMES
  );
}

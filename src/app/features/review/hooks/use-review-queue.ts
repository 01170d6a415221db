import { useLiveQuery } from 'dexie-react-hooks';
import type { ReviewItemRecord } from '../../../../shared/domain/review-item';
import { clientsRepository, reviewItemsRepository } from '../../../stores/runtime';

export interface QueueEntry {
  readonly item: ReviewItemRecord;
  /** The client's alias, or null if the client is not on this device. */
  readonly alias: string | null;
}

/** Open review items with the alias of the person each is about; live. */
export function useReviewQueue(): QueueEntry[] | undefined {
  return useLiveQuery(async () => {
    const items = await reviewItemsRepository.open();
    return Promise.all(items.map(async (item) => ({ item, alias: (await clientsRepository.get(item.recordId))?.alias ?? null })));
  }, []);
}

/** How many items wait for a decision (for the menu); live. */
export function useReviewCount(): number {
  return useLiveQuery(() => reviewItemsRepository.countOpen(), []) ?? 0;
}

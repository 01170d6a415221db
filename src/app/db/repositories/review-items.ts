/**
 * The review queue on a team lead's device: values that lost a concurrent write, waiting
 * for a person to decide (`reviewItem.resolve`). Other roles' devices never receive it.
 */
import type { ReviewChoice, ReviewItemRecord } from '../../../shared/domain/review-item';
import { createRecordReader } from './record-reader';
import { nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export interface ReviewItemsRepository {
  /** Items still open, oldest first. */
  open(): Promise<ReviewItemRecord[]>;
  /** How many are open, from the status index alone (nothing is decrypted). */
  countOpen(): Promise<number>;
  /** Resolves an item (queued as `reviewItem.resolve`); `value` only with 'merged'. Throws if it is not open here. */
  resolve(id: string, keep: ReviewChoice, value?: unknown): Promise<ReviewItemRecord>;
}

export function createReviewItemsRepository(deps: RepositoryDeps): ReviewItemsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'reviewItems', deps.onUnreadable);
  return {
    async open() {
      const items = await reader.listByIndex('status', 'open');
      return items.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    },
    countOpen: () => deps.db.records('reviewItems').where('status').equals('open').count(),
    async resolve(id, keep, value) {
      if ((await reader.get(id))?.status !== 'open') throw new Error('this review item is not open on this device');
      const args = { id, keep, at: nowIso(deps), ...(keep === 'merged' ? { value } : {}) };
      return (await writeCommand(deps, { name: 'reviewItem.resolve', args })) as ReviewItemRecord;
    },
  };
}

/**
 * Referrals on the device. Created in encounters (`referral.create`); moved through the
 * lifecycle in referral-status.ts with `referral.transition`, refused here before anything
 * is written if the state machine does not allow the move.
 */
import type { ReferralRecord, ReferralStatus } from '../../../shared/domain/referral';
import { canTransitionReferral, isReferralOpen, nextReferralStatuses } from '../../../shared/domain/referral-status';
import { createRecordReader } from './record-reader';
import { newestFirst, nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export interface ReferralsRepository {
  /** One referral by id, or undefined if it is not on the device. */
  get(id: string): Promise<ReferralRecord | undefined>;
  /** A client's referrals, newest first. */
  forClient(clientId: string): Promise<ReferralRecord[]>;
  /** Every referral still in progress (isReferralOpen), newest first. */
  open(): Promise<ReferralRecord[]>;
  /** Moves a referral to `to` (queued as `referral.transition`). Throws if not allowed. */
  transition(id: string, to: ReferralStatus): Promise<ReferralRecord>;
}

const openStatuses = (['draft', 'sent', 'acknowledged', 'booked', 'attended', 'not_attended', 'declined', 'closed'] as const).filter(isReferralOpen);
const byCreatedAt = newestFirst<ReferralRecord>((r) => r.createdAt);

export function createReferralsRepository(deps: RepositoryDeps): ReferralsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'referrals', deps.onUnreadable);
  return {
    get: (id) => reader.get(id),
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(byCreatedAt);
    },
    async open() {
      return (await reader.listByIndexAnyOf('status', openStatuses)).sort(byCreatedAt);
    },
    async transition(id, to) {
      const current = await reader.get(id);
      if (current === undefined) throw new Error(`referral ${id} is not on this device`);
      if (!canTransitionReferral(current.status, to)) {
        throw new Error(`a ${current.status} referral can move to ${nextReferralStatuses(current.status).join(', ') || 'nothing'}, not ${to}`);
      }
      const command = { name: 'referral.transition' as const, args: { id, to, at: nowIso(deps) } };
      return (await writeCommand(deps, command)) as ReferralRecord;
    },
  };
}

/**
 * The referral lifecycle. Validated on the server for every transition command, and used by
 * the device to offer only the moves that are allowed. Nobody is closed for non-attendance:
 * from `not_attended` the only ways on are to book again or to send again.
 */
import type { ReferralStatus } from './referral';

const transitions: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  draft: ['sent', 'closed'],
  sent: ['acknowledged', 'booked', 'declined', 'closed'],
  acknowledged: ['booked', 'declined', 'closed'],
  booked: ['attended', 'not_attended', 'closed'],
  attended: ['closed'],
  not_attended: ['booked', 'sent'],
  declined: ['sent', 'closed'],
  closed: [],
};

/** Statuses a referral in `from` may move to. */
export function nextReferralStatuses(from: ReferralStatus): readonly ReferralStatus[] {
  return transitions[from];
}

export function canTransitionReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return transitions[from].includes(to);
}

/** Open referrals are the ones still in progress (shown on the client's story). */
export function isReferralOpen(status: ReferralStatus): boolean {
  return status !== 'closed' && status !== 'attended' && status !== 'declined';
}

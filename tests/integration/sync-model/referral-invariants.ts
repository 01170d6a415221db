/**
 * Referral moves after quiescence: every move the server applied is in the referral's
 * history exactly once, the history only takes steps the state machine allows (however
 * the devices' moves interleaved), and the status is where the history ends.
 */
import { referralRecordSchema, referralStatusSchema, type ReferralStatus } from '../../../src/shared/domain/referral';
import { canTransitionReferral } from '../../../src/shared/domain/referral-status';
import { isApplied } from './invariants';
import type { SyncModel } from './model';
import type { ServerState } from './server-state';

const statusOf = (status: string | undefined): ReferralStatus | undefined => referralStatusSchema.safeParse(status).data;

/** Appends what is wrong with the team's referrals to `problems`. */
export function checkReferrals(model: SyncModel, state: ServerState, problems: string[]): void {
  for (const record of state.records) {
    if (record.collection !== 'referrals' || record.deleted) continue;
    const parsed = referralRecordSchema.safeParse(record.data);
    if (!parsed.success) {
      problems.push(`referral ${record.id} does not parse on the server`);
      continue;
    }
    const { history, status } = parsed.data;
    const applied = model.moves.filter((m) => m.referralId === record.id && isApplied(state, m.deviceId, m.mutationId));
    const where = `referral ${record.id} (history ${history.map((h) => h.status).join(' → ')})`;
    if (history.length !== applied.length + 1) problems.push(`${where}: ${applied.length} move(s) applied, ${history.length - 1} in the history`);
    if (history.at(-1)?.status !== status) problems.push(`${where}: its status is ${status}`);
    history.slice(1).forEach((step, i) => {
      const from = statusOf(history[i]?.status);
      const to = statusOf(step.status);
      if (from === undefined || to === undefined || !canTransitionReferral(from, to)) problems.push(`${where}: step ${i + 1} is not allowed`);
    });
    const unmatched = [...history.slice(1)];
    for (const move of applied) {
      const at = unmatched.findIndex((step) => step.status === move.to && step.by === move.userId);
      if (at === -1) problems.push(`${where}: the applied move to ${move.to} (mutation ${move.mutationId}) is not in the history`);
      else unmatched.splice(at, 1);
    }
  }
}

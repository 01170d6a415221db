/**
 * The NRM referral's lifecycle, checked on the server for every `nrm.record` and used by
 * the device to offer only the moves that exist. Reconsideration is asked of a negative
 * decision and ends in a new decision at the same stage; withdrawing ends it at any point
 * before a conclusive decision.
 */
import type { FollowUpRecord } from './follow-up';
import type { NrmReferralRecord, NrmStatus } from './nrm';

const transitions: Readonly<Record<NrmStatus, readonly NrmStatus[]>> = {
  referred: ['rg_positive', 'rg_negative', 'withdrawn'],
  rg_negative: ['rg_reconsideration', 'withdrawn'],
  rg_reconsideration: ['rg_positive', 'rg_negative', 'withdrawn'],
  rg_positive: ['cg_positive', 'cg_negative', 'withdrawn'],
  cg_negative: ['cg_reconsideration'],
  cg_reconsideration: ['cg_positive', 'cg_negative'],
  cg_positive: [],
  withdrawn: [],
};

export function nextNrmStatuses(from: NrmStatus): readonly NrmStatus[] {
  return transitions[from];
}

export function canTransitionNrm(from: NrmStatus, to: NrmStatus): boolean {
  return transitions[from].includes(to);
}

/** The decision the person is waiting for in `status`, or null when nothing is awaited. */
export type AwaitedDecision = 'reasonable_grounds' | 'conclusive_grounds';
export function awaitedDecision(status: NrmStatus): AwaitedDecision | null {
  if (status === 'referred' || status === 'rg_reconsideration') return 'reasonable_grounds';
  if (status === 'rg_positive' || status === 'cg_reconsideration') return 'conclusive_grounds';
  return null;
}

/**
 * A positive decision, reasonable or conclusive, stands now: the person is not charged for
 * NHS care (NHS charging regulations, regulation 16) and the rights card says so. Anything
 * less certain is left for the card's general statements, never promised.
 */
export function nrmRemovesCharges(status: NrmStatus): boolean {
  return status === 'rg_positive' || status === 'cg_positive';
}

/**
 * Days after which an awaited decision is chased. The reasonable grounds decision is meant
 * to come within days but often takes months; the conclusive one comes after a recovery
 * period of at least 30 days. Past these, the team asks the competent authority.
 */
export const NRM_DECISION_FOLLOW_UP_DAYS: Readonly<Record<AwaitedDecision, number>> = {
  reasonable_grounds: 30,
  conclusive_grounds: 90,
};

const DAY_MS = 24 * 60 * 60 * 1000;

export interface NrmFollowUpContext {
  readonly followUpId: string;
  /** The day the wait began (referred, decided, or reconsideration asked). */
  readonly since: string;
  /** When it was recorded (ISO), and by whom: owner and assignee of the follow-up. */
  readonly at: string;
  readonly actorId: string;
}

/**
 * The follow-up a wait opens: due when the decision is late, for whoever recorded the wait.
 * Built the same on the device and on the server, from the id the device chose. Null when
 * `status` awaits nothing.
 */
export function followUpForNrmWait(referral: Pick<NrmReferralRecord, 'id' | 'teamId' | 'clientId' | 'status'>, ctx: NrmFollowUpContext): FollowUpRecord | null {
  const awaited = awaitedDecision(referral.status);
  if (awaited === null) return null;
  const days = NRM_DECISION_FOLLOW_UP_DAYS[awaited];
  const what = awaited === 'reasonable_grounds' ? 'reasonable grounds' : 'conclusive grounds';
  return {
    id: ctx.followUpId,
    teamId: referral.teamId,
    clientId: referral.clientId,
    reason: 'nrm_decision',
    dueAt: new Date(Date.parse(`${ctx.since}T12:00:00Z`) + days * DAY_MS).toISOString(),
    assigneeId: ctx.actorId,
    nrmReferralId: referral.id,
    notes: `If no ${what} decision has come ${days} days after ${ctx.since}, ask the First Responder or the competent authority where it is.`,
    status: 'open',
    createdBy: ctx.actorId,
    createdAt: ctx.at,
    updatedAt: ctx.at,
  };
}

/** The referral as first recorded: referred, on the day it was made. */
export function newNrmReferral(
  args: Omit<NrmReferralRecord, 'teamId' | 'createdBy' | 'createdAt' | 'status' | 'decisions' | 'updatedAt' | 'history'> & { readonly followUpId?: string },
  stamp: { readonly teamId: string; readonly by: string; readonly at: string },
): NrmReferralRecord {
  const { followUpId: _followUp, ...fields } = args;
  return {
    ...fields,
    teamId: stamp.teamId,
    createdBy: stamp.by,
    createdAt: stamp.at,
    status: 'referred',
    decisions: {},
    updatedAt: stamp.at,
    history: [{ status: 'referred', on: args.referredOn, at: stamp.at, by: stamp.by }],
  };
}

export interface NrmStep {
  readonly to: NrmStatus;
  readonly on: string;
  readonly supportProvider?: string | undefined;
}

/** Which of the referral's dates a move to `to` sets. */
const dateSetBy: Readonly<Record<NrmStatus, keyof NrmReferralRecord['decisions'] | null>> = {
  referred: null,
  rg_positive: 'reasonableGroundsOn',
  rg_negative: 'reasonableGroundsOn',
  rg_reconsideration: 'reconsiderationRequestedOn',
  cg_positive: 'conclusiveGroundsOn',
  cg_negative: 'conclusiveGroundsOn',
  cg_reconsideration: 'reconsiderationRequestedOn',
  withdrawn: 'withdrawnOn',
};

/**
 * The referral after `step`, or null when the lifecycle does not allow it. Used by the
 * server to write and by the device to show the change before it syncs, so both agree.
 */
export function recordNrmStep(referral: NrmReferralRecord, step: NrmStep, by: string, at: string): NrmReferralRecord | null {
  if (!canTransitionNrm(referral.status, step.to)) return null;
  const dated = dateSetBy[step.to];
  const decisions = {
    ...referral.decisions,
    ...(dated === null ? {} : { [dated]: step.on }),
    ...(step.supportProvider === undefined ? {} : { supportProvider: step.supportProvider }),
  };
  return {
    ...referral,
    status: step.to,
    decisions,
    updatedAt: at > referral.updatedAt ? at : referral.updatedAt,
    history: [...referral.history, { status: step.to, on: step.on, at, by }],
  };
}

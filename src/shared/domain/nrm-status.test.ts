import { describe, expect, it } from 'vitest';
import { nrmStatusSchema, type NrmReferralRecord, type NrmStatus } from './nrm';
import { awaitedDecision, canTransitionNrm, followUpForNrmWait, newNrmReferral, nextNrmStatuses, nrmRemovesCharges, recordNrmStep } from './nrm-status';
import { observationArgsSchema } from './observation';

/** Every pair of statuses, and whether the NRM allows the move. */
const allowed: readonly [NrmStatus, NrmStatus][] = [
  ['referred', 'rg_positive'],
  ['referred', 'rg_negative'],
  ['referred', 'withdrawn'],
  ['rg_negative', 'rg_reconsideration'],
  ['rg_negative', 'withdrawn'],
  ['rg_reconsideration', 'rg_positive'],
  ['rg_reconsideration', 'rg_negative'],
  ['rg_reconsideration', 'withdrawn'],
  ['rg_positive', 'cg_positive'],
  ['rg_positive', 'cg_negative'],
  ['rg_positive', 'withdrawn'],
  ['cg_negative', 'cg_reconsideration'],
  ['cg_reconsideration', 'cg_positive'],
  ['cg_reconsideration', 'cg_negative'],
];
const statuses = nrmStatusSchema.options;
const table = statuses.flatMap((from) => statuses.map((to) => [from, to, allowed.some(([f, t]) => f === from && t === to)] as const));

describe('the NRM lifecycle', () => {
  it.each(table)('%s → %s allowed: %s', (from, to, ok) => {
    expect(canTransitionNrm(from, to)).toBe(ok);
  });

  it('never goes back to referred, and a conclusive positive decision or a withdrawal is final', () => {
    for (const s of statuses) expect(nextNrmStatuses(s)).not.toContain('referred');
    expect(nextNrmStatuses('cg_positive')).toEqual([]);
    expect(nextNrmStatuses('withdrawn')).toEqual([]);
  });

  it('knows which decision is awaited, and that only a positive decision standing now removes NHS charges', () => {
    expect(statuses.map((s) => [s, awaitedDecision(s)])).toEqual([
      ['referred', 'reasonable_grounds'],
      ['rg_positive', 'conclusive_grounds'],
      ['rg_negative', null],
      ['rg_reconsideration', 'reasonable_grounds'],
      ['cg_positive', null],
      ['cg_negative', null],
      ['cg_reconsideration', 'conclusive_grounds'],
      ['withdrawn', null],
    ]);
    expect(statuses.filter(nrmRemovesCharges)).toEqual(['rg_positive', 'cg_positive']);
  });
});

describe('recording NRM steps', () => {
  const referral: NrmReferralRecord = newNrmReferral(
    { id: 'r1', clientId: 'c1', route: 'adult', consentId: 'k1', firstResponder: 'Outreach', referredOn: '2026-11-02', reference: null, followUpId: 'f1' },
    { teamId: 't1', by: 'u1', at: '2026-11-02T20:00:00.000Z' },
  );

  it('starts referred, without the follow-up id, with one history entry', () => {
    expect(referral).toMatchObject({ status: 'referred', decisions: {}, history: [{ status: 'referred', on: '2026-11-02', by: 'u1' }] });
    expect(referral).not.toHaveProperty('followUpId');
  });

  it('dates each decision in its own field and keeps the support provider', () => {
    const rg = recordNrmStep(referral, { to: 'rg_positive', on: '2026-11-20', supportProvider: 'Haven' }, 'u2', '2026-11-21T09:00:00.000Z');
    expect(rg).toMatchObject({ status: 'rg_positive', decisions: { reasonableGroundsOn: '2026-11-20', supportProvider: 'Haven' }, updatedAt: '2026-11-21T09:00:00.000Z' });
    const cg = rg && recordNrmStep(rg, { to: 'cg_negative', on: '2027-02-01' }, 'u2', '2027-02-02T09:00:00.000Z');
    const again = cg && recordNrmStep(cg, { to: 'cg_reconsideration', on: '2027-02-10' }, 'u2', '2027-02-10T09:00:00.000Z');
    expect(again?.decisions).toEqual({ reasonableGroundsOn: '2026-11-20', supportProvider: 'Haven', conclusiveGroundsOn: '2027-02-01', reconsiderationRequestedOn: '2027-02-10' });
    expect(again?.history.map((h) => h.status)).toEqual(['referred', 'rg_positive', 'cg_negative', 'cg_reconsideration']);
  });

  it('refuses a move the lifecycle does not have', () => {
    expect(recordNrmStep(referral, { to: 'cg_positive', on: '2026-11-20' }, 'u2', '2026-11-21T09:00:00.000Z')).toBeNull();
  });

  it('opens a follow-up due the set number of days after the wait began, and none when nothing is awaited', () => {
    const wait = followUpForNrmWait(referral, { followUpId: 'f1', since: '2026-11-02', at: '2026-11-02T20:00:00.000Z', actorId: 'u1' });
    expect(wait).toMatchObject({ id: 'f1', reason: 'nrm_decision', nrmReferralId: 'r1', assigneeId: 'u1', dueAt: '2026-12-02T12:00:00.000Z', status: 'open' });
    expect(followUpForNrmWait({ ...referral, status: 'rg_negative' }, { followUpId: 'f2', since: '2026-11-02', at: '2026-11-02T20:00:00.000Z', actorId: 'u1' })).toBeNull();
  });
});

describe('what a worker noticed', () => {
  const base = { id: '0190b0b0-0000-7000-8000-000000000001', clientId: '0190b0b0-0000-7000-8000-000000000002', observedAt: '2026-11-02T20:00:00.000Z' };
  it('needs at least one cue, each once, from the list', () => {
    expect(observationArgsSchema.safeParse({ ...base, cues: ['someone_else_answered'] }).success).toBe(true);
    expect(observationArgsSchema.safeParse({ ...base, cues: [] }).success).toBe(false);
    expect(observationArgsSchema.safeParse({ ...base, cues: ['someone_else_answered', 'someone_else_answered'] }).success).toBe(false);
    expect(observationArgsSchema.safeParse({ ...base, cues: ['looks_suspicious'] }).success).toBe(false);
  });
});

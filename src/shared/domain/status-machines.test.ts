import { describe, expect, it } from 'vitest';
import { referralStatusSchema, type ReferralStatus } from './referral';
import { appointmentStatusSchema } from './appointment';
import { canTransitionAppointment, canUndoMissed, isOverdue, nextAppointmentStatuses, UNDO_MISSED_WINDOW_MS } from './appointment-status';
import { canTransitionReferral, isReferralOpen, nextReferralStatuses } from './referral-status';

describe('referral lifecycle', () => {
  it.each<[ReferralStatus, ReferralStatus, boolean]>([
    ['draft', 'sent', true],
    ['sent', 'acknowledged', true],
    ['acknowledged', 'booked', true],
    ['booked', 'attended', true],
    ['booked', 'not_attended', true],
    ['not_attended', 'booked', true],
    ['not_attended', 'sent', true],
    ['not_attended', 'closed', false],
    ['attended', 'booked', false],
    ['closed', 'sent', false],
    ['sent', 'draft', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canTransitionReferral(from, to)).toBe(allowed);
  });

  it('nobody is ever closed for non-attendance', () => {
    expect(nextReferralStatuses('not_attended')).not.toContain('closed');
  });

  it('every status names only known statuses, and closed is final', () => {
    for (const status of referralStatusSchema.options) {
      for (const next of nextReferralStatuses(status)) expect(referralStatusSchema.options).toContain(next);
    }
    expect(nextReferralStatuses('closed')).toEqual([]);
    expect(isReferralOpen('not_attended')).toBe(true);
    expect(isReferralOpen('closed')).toBe(false);
    expect(isReferralOpen('attended')).toBe(false);
    expect(isReferralOpen('declined')).toBe(false);
    expect(isReferralOpen('booked')).toBe(true);
  });
});

describe('appointment lifecycle', () => {
  it('only a booked appointment changes state', () => {
    for (const status of appointmentStatusSchema.options) {
      const expected = status === 'booked' ? ['attended', 'missed', 'cancelled', 'rescheduled'] : [];
      expect(nextAppointmentStatuses(status)).toEqual(expected);
    }
    expect(canTransitionAppointment('booked', 'missed')).toBe(true);
    expect(canTransitionAppointment('missed', 'attended')).toBe(false);
  });

  it('a booked appointment in the past is overdue', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(isOverdue('booked', '2026-11-22T11:00:00Z', now)).toBe(true);
    expect(isOverdue('booked', '2026-11-22T13:00:00Z', now)).toBe(false);
    expect(isOverdue('booked', '2026-11-22T12:00:00Z', now)).toBe(false);
    expect(isOverdue('attended', '2026-11-22T11:00:00Z', now)).toBe(false);
  });
});

describe('undoing missed', () => {
  const at = '2030-01-01T22:00:00.000Z';
  const missed = { status: 'missed' as const, history: [{ status: 'booked', at: '2029-12-30T10:00:00.000Z' }, { status: 'missed', at }] };
  const later = (ms: number) => new Date(Date.parse(at) + ms);

  it('is possible up to 12 hours after marking it missed, and not a moment after', () => {
    expect(canUndoMissed(missed, later(0))).toBe(true);
    expect(canUndoMissed(missed, later(UNDO_MISSED_WINDOW_MS))).toBe(true);
    expect(canUndoMissed(missed, later(UNDO_MISSED_WINDOW_MS + 1))).toBe(false);
    expect(UNDO_MISSED_WINDOW_MS).toBe(12 * 3_600_000);
  });

  it('needs an appointment that is missed now, and last marked so', () => {
    expect(canUndoMissed({ ...missed, status: 'booked' }, later(0))).toBe(false);
    expect(canUndoMissed({ status: 'missed', history: [{ status: 'booked', at }] }, later(0))).toBe(false);
    expect(canUndoMissed({ status: 'missed', history: [] }, later(0))).toBe(false);
  });
});

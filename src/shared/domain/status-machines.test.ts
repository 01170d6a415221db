import { describe, expect, it } from 'vitest';
import { referralStatusSchema, type ReferralStatus } from './referral';
import { appointmentStatusSchema } from './appointment';
import { canTransitionAppointment, isOverdue, nextAppointmentStatuses } from './appointment-status';
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

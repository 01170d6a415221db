import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../shared/ids';
import { ageInWords, caseloadFilterFormSchema, describeLastContact, describeMissed, describeNextAppointment, describeReferrals, emptyCaseloadFilterForm, toCaseloadFilter } from './caseload-view-model';

const NOW = new Date('2026-11-30T21:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('caseload words', () => {
  it.each([
    [0, 'today'],
    [1, 'yesterday'],
    [13, '13 days ago'],
    [14, '2 weeks ago'],
    [59, '8 weeks ago'],
    [60, '1 month ago'],
    [250, '8 months ago'],
    [729, '23 months ago'],
    [730, '1 year ago'],
    [-3, 'today'],
  ])('%s days → %s', (days, words) => {
    expect(ageInWords(ago(days), NOW)).toBe(words);
  });

  it('marks someone unseen for four weeks or never seen, and never calls them closed', () => {
    expect(describeLastContact(null, NOW)).toEqual({ text: 'Never seen', warn: true });
    expect(describeLastContact(ago(27), NOW)).toEqual({ text: 'Seen 3 weeks ago', warn: false });
    expect(describeLastContact(ago(28), NOW)).toEqual({ text: 'Seen 4 weeks ago', warn: true });
  });

  it('says what is open and what was missed', () => {
    expect(describeReferrals({ openReferrals: [] }, NOW)).toBe('None open');
    const referral = (need: 'housing' | 'mental_health', days: number) => ({ id: uuidv7(), status: 'sent' as const, need, createdAt: ago(days) });
    expect(describeReferrals({ openReferrals: [referral('housing', 21)] }, NOW)).toBe('1 open: Housing, sent 3 weeks ago');
    expect(describeReferrals({ openReferrals: [referral('mental_health', 3), referral('housing', 1)] }, NOW)).toMatch(/^2 open: Mental health, sent 3 days ago$/);
    expect(describeMissed({ missedAppointments: 0, missedWithoutFollowUpDone: 0 })).toBe('None');
    expect(describeMissed({ missedAppointments: 2, missedWithoutFollowUpDone: 0 })).toBe('2 missed, followed up');
    expect(describeMissed({ missedAppointments: 3, missedWithoutFollowUpDone: 1 })).toBe('3 missed, 1 not followed up');
    expect(describeNextAppointment(null)).toBe('None booked');
    expect(describeNextAppointment('2026-12-02T10:30:00.000Z')).toMatch(/Wed 2 Dec/);
  });
});

describe('the filter form', () => {
  it('turns the form into the caseload filter', () => {
    expect(toCaseloadFilter(emptyCaseloadFilterForm)).toEqual({ keyWorker: { kind: 'any' }, notSeenForDays: null, urgentWithoutReferral: false, missedWithoutFollowUp: false, alias: '' });
    const userId = uuidv7();
    expect(toCaseloadFilter({ keyWorker: userId, notSeenForDays: '30', urgentWithoutReferral: true, missedWithoutFollowUp: true, alias: 'ro' })).toEqual({
      keyWorker: { kind: 'worker', userId },
      notSeenForDays: 30,
      urgentWithoutReferral: true,
      missedWithoutFollowUp: true,
      alias: 'ro',
    });
    expect(toCaseloadFilter({ ...emptyCaseloadFilterForm, keyWorker: 'none' }).keyWorker).toEqual({ kind: 'none' });
  });

  it.each([['-3'], ['2.5'], ['thirty'], ['12345']])('refuses %s days with words a person understands', (days) => {
    const parsed = caseloadFilterFormSchema.safeParse({ ...emptyCaseloadFilterForm, notSeenForDays: days });
    expect(parsed.success).toBe(false);
  });
});

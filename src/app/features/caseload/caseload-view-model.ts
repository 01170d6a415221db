/**
 * The caseload screen's words and its filter form: how long since someone was seen ("Seen
 * 3 days ago", "Seen 8 months ago" marked for a lead's eye, "Never seen"), what is waiting on them, and the
 * filter form's schema turned into the shared model's filter. Pure; the clock is passed in.
 */
import { z } from 'zod';
import type { CaseloadFilter, CaseloadRow } from '../../../shared/domain/caseload';
import { idSchema } from '../../../shared/ids';
import { needDomainLabels, referralStatusLabels } from '../../components/labels';
import { formatDateTime, uiLocale } from '../../i18n/format';
import { t } from '../../i18n/i18n';

/**
 * The filter form: every control is text or a box; "" means "no filter". Its refusals are
 * worded when they happen, in the language in use then.
 */
export const caseloadFilterFormSchema = z.object({
  keyWorker: z.union([z.literal(''), z.literal('none'), idSchema]),
  notSeenForDays: z.union([z.literal(''), z.string().regex(/^\d{1,4}$/, { error: () => t('caseload.filter.daysInvalid') })]),
  urgentWithoutReferral: z.boolean(),
  missedWithoutFollowUp: z.boolean(),
  alias: z.string().max(80, { error: () => t('caseload.filter.aliasTooLong', { max: 80 }) }),
});
export type CaseloadFilterForm = z.infer<typeof caseloadFilterFormSchema>;

export const emptyCaseloadFilterForm: CaseloadFilterForm = { keyWorker: '', notSeenForDays: '', urgentWithoutReferral: false, missedWithoutFollowUp: false, alias: '' };

export function toCaseloadFilter(form: CaseloadFilterForm): CaseloadFilter {
  return {
    keyWorker: form.keyWorker === '' ? { kind: 'any' } : form.keyWorker === 'none' ? { kind: 'none' } : { kind: 'worker', userId: form.keyWorker },
    notSeenForDays: form.notSeenForDays === '' ? null : Number(form.notSeenForDays),
    urgentWithoutReferral: form.urgentWithoutReferral,
    missedWithoutFollowUp: form.missedWithoutFollowUp,
    alias: form.alias,
  };
}

const DAY = 24 * 60 * 60 * 1000;
// "today" and "yesterday" for days; "1 month ago" rather than "last month" (a calendar month).
// Made at each call, in the interface's locale: the language can change while the app runs.
const relativeDays = () => new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'auto' });
const relative = () => new Intl.RelativeTimeFormat(uiLocale(), { numeric: 'always' });

/** "today", "yesterday", "3 days ago", "5 weeks ago", "8 months ago", "2 years ago". */
export function ageInWords(iso: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY));
  if (days < 14) return relativeDays().format(-days, 'day');
  if (days < 60) return relative().format(-Math.floor(days / 7), 'week');
  if (days < 730) return relative().format(-Math.floor(days / 30.44), 'month');
  return relative().format(-Math.floor(days / 365.25), 'year');
}

/** Long enough unseen that a lead should look: said plainly, never "closed". */
export const NOT_SEEN_WARNING_DAYS = 28;

export function describeLastContact(lastContactAt: string | null, now: Date): { text: string; warn: boolean } {
  if (lastContactAt === null) return { text: t('caseload.lastContact.never'), warn: true };
  const days = (now.getTime() - Date.parse(lastContactAt)) / DAY;
  const age = ageInWords(lastContactAt, now);
  return { text: t('caseload.lastContact.seen', { age }), warn: days >= NOT_SEEN_WARNING_DAYS };
}

export function describeReferrals(row: Pick<CaseloadRow, 'openReferrals'>, now: Date): string {
  const [oldest] = row.openReferrals;
  if (oldest === undefined) return t('caseload.referrals.noneOpen');
  return t('caseload.referrals.open', {
    count: row.openReferrals.length,
    need: needDomainLabels[oldest.need],
    status: referralStatusLabels[oldest.status].toLocaleLowerCase(uiLocale()),
    age: ageInWords(oldest.createdAt, now),
  });
}

export function describeMissed(row: Pick<CaseloadRow, 'missedAppointments' | 'missedWithoutFollowUpDone'>): string {
  if (row.missedAppointments === 0) return t('caseload.missed.none');
  return row.missedWithoutFollowUpDone === 0
    ? t('caseload.missed.allFollowedUp', { missed: row.missedAppointments })
    : t('caseload.missed.notFollowedUp', { missed: row.missedAppointments, notFollowedUp: row.missedWithoutFollowUpDone });
}

const appointmentFormat: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

export function describeNextAppointment(nextAppointmentAt: string | null): string {
  return nextAppointmentAt === null ? t('caseload.nextAppointment.none') : formatDateTime(nextAppointmentAt, appointmentFormat);
}

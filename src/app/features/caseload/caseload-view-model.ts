/**
 * The caseload screen's words and its filter form: how long since someone was seen ("Seen
 * 3 days ago", "Seen 8 months ago" marked for a lead's eye, "Never seen"), what is waiting on them, and the
 * filter form's schema turned into the shared model's filter. Pure; the clock is passed in.
 */
import { z } from 'zod';
import type { CaseloadFilter, CaseloadRow } from '../../../shared/domain/caseload';
import { idSchema } from '../../../shared/ids';
import { appointmentStatusLabels, needDomainLabels, referralStatusLabels } from '../../components/labels';

/** The filter form: every control is text or a box; "" means "no filter". */
export const caseloadFilterFormSchema = z.object({
  keyWorker: z.union([z.literal(''), z.literal('none'), idSchema]),
  notSeenForDays: z.union([z.literal(''), z.string().regex(/^\d{1,4}$/, 'Enter a whole number of days, like 30.')]),
  urgentWithoutReferral: z.boolean(),
  missedWithoutFollowUp: z.boolean(),
  alias: z.string().max(80, 'Search by at most 80 characters.'),
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
const relativeDays = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'always' });

/** "today", "yesterday", "3 days ago", "5 weeks ago", "8 months ago", "2 years ago". */
export function ageInWords(iso: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY));
  if (days < 14) return relativeDays.format(-days, 'day');
  if (days < 60) return relative.format(-Math.floor(days / 7), 'week');
  if (days < 730) return relative.format(-Math.floor(days / 30.44), 'month');
  return relative.format(-Math.floor(days / 365.25), 'year');
}

/** Long enough unseen that a lead should look: said plainly, never "closed". */
export const NOT_SEEN_WARNING_DAYS = 28;

export function describeLastContact(lastContactAt: string | null, now: Date): { text: string; warn: boolean } {
  if (lastContactAt === null) return { text: 'Never seen', warn: true };
  const days = (now.getTime() - Date.parse(lastContactAt)) / DAY;
  const age = ageInWords(lastContactAt, now);
  return { text: `Seen ${age}`, warn: days >= NOT_SEEN_WARNING_DAYS };
}

export function describeReferrals(row: Pick<CaseloadRow, 'openReferrals'>, now: Date): string {
  const [oldest] = row.openReferrals;
  if (oldest === undefined) return 'None open';
  const count = row.openReferrals.length === 1 ? '1 open' : `${row.openReferrals.length} open`;
  return `${count}: ${needDomainLabels[oldest.need]}, ${referralStatusLabels[oldest.status].toLowerCase()} ${ageInWords(oldest.createdAt, now)}`;
}

export function describeMissed(row: Pick<CaseloadRow, 'missedAppointments' | 'missedWithoutFollowUpDone'>): string {
  if (row.missedAppointments === 0) return 'None';
  const missed = `${row.missedAppointments} ${appointmentStatusLabels.missed.toLowerCase()}`;
  return row.missedWithoutFollowUpDone === 0 ? `${missed}, followed up` : `${missed}, ${row.missedWithoutFollowUpDone} not followed up`;
}

const dateTime = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function describeNextAppointment(nextAppointmentAt: string | null): string {
  return nextAppointmentAt === null ? 'None booked' : dateTime.format(new Date(nextAppointmentAt));
}

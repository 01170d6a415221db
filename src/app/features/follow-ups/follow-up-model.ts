/**
 * "My follow-ups" as a worker reads them: soonest first, overdue ones marked, due dates in
 * plain words. Pure; the clock is passed in. A follow-up is done, never a discharge.
 */
import type { FollowUpRecord } from '../../../shared/domain/follow-up';
import { formatDate, formatTime } from '../../i18n/format';
import { t } from '../../i18n/i18n';

export function isOverdue(followUp: Pick<FollowUpRecord, 'dueAt'>, now: Date): boolean {
  return Date.parse(followUp.dueAt) < now.getTime();
}

/** Open follow-ups, soonest due first (the oldest overdue at the top). */
export function soonestFirst<F extends Pick<FollowUpRecord, 'id' | 'dueAt' | 'status'>>(followUps: readonly F[]): F[] {
  return followUps
    .filter((f) => f.status === 'open')
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt) || a.id.localeCompare(b.id));
}

const startOfDay = (d: Date): number => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
const DAY = 24 * 60 * 60 * 1000;

// Local wall-clock time ("09:30") and a date further out ("Fri 6 Nov"), in the interface's locale.
const time = (d: Date): string => formatTime(d, { hour: '2-digit', minute: '2-digit' });
const date = (d: Date): string => formatDate(d, { weekday: 'short', day: 'numeric', month: 'short' });

/**
 * "Overdue since yesterday 21:00", "Due today 21:00", "Due tomorrow 09:30", "Due Fri 6 Nov"
 * (local time). Calendar days, not 24-hour spans: that is how people say it.
 */
export function describeDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  const days = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
  const day = days === 0 ? 'today' : days === 1 ? 'tomorrow' : days === -1 ? 'yesterday' : 'other';
  const when = t('followUps.due.when', { day, time: time(due), date: date(due) });
  return isOverdue({ dueAt }, now) ? t('followUps.due.overdueSince', { when }) : t('followUps.due.due', { when });
}

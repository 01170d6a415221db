/**
 * "My follow-ups" as a worker reads them: soonest first, overdue ones marked, due dates in
 * plain words. Pure; the clock is passed in. A follow-up is done, never a discharge.
 */
import type { FollowUpRecord } from '../../../shared/domain/follow-up';

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

const time = (d: Date): string =>
  `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
const date = (d: Date): string => d.toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short' });

/**
 * "Overdue since yesterday 21:00", "Due today 21:00", "Due tomorrow 09:30", "Due Fri 6 Nov"
 * (local time). Calendar days, not 24-hour spans: that is how people say it.
 */
export function describeDue(dueAt: string, now: Date): string {
  const due = new Date(dueAt);
  const days = Math.round((startOfDay(due) - startOfDay(now)) / DAY);
  const when =
    days === 0
      ? `today ${time(due)}`
      : days === 1
        ? `tomorrow ${time(due)}`
        : days === -1
          ? `yesterday ${time(due)}`
          : date(due);
  return isOverdue({ dueAt }, now) ? `Overdue since ${when}` : `Due ${when}`;
}

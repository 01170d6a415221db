/**
 * An agency's opening hours as a worker reads them on the street: today's sessions, in
 * local time, with drop-in sessions marked. Pure, shared by the directory and referrals.
 */
import type { OpeningSession } from '../../shared/domain/opening-hours';
import { formatDate } from '../i18n/format';
import { t } from '../i18n/i18n';

export interface TodaysSession {
  readonly opens: string;
  readonly closes: string;
  readonly dropIn: boolean;
  /** Closes after midnight. */
  readonly overnight: boolean;
}

/** The sessions that open on `day`'s weekday, earliest first. */
export function sessionsOn(sessions: readonly OpeningSession[], day: Date): TodaysSession[] {
  return sessions
    .filter((s) => s.day === day.getDay())
    .map((s) => ({ opens: s.opens, closes: s.closes, dropIn: s.dropIn, overnight: s.closes <= s.opens }))
    .sort((a, b) => a.opens.localeCompare(b.opens));
}

const describeSessions = (sessions: readonly TodaysSession[]): string =>
  sessions
    .map((s) => {
      const notes = [s.dropIn ? t('common.hours.dropIn') : null, s.overnight ? t('common.hours.overnight') : null].filter((n) => n !== null);
      const hours = { opens: s.opens, closes: s.closes };
      return notes.length > 0 ? t('common.hours.sessionWithNotes', { ...hours, notes: notes.join(', ') }) : t('common.hours.session', hours);
    })
    .join(', ');

/** "09:00–17:00 (drop-in), 19:00–02:00 (overnight)", or "Closed today". */
export function describeHoursOn(sessions: readonly OpeningSession[], day: Date): string {
  const today = sessionsOn(sessions, day);
  return today.length === 0 ? t('common.hours.closedToday') : describeSessions(today);
}

/** The whole week, Monday first, one line per open day: "Fri 22:00–02:00 (drop-in, overnight)". */
export function describeWeek(sessions: readonly OpeningSession[]): string[] {
  // A date in a week that starts on a Monday (5 January 2026), for each weekday, named
  // short in the interface's locale ("Mon", "lun").
  return [0, 1, 2, 3, 4, 5, 6].flatMap((i) => {
    const date = new Date(2026, 0, 5 + i);
    const day = sessionsOn(sessions, date);
    return day.length === 0 ? [] : [t('common.hours.weekLine', { day: formatDate(date, { weekday: 'short' }), sessions: describeSessions(day) })];
  });
}

/**
 * An agency's opening hours as a worker reads them on the street: today's sessions, in
 * local time, with drop-in sessions marked. Pure, shared by the directory and referrals.
 */
import type { OpeningSession } from '../../shared/domain/opening-hours';

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
      const notes = [s.dropIn ? 'drop-in' : null, s.overnight ? 'overnight' : null].filter((n) => n !== null);
      return `${s.opens}–${s.closes}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    })
    .join(', ');

/** "09:00–17:00 (drop-in), 19:00–02:00 (overnight)", or "Closed today". */
export function describeHoursOn(sessions: readonly OpeningSession[], day: Date): string {
  const today = sessionsOn(sessions, day);
  return today.length === 0 ? 'Closed today' : describeSessions(today);
}

const WEEK = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** The whole week, Monday first, one line per open day: "Fri 22:00–02:00 (drop-in, overnight)". */
export function describeWeek(sessions: readonly OpeningSession[]): string[] {
  // A date in a week that starts on a Monday (5 January 2026), for each weekday.
  return WEEK.flatMap((name, i) => {
    const day = sessionsOn(sessions, new Date(2026, 0, 5 + i));
    return day.length === 0 ? [] : [`${name} ${describeSessions(day)}`];
  });
}

/**
 * "Open now", computed on the device from an agency's opening sessions. Times are local
 * wall-clock times at the agency; a session whose closing time is not after its opening
 * time runs past midnight into the next day.
 */
import type { z } from 'zod';
import type { openingSessionSchema } from './agency';

export type OpeningSession = z.infer<typeof openingSessionSchema>;

const minutes = (hhmm: string): number => {
  const [h = '0', m = '0'] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/** The session open at `when` (local time), or null. */
export function openSessionAt(sessions: readonly OpeningSession[], when: Date): OpeningSession | null {
  const day = when.getDay();
  const now = when.getHours() * 60 + when.getMinutes();
  for (const session of sessions) {
    const opens = minutes(session.opens);
    const closes = minutes(session.closes);
    const overnight = closes <= opens;
    if (session.day === day && now >= opens && (overnight || now < closes)) return session;
    if (overnight && (session.day + 1) % 7 === day && now < closes) return session;
  }
  return null;
}

export function isOpenAt(sessions: readonly OpeningSession[], when: Date): boolean {
  return openSessionAt(sessions, when) !== null;
}

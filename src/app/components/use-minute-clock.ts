import { useEffect, useState } from 'react';

/**
 * The current time, re-read every minute (default), so "open now" and "2 h left" stay
 * true while a screen stays open on a long night round.
 */
export function useMinuteClock(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

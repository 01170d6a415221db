/**
 * Safety alerts as a worker reads and raises them on the street: which are still active,
 * newest first, how long each has left, and the expiry choices. Pure; the clock is passed in.
 * An alert says where and what the danger is — never who raised it, never a client.
 */
import type { SafetyAlertRecord } from '../../../shared/domain/safety-alert';

export const expiryChoices = [2, 6, 12, 24] as const;
export type ExpiryHours = (typeof expiryChoices)[number];
/** Long enough to cover most of a night round, short enough not to go stale. */
export const defaultExpiryHours: ExpiryHours = 6;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** When an alert raised at `now` for `hours` stops showing. */
export function expiresAtFor(now: Date, hours: ExpiryHours): string {
  return new Date(now.getTime() + hours * HOUR).toISOString();
}

type AlertLike = Pick<SafetyAlertRecord, 'id' | 'expiresAt' | 'createdAt'>;

export function isActive(alert: Pick<SafetyAlertRecord, 'expiresAt'>, now: Date): boolean {
  return Date.parse(alert.expiresAt) > now.getTime();
}

/** The unexpired alerts, newest first. */
export function activeAlerts<A extends AlertLike>(alerts: readonly A[], now: Date): A[] {
  return alerts
    .filter((alert) => isActive(alert, now))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id.localeCompare(a.id));
}

/** "5 h 20 min left", "40 min left", "under a minute left", or "expired". */
export function describeTimeLeft(expiresAt: string, now: Date): string {
  const left = Date.parse(expiresAt) - now.getTime();
  if (left <= 0) return 'expired';
  if (left < MINUTE) return 'under a minute left';
  const totalMinutes = Math.floor(left / MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return `${minutes} min left`;
  return minutes === 0 ? `${hours} h left` : `${hours} h ${minutes} min left`;
}

/** "Raised 25 min ago" / "Raised 3 h ago" / "Raised just now". */
export function describeRaised(createdAt: string, now: Date): string {
  const ago = Math.max(0, now.getTime() - Date.parse(createdAt));
  if (ago < MINUTE) return 'Raised just now';
  if (ago < HOUR) return `Raised ${Math.floor(ago / MINUTE)} min ago`;
  return `Raised ${Math.floor(ago / HOUR)} h ago`;
}

/** The banner's words: "1 active safety alert — tap to read". */
export function bannerText(count: number): string {
  return `${count} active safety ${count === 1 ? 'alert' : 'alerts'} — tap to read`;
}

/** The areas of the active alerts, each once, newest first: "Docks, Station Road". */
export function alertAreas(alerts: ReadonlyArray<Pick<SafetyAlertRecord, 'area'>>): string {
  return [...new Set(alerts.map((alert) => alert.area))].join(', ');
}

/** Why an alert cannot be raised yet, or null. */
export function raiseAlertProblem(area: string, message: string): string | null {
  if (area.trim() === '') return 'Add the area where the danger is.';
  if (message.trim() === '') return 'Say what the danger is.';
  if (message.trim().length > 500) return 'Keep it under 500 characters.';
  if (area.trim().length > 80) return 'Keep the area under 80 characters.';
  return null;
}

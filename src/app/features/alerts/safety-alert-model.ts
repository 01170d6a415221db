/**
 * Safety alerts as a worker reads and raises them on the street: which are still active,
 * newest first, how long each has left, and the expiry choices. Pure; the clock is passed in.
 * An alert says where and what the danger is — never who raised it, never a client.
 */
import { z } from 'zod';
import { safetyAlertArgsSchema, type SafetyAlertRecord } from '../../../shared/domain/safety-alert';
import { worded } from '../../components/worded-rule';
import { t } from '../../i18n/i18n';

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
  if (left <= 0) return t('alerts.timeLeft.expired');
  if (left < MINUTE) return t('alerts.timeLeft.underAMinute');
  const totalMinutes = Math.floor(left / MINUTE);
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours === 0) return t('alerts.timeLeft.minutes', { minutes });
  return minutes === 0 ? t('alerts.timeLeft.hours', { hours }) : t('alerts.timeLeft.hoursMinutes', { hours, minutes });
}

/** "Raised 25 min ago" / "Raised 3 h ago" / "Raised just now". */
export function describeRaised(createdAt: string, now: Date): string {
  const ago = Math.max(0, now.getTime() - Date.parse(createdAt));
  if (ago < MINUTE) return t('alerts.raised.justNow');
  if (ago < HOUR) return t('alerts.raised.minutesAgo', { minutes: Math.floor(ago / MINUTE) });
  return t('alerts.raised.hoursAgo', { hours: Math.floor(ago / HOUR) });
}

/** The banner's words: "1 active safety alert — tap to read". */
export function bannerText(count: number): string {
  return t('alerts.banner.text', { count });
}

/** The areas of the active alerts, each once, newest first: "Docks, Station Road". */
export function alertAreas(alerts: ReadonlyArray<Pick<SafetyAlertRecord, 'area'>>): string {
  return [...new Set(alerts.map((alert) => alert.area))].join(', ');
}

const sharedArea = safetyAlertArgsSchema.shape.area;
const sharedMessage = safetyAlertArgsSchema.shape.message;

/** The longest area and message the shared schema accepts, for the inputs' maxLength. */
export const areaMaxLength = sharedArea.maxLength ?? undefined;
export const messageMaxLength = sharedMessage.maxLength ?? undefined;

/** Raising an alert: where and what, by the shared alert rules, and how long it lasts. */
export const raiseAlertFormSchema = z.object({
  area: worded(sharedArea, (issue) =>
    issue.code === 'too_big' ? t('alerts.problem.areaTooLong', { max: Number(issue.maximum) }) : t('alerts.problem.area'),
  ),
  message: worded(sharedMessage, (issue) =>
    issue.code === 'too_big' ? t('alerts.problem.messageTooLong', { max: Number(issue.maximum) }) : t('alerts.problem.message'),
  ),
  hours: z.literal([...expiryChoices]),
});
/** The form as typed; the checked form has the area and message trimmed. */
export type RaiseAlertFormInput = z.input<typeof raiseAlertFormSchema>;
export type RaiseAlertForm = z.output<typeof raiseAlertFormSchema>;

export const emptyRaiseAlertForm: RaiseAlertFormInput = { area: '', message: '', hours: defaultExpiryHours };

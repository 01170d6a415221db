/**
 * Dates, times and numbers in the interface's locale, through `Intl`. Nothing here builds a
 * date or a plural by hand.
 */
import { i18n } from './i18n';

const locale = (): string => (typeof i18n.locales === 'string' ? i18n.locales : (i18n.locales?.[0] ?? 'en-GB'));

export const formatDate = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Date(value).toLocaleDateString(locale(), options);

export const formatTime = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }): string =>
  new Date(value).toLocaleTimeString(locale(), options);

export const formatDateTime = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string =>
  new Date(value).toLocaleString(locale(), options);

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(locale(), options).format(value);

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['week', 7 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "5 minutes ago", "in 2 days", "now": the largest whole unit, worded by
 * `Intl.RelativeTimeFormat` in the interface's locale.
 */
export function formatRelative(value: Date | string | number, now: number = Date.now(), style: Intl.RelativeTimeFormatStyle = 'short'): string {
  const diff = new Date(value).getTime() - now;
  const format = new Intl.RelativeTimeFormat(locale(), { numeric: 'auto', style });
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms) return format.format(Math.trunc(diff / ms), unit);
  }
  return format.format(0, 'minute');
}

/**
 * Dates, times and numbers in the interface's locale, through `Intl`. Nothing here builds a
 * date or a plural by hand.
 */
import { i18n } from './i18n';

/**
 * The BCP 47 locale the interface is shown in ("en-GB", "es-ES"), for what `Intl` words
 * elsewhere (language names, relative ages, case-insensitive comparison, sorting). Read at
 * each call: the language can change while the app runs.
 */
export const uiLocale = (): string => (typeof i18n.locales === 'string' ? i18n.locales : (i18n.locales?.[0] ?? 'en-GB'));

export const formatDate = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string =>
  new Date(value).toLocaleDateString(uiLocale(), options);

export const formatTime = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { timeStyle: 'short' }): string =>
  new Date(value).toLocaleTimeString(uiLocale(), options);

export const formatDateTime = (value: Date | string | number, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'short' }): string =>
  new Date(value).toLocaleString(uiLocale(), options);

export const formatNumber = (value: number, options?: Intl.NumberFormatOptions): string => new Intl.NumberFormat(uiLocale(), options).format(value);

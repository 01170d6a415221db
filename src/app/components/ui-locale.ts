/**
 * The BCP 47 locale the interface is shown in ("en-GB", "es-ES"), for the few things worded
 * by `Intl` outside src/app/i18n/format.ts (language names, case-insensitive comparison,
 * sorting). Read at each call: the language can change while the app runs.
 */
import { i18n } from '../i18n/i18n';

export const uiLocale = (): string => (typeof i18n.locales === 'string' ? i18n.locales : (i18n.locales?.[0] ?? 'en-GB'));

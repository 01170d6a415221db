/**
 * Languages as a person names them: in their own words (`română`), and in the worker's
 * (`Romanian`, `rumano`: the interface's language), from `Intl.DisplayNames`. A record made
 * before languages were codes holds a name; it is shown as written.
 */
import type { ClientProfile } from '../../shared/domain/client';
import { languageCodes } from '../../shared/domain/languages';
import { t } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales/en';
import { uiLocale } from '../i18n/format';

const known = new Set(languageCodes);

export interface LanguageNames {
  readonly code: string;
  /** In the language itself; the worker's name when the browser knows no other. */
  readonly own: string;
  /** In the worker's language. */
  readonly worker: string;
}

/** What is named so far, per interface locale: each code's names once, none at start-up. */
interface Named {
  readonly inWorkersWords: Intl.DisplayNames;
  readonly names: Map<string, LanguageNames>;
  sorted: readonly LanguageNames[] | null;
}

const byLocale = new Map<string, Named>();

/** Own names for browsers that lack them (language-own-names.ts), loaded before the first screen. */
let ownNamesTable: Readonly<Record<string, string>> = {};

/**
 * Loads the table of languages' own names (its own chunk, so the app shell stays small) and
 * forgets names made without it. main.tsx awaits it beside the interface's catalogue.
 */
export async function loadOwnLanguageNames(): Promise<void> {
  ownNamesTable = (await import('./language-own-names')).ownLanguageNames;
  byLocale.clear();
}

function namedIn(locale: string): Named {
  let named = byLocale.get(locale);
  if (named === undefined) {
    named = { inWorkersWords: new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }), names: new Map(), sorted: null };
    byLocale.set(locale, named);
  }
  return named;
}

export function languageNames(code: string): LanguageNames {
  const named = namedIn(uiLocale());
  const cached = named.names.get(code);
  if (cached !== undefined) return cached;
  const names = nameLanguage(code, named.inWorkersWords);
  named.names.set(code, names);
  return names;
}

function nameLanguage(code: string, inWorkersWords: Intl.DisplayNames): LanguageNames {
  if (!known.has(code)) return { code, own: code, worker: code };
  const worker = inWorkersWords.of(code) ?? code;
  let own: string | undefined;
  try {
    own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    // A code the browser's Intl does not know as a locale: the table, or the worker's name.
  }
  // A browser with trimmed ICU data names many languages only in English: the table knows better.
  const fromTable = Object.hasOwn(ownNamesTable, code) ? ownNamesTable[code] : undefined;
  return { code, own: fromTable ?? own ?? worker, worker };
}

/** "română (Romanian)", or one name when both are the same. */
export function describeLanguage(code: string): string {
  const { own, worker } = languageNames(code);
  const locale = uiLocale();
  return own.toLocaleLowerCase(locale) === worker.toLocaleLowerCase(locale) ? worker : t('common.language.ownAndWorker', { own, worker });
}

/** Every language, sorted by the worker's name for it; named on first use, not at start-up. */
export function allLanguages(): readonly LanguageNames[] {
  const locale = uiLocale();
  const named = namedIn(locale);
  named.sorted ??= languageCodes.map(languageNames).sort((a, b) => a.worker.localeCompare(b.worker, locale));
  return named.sorted;
}

/** What a person said about languages and an interpreter: the profile fields that hold it. */
export type LanguageNeeds = Pick<ClientProfile, 'languages' | 'preferredLanguage' | 'interpreterNeeded' | 'interpreterGender' | 'interpreterNotFromTheirCommunity'>;

/** Is anything recorded about their languages or an interpreter? */
export const hasLanguageNeeds = (client: LanguageNeeds): boolean => (client.languages?.length ?? 0) > 0 || client.interpreterNeeded != null;

const interpreterGenderWords = {
  woman: 'common.interpreter.woman',
  man: 'common.interpreter.man',
  no_preference: 'common.interpreter.noPreference',
} as const satisfies Readonly<Record<NonNullable<LanguageNeeds['interpreterGender']>, MessageId>>;

/** "Needed — a woman, not from their community", "Not needed", or null when not asked. */
export function describeInterpreter(client: LanguageNeeds): string | null {
  if (client.interpreterNeeded == null) return null;
  if (!client.interpreterNeeded) return t('common.interpreter.notNeeded');
  const wishes = [
    ...(client.interpreterGender == null ? [] : [t(interpreterGenderWords[client.interpreterGender])]),
    ...(client.interpreterNotFromTheirCommunity === true ? [t('common.interpreter.notFromTheirCommunity')] : []),
  ];
  return wishes.length === 0 ? t('common.interpreter.needed') : t('common.interpreter.neededWith', { wishes: wishes.join(', ') });
}

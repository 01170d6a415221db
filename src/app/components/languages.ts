/**
 * Languages as a person names them: in their own words (`română`), and in the worker's
 * (`Romanian`), from `Intl.DisplayNames`. A record made before languages were codes holds a
 * name; it is shown as written.
 */
import type { ClientProfile } from '../../shared/domain/client';
import { languageCodes } from '../../shared/domain/languages';

const WORKER_LOCALE = 'en-GB';
const inWorkersWords = new Intl.DisplayNames([WORKER_LOCALE], { type: 'language', fallback: 'none' });
const known = new Set(languageCodes);

export interface LanguageNames {
  readonly code: string;
  /** In the language itself; the worker's name when the browser knows no other. */
  readonly own: string;
  /** In the worker's language. */
  readonly worker: string;
}

/** Names made so far: each code's once, and none at start-up. */
const named = new Map<string, LanguageNames>();

export function languageNames(code: string): LanguageNames {
  const cached = named.get(code);
  if (cached !== undefined) return cached;
  const names = nameLanguage(code);
  named.set(code, names);
  return names;
}

function nameLanguage(code: string): LanguageNames {
  if (!known.has(code)) return { code, own: code, worker: code };
  const worker = inWorkersWords.of(code) ?? code;
  let own = worker;
  try {
    own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code) ?? worker;
  } catch {
    // A code the browser's Intl does not know as a locale: the worker's name serves.
  }
  return { code, own, worker };
}

/** "română (Romanian)", or one name when both are the same. */
export function describeLanguage(code: string): string {
  const { own, worker } = languageNames(code);
  return own.toLocaleLowerCase(WORKER_LOCALE) === worker.toLocaleLowerCase(WORKER_LOCALE) ? worker : `${own} (${worker})`;
}

let sorted: readonly LanguageNames[] | null = null;

/** Every language, sorted by the worker's name for it; named on first use, not at start-up. */
export function allLanguages(): readonly LanguageNames[] {
  sorted ??= languageCodes.map(languageNames).sort((a, b) => a.worker.localeCompare(b.worker, WORKER_LOCALE));
  return sorted;
}

/** What a person said about languages and an interpreter: the profile fields that hold it. */
export type LanguageNeeds = Pick<ClientProfile, 'languages' | 'preferredLanguage' | 'interpreterNeeded' | 'interpreterGender' | 'interpreterNotFromTheirCommunity'>;

/** Is anything recorded about their languages or an interpreter? */
export const hasLanguageNeeds = (client: LanguageNeeds): boolean => (client.languages?.length ?? 0) > 0 || client.interpreterNeeded != null;

const interpreterGenderWords = { woman: 'a woman', man: 'a man', no_preference: 'anyone' } as const;

/** "Needed — a woman, not from their community", "Not needed", or null when not asked. */
export function describeInterpreter(client: LanguageNeeds): string | null {
  if (client.interpreterNeeded == null) return null;
  if (!client.interpreterNeeded) return 'Not needed';
  const wishes = [
    ...(client.interpreterGender == null ? [] : [interpreterGenderWords[client.interpreterGender]]),
    ...(client.interpreterNotFromTheirCommunity === true ? ['not from their community'] : []),
  ];
  return wishes.length === 0 ? 'Needed' : `Needed — ${wishes.join(', ')}`;
}

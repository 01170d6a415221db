/**
 * The interface's words: one Lingui instance, ICU messages (plurals, select, numbers) looked
 * up by id, dates and relative times through `Intl` in the chosen locale. Catalogues live in
 * `locales/<code>/` and are loaded lazily, so only the chosen language ships in the first
 * load; the choice is kept on this device (it names nobody, so it is kept in the clear).
 * See docs/decisions/015-interface-languages.md.
 *
 * Catalogue entries are ICU strings, compiled once when the catalogue loads (the compiler
 * travels with the catalogue chunk, not with the app shell).
 */
import { setupI18n, type Messages } from '@lingui/core';
import { useSyncExternalStore } from 'react';
import type { MessageId } from './locales/en';

export const uiLanguages = ['en', 'es'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

/** Each language named in itself, for the switch. */
export const uiLanguageNames: Readonly<Record<UiLanguage, string>> = { en: 'English', es: 'Español' };

/** The BCP 47 locale each language formats dates and numbers in. */
const formatLocale: Readonly<Record<UiLanguage, string>> = { en: 'en-GB', es: 'es-ES' };

export const isUiLanguage = (code: unknown): code is UiLanguage => typeof code === 'string' && (uiLanguages as readonly string[]).includes(code);

const STORAGE_KEY = 'lantern.uiLanguage';

export const i18n = setupI18n();

/** Compiles a catalogue's ICU strings into what Lingui formats with. */
export function compileCatalogue(messages: Readonly<Record<string, string>>, compile: (message: string) => unknown): Messages {
  return Object.fromEntries(Object.entries(messages).map(([id, message]) => [id, compile(message)])) as Messages;
}

/** Activates `language` with its catalogue already compiled. */
export function activateCompiled(language: UiLanguage, messages: Messages): void {
  i18n.loadAndActivate({ locale: language, locales: formatLocale[language], messages });
  if (typeof document !== 'undefined') {
    document.documentElement.lang = formatLocale[language];
    document.documentElement.dir = 'ltr';
  }
}

const loaders: Readonly<Record<UiLanguage, () => Promise<{ readonly messages: Readonly<Record<string, string>> }>>> = {
  en: () => import('./locales/en'),
  es: () => import('./locales/es'),
};

/** Loads a language's catalogue (a lazy chunk) and switches the interface to it. */
export async function loadUiLanguage(language: UiLanguage): Promise<void> {
  const [{ messages }, { compileMessage }] = await Promise.all([loaders[language](), import('@lingui/message-utils/compileMessage')]);
  activateCompiled(language, compileCatalogue(messages, compileMessage));
}

const userKey = (userId: string) => `${STORAGE_KEY}:${userId}`;

const read = (key: string): string | null => {
  try {
    return localStorage.getItem(key);
  } catch {
    // Storage may be refused (private mode): nothing was kept.
    return null;
  }
};

/**
 * The language to show: the one `userId` chose on this device, else the one last chosen on
 * it (before sign-in nobody is known), else the browser's when Lantern has it, else English.
 */
export function storedUiLanguage(userId?: string): UiLanguage {
  const mine = userId === undefined ? null : read(userKey(userId));
  if (isUiLanguage(mine)) return mine;
  const device = read(STORAGE_KEY);
  if (isUiLanguage(device)) return device;
  const browser = typeof navigator === 'undefined' ? undefined : navigator.language.slice(0, 2);
  return isUiLanguage(browser) ? browser : 'en';
}

/**
 * Switches the interface and keeps the choice on this device: for `userId` when someone is
 * signed in (two people sharing a phone each keep their own), and as the device's last choice.
 */
export async function chooseUiLanguage(language: UiLanguage, userId?: string): Promise<void> {
  await loadUiLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
    if (userId !== undefined) localStorage.setItem(userKey(userId), language);
  } catch {
    // Not kept: it still applies until the app is closed.
  }
}

/** The active language. */
export const currentUiLanguage = (): UiLanguage => (isUiLanguage(i18n.locale) ? i18n.locale : 'en');

/** A message by id, in the active language; `values` fill its ICU placeholders. */
export function t(id: MessageId, values?: Readonly<Record<string, string | number | Date>>): string {
  return i18n._(id, values);
}

const subscribe = (onChange: () => void): (() => void) => i18n.on('change', onChange);

/** The active language, re-rendering the caller when it changes. */
export const useUiLanguage = (): UiLanguage => useSyncExternalStore(subscribe, currentUiLanguage);

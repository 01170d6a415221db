/**
 * The catalogues: every language has every message English has, each one parses as ICU,
 * names the same placeholders, and covers its language's plural forms; every English
 * message is used somewhere in the app (found by its id in the source), and plurals, dates
 * and relative times follow the active language.
 */
import { parse, type Select, type Token } from '@messageformat/parser';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatDate, formatNumber } from './format';
import { activateCompiled, chooseUiLanguage, compileCatalogue, currentUiLanguage, storedUiLanguage, t, uiLanguages, type UiLanguage } from './i18n';
import { messages as english } from './locales/en';
import { messages as spanish } from './locales/es';

const catalogues: Readonly<Record<UiLanguage, Readonly<Record<string, string>>>> = { en: english, es: spanish };
const pluralLocale: Readonly<Record<UiLanguage, string>> = { en: 'en-GB', es: 'es-ES' };

/** The placeholders a message fills, with the kind of each (`argument`, `plural`, `select`...). */
function placeholders(message: string): string[] {
  const found = new Set<string>();
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'argument') found.add(`${token.arg}`);
      else if (token.type === 'function') found.add(`${token.arg}:${token.key}`);
      else if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') {
        found.add(`${token.arg}:${token.type}`);
        for (const c of token.cases) walk(c.tokens);
      }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

function plurals(message: string): Select[] {
  const found: Select[] = [];
  const walk = (tokens: readonly Token[]) => {
    for (const token of tokens) {
      if (token.type === 'plural') found.push(token);
      if (token.type === 'plural' || token.type === 'select' || token.type === 'selectordinal') for (const c of token.cases) walk(c.tokens);
    }
  };
  walk(parse(message));
  return found;
}

afterEach(() => activateCompiled('en', compileCatalogue(english, compileMessage)));

describe('catalogues', () => {
  it('holds at least the interface frame in English', () => {
    expect(Object.keys(english).length).toBeGreaterThan(10);
  });

  for (const language of uiLanguages) {
    const catalogue = catalogues[language];
    it(`${language}: has exactly the ids English has`, () => {
      expect(Object.keys(catalogue).sort()).toEqual(Object.keys(english).sort());
    });

    it(`${language}: every message parses, names English's placeholders, and covers its plural forms`, () => {
      const categories = new Intl.PluralRules(pluralLocale[language]).resolvedOptions().pluralCategories;
      const problems: string[] = [];
      for (const [id, message] of Object.entries(catalogue)) {
        try {
          if (message.trim() === '') problems.push(`${id}: empty`);
          const mine = placeholders(message);
          const theirs = placeholders((english as Record<string, string>)[id] ?? '');
          if (mine.join() !== theirs.join()) problems.push(`${id}: placeholders ${mine.join(', ')} ≠ English ${theirs.join(', ')}`);
          // Each plural has `other`, and every form English distinguishes that this language has too.
          const englishForms = new Set(plurals((english as Record<string, string>)[id] ?? '').flatMap((p) => p.cases.map((c) => c.key)));
          for (const plural of plurals(message)) {
            const keys = new Set(plural.cases.map((c) => c.key));
            const wanted = ['other', ...categories.filter((category) => englishForms.has(category))];
            const missing = wanted.filter((category) => !keys.has(category));
            if (missing.length > 0) problems.push(`${id}: plural {${plural.arg}} lacks ${missing.join(', ')}`);
            const unknown = [...keys].filter((key) => !key.startsWith('=') && !(categories as readonly string[]).includes(key));
            if (unknown.length > 0) problems.push(`${id}: plural {${plural.arg}} has forms ${unknown.join(', ')} that ${language} does not`);
          }
        } catch (error) {
          problems.push(`${id}: ${(error as Error).message}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('uses every English message somewhere in the app', () => {
    const root = path.resolve(__dirname, '..');
    const source: string[] = [];
    const read = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (full !== path.join(root, 'i18n', 'locales')) read(full);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) source.push(fs.readFileSync(full, 'utf8'));
      }
    };
    read(root);
    const all = source.join('\n');
    const unused = Object.keys(english).filter((id) => !all.includes(`'${id}'`) && !all.includes(`"${id}"`));
    expect(unused).toEqual([]);
  });
});

describe('in the active language', () => {
  const activate = (language: UiLanguage) => activateCompiled(language, compileCatalogue(catalogues[language], compileMessage));

  it('picks the plural form by count', () => {
    expect(t('shell.nav.review', { count: 0 })).toBe('Review');
    expect(t('shell.nav.review', { count: 1 })).toBe('Review (1)');
    expect(t('shell.nav.review', { count: 12 })).toBe('Review (12)');
    activate('es');
    expect(t('shell.nav.review', { count: 0 })).toBe('Revisar');
    expect(t('shell.nav.review', { count: 3 })).toBe('Revisar (3)');
  });

  it('formats dates and numbers by locale', () => {
    const day = new Date('2026-12-07T12:00:00');
    expect(formatDate(day, { day: 'numeric', month: 'long' })).toBe('7 December');
    expect(formatNumber(12500)).toBe('12,500');
    activate('es');
    expect(formatDate(day, { day: 'numeric', month: 'long' })).toBe('7 de diciembre');
    expect(formatNumber(12500)).toBe('12.500');
  });
});

describe('the choice, kept on the device', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps each person’s language, and the device’s last choice for before sign-in', async () => {
    const kept = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => kept.get(k) ?? null, setItem: (k: string, v: string) => void kept.set(k, v) });
    vi.stubGlobal('navigator', { language: 'fr-FR' });
    expect(storedUiLanguage()).toBe('en');
    await chooseUiLanguage('es', 'ines');
    expect(currentUiLanguage()).toBe('es');
    await chooseUiLanguage('en', 'sam');
    expect(storedUiLanguage('ines')).toBe('es');
    expect(storedUiLanguage('sam')).toBe('en');
    expect(storedUiLanguage()).toBe('en');
    // Someone who never chose gets the device's last choice.
    expect(storedUiLanguage('robin')).toBe('en');
  });

  it('falls back to the browser’s language when it is one Lantern has, and copes with refused storage', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('refused');
      },
      setItem: () => undefined,
    });
    vi.stubGlobal('navigator', { language: 'es-MX' });
    expect(storedUiLanguage('ines')).toBe('es');
  });
});

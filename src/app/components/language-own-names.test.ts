/**
 * The own-names table is generated, not kept by hand: it says what CLDR (Node's full ICU)
 * says, for every language Lantern records; and the app uses it where a browser cannot name
 * a language in itself.
 */
import { describe, expect, it, vi } from 'vitest';
import { languageCodes } from '../../shared/domain/languages';
import { ownLanguageNames } from './language-own-names';
import { describeLanguage, loadOwnLanguageNames } from './languages';

const cldr = (code: string): string | undefined => {
  try {
    return new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
  } catch {
    return undefined;
  }
};

describe('languages in their own words', () => {
  it('the table is what CLDR says, for every language recorded (regenerate with scripts/language-own-names.mjs)', () => {
    const expected = Object.fromEntries(languageCodes.flatMap((code) => (cldr(code) === undefined ? [] : [[code, cldr(code)]])));
    expect(ownLanguageNames).toEqual(expected);
    expect(ownLanguageNames.sq).toBe('shqip');
    expect(ownLanguageNames.ti).toBe('ትግርኛ');
  });

  it('a browser that names Albanian only in English still shows "shqip" once the table is loaded', async () => {
    const Real = Intl.DisplayNames;
    // Trimmed ICU data, as in Chromium: a language's own locale falls back to English.
    const trimmed = vi.spyOn(Intl, 'DisplayNames').mockImplementation(function (_locales: unknown, options: Intl.DisplayNamesOptions) {
      return new Real(['en'], options);
    });
    try {
      expect(new Intl.DisplayNames(['sq'], { type: 'language' }).of('sq')).toBe('Albanian');
      await loadOwnLanguageNames();
      expect(describeLanguage('sq')).toBe('shqip (Albanian)');
      expect(describeLanguage('ti')).toBe('ትግርኛ (Tigrinya)');
    } finally {
      trimmed.mockRestore();
    }
  });
});

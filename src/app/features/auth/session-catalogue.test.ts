/** The session catalogue in Spanish: every message parses, with English's placeholders and plural forms. */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { session as english } from '../../i18n/locales/en/session';
import { session as spanish } from '../../i18n/locales/es/session';

/** The names of a message's ICU arguments ({name}, {count, plural, ...}), sorted, read from the compiled message. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (parts: unknown): void => {
    if (!Array.isArray(parts)) return;
    for (const part of parts as unknown[]) {
      if (!Array.isArray(part) || typeof part[0] !== 'string') continue;
      names.add(part[0]);
      const branches: unknown = part[2];
      if (branches !== null && typeof branches === 'object') for (const branch of Object.values(branches)) walk(branch);
    }
  };
  walk(compileMessage(message));
  return [...names].sort();
}

describe('session catalogue', () => {
  const ids = Object.keys(english) as (keyof typeof english)[];

  it('has a Spanish message for every English one, and no other', () => {
    expect(Object.keys(spanish).sort()).toEqual([...ids].sort());
  });

  it('reads placeholders inside plural and select branches', () => {
    expect(argumentsOf(english['session.change.consentDetail'])).toEqual(['about', 'decision']);
    expect(argumentsOf(english['session.status.waitingOldest'])).toEqual(['age', 'count']);
  });

  it.each(ids)('%s parses and keeps its placeholders', (id) => {
    expect(() => compileMessage(english[id])).not.toThrow();
    expect(() => compileMessage(spanish[id])).not.toThrow();
    expect(argumentsOf(spanish[id])).toEqual(argumentsOf(english[id]));
    if (/\{\w+, plural,/.test(english[id])) {
      expect(spanish[id]).toMatch(/\bone \{/);
      expect(spanish[id]).toMatch(/\bother \{/);
    }
  });
});

import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as englishMessages } from '../../i18n/locales/en';
import { messages as spanishMessages } from '../../i18n/locales/es';
import { describeDue } from './follow-up-model';

const now = new Date(2026, 10, 4, 22, 0);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).toISOString();

beforeEach(() => activateCompiled('es', compileCatalogue(spanishMessages, compileMessage)));
afterEach(() => activateCompiled('en', compileCatalogue(englishMessages, compileMessage)));

describe('due dates in Spanish', () => {
  it.each([
    [at(4, 23, 30), 'Vence hoy, 23:30'],
    [at(5, 9, 30), 'Vence mañana, 09:30'],
    [at(3, 21, 0), 'Vencido desde ayer, 21:00'],
  ])('due %s reads "%s"', (dueAt, expected) => {
    expect(describeDue(dueAt, now)).toBe(expected);
  });

  it('gives a date further out in Spanish', () => {
    expect(describeDue(at(9, 10), now)).toMatch(/^Vence el \S+ 9 nov$/);
  });
});

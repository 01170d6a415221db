/** The alerts' words in Spanish: plurals, times left and problems come from the catalogue. */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as english } from '../../i18n/locales/en';
import { messages as spanish } from '../../i18n/locales/es';
import { bannerText, describeRaised, describeTimeLeft, raiseAlertFormSchema } from './safety-alert-model';

const now = new Date('2026-11-04T22:00:00.000Z');

beforeEach(() => activateCompiled('es', compileCatalogue(spanish, compileMessage)));
afterEach(() => activateCompiled('en', compileCatalogue(english, compileMessage)));

describe('safety alerts in Spanish', () => {
  it('counts alerts in the banner with Spanish plurals', () => {
    expect(bannerText(1)).toBe('1 alerta de seguridad activa — toca para leer');
    expect(bannerText(3)).toBe('3 alertas de seguridad activas — toca para leer');
  });

  it('says how long is left and when it was raised', () => {
    expect(describeTimeLeft('2026-11-05T03:20:00.000Z', now)).toBe('quedan 5 h 20 min');
    expect(describeTimeLeft('2026-11-04T22:00:00.000Z', now)).toBe('caducada');
    expect(describeRaised('2026-11-04T21:35:00.000Z', now)).toBe('Lanzada hace 25 min');
    expect(describeRaised('2026-11-04T21:59:30.000Z', now)).toBe('Lanzada ahora mismo');
  });

  it('asks for an area and a danger', () => {
    const problems = (area: string, message: string) =>
      raiseAlertFormSchema.safeParse({ area, message, hours: 6 }).error?.issues.map((issue) => issue.message);
    expect(problems(' ', 'x')).toEqual(['Añade la zona donde está el peligro.']);
    expect(problems('Docks', ' ')).toEqual(['Di cuál es el peligro.']);
    expect(problems('Docks', 'x'.repeat(501))).toEqual(['Escribe menos de 500 caracteres.']);
    expect(problems('x'.repeat(81), 'x')).toEqual(['Escribe la zona en menos de 80 caracteres.']);
  });
});

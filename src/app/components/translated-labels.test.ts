import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it } from 'vitest';
import { activateCompiled, compileCatalogue } from '../i18n/i18n';
import { messages as english } from '../i18n/locales/en';
import { messages as spanish } from '../i18n/locales/es';
import { describeHoursOn, describeWeek } from './agency-hours';
import { describeDay } from './calendar-day';
import { auditActionLabels, contactKindLabels, outcomeLabels } from './labels';
import { describeInterpreter, describeLanguage } from './languages';
import { describeSupplies, supplyKinds } from './supplies';
import { noSupplies } from '../../shared/domain/contact';
import { translatedLabels } from './translated-labels';
import { describeUserAgent } from './user-agent';

const inSpanish = () => activateCompiled('es', compileCatalogue(spanish, compileMessage));

afterEach(() => activateCompiled('en', compileCatalogue(english, compileMessage)));

describe('translated labels', () => {
  it('read the active language each time, after a switch too', () => {
    const labels = translatedLabels({ street: 'common.contactKind.street', phone: 'common.contactKind.phone' });
    expect(labels.street).toBe('On the street');
    inSpanish();
    expect(labels.street).toBe('En la calle');
    expect(Object.entries(labels)).toEqual([
      ['street', 'En la calle'],
      ['phone', 'Por teléfono'],
    ]);
    expect({ ...labels }).toEqual({ street: 'En la calle', phone: 'Por teléfono' });
  });

  it('keep the maps callers read as labels[value], with unknown keys still undefined', () => {
    expect(contactKindLabels.drop_in).toBe('At a drop-in');
    expect(auditActionLabels['clients.erase']).toBe('Erased a person');
    expect(auditActionLabels['no.such.action']).toBeUndefined();
    inSpanish();
    expect(outcomeLabels.building_trust).toBe('Generando confianza');
    expect(auditActionLabels['clients.erase']).toBe('Borró a una persona');
  });
});

describe('shared words in Spanish', () => {
  it('counts supplies with ICU plurals and names the counters', () => {
    inSpanish();
    expect(describeSupplies(noSupplies)).toBe('sin material');
    expect(describeSupplies({ ...noSupplies, condoms: 1, needles: 3, naloxone: 2 })).toBe('1 preservativo, 3 jeringuillas, 2 kits de naloxona');
    expect(supplyKinds.map((s) => s.label)).toEqual(['Preservativos', 'Jeringuillas', 'Naloxona', 'Comida', 'Kits de higiene']);
  });

  it('words opening hours, days and dates in the interface locale', () => {
    const sessions = [{ day: 5, opens: '22:00', closes: '02:00', dropIn: true }];
    inSpanish();
    expect(describeWeek(sessions)).toEqual(['vie 22:00–02:00 (sin cita, pasa de medianoche)']);
    expect(describeHoursOn(sessions, new Date(2026, 10, 2, 12, 0))).toBe('Hoy cerrado');
    expect(describeDay('2026-11-02')).toBe('2 nov 2026');
  });

  it('names languages and interpreter wishes in the worker’s language', () => {
    expect(describeLanguage('ro')).toBe('română (Romanian)');
    inSpanish();
    expect(describeLanguage('ro')).toBe('română (rumano)');
    expect(describeInterpreter({ interpreterNeeded: true, interpreterGender: 'woman', interpreterNotFromTheirCommunity: true })).toBe(
      'Hace falta — una mujer, que no sea de su comunidad',
    );
    expect(describeUserAgent('curl/8.5.0')).toBe('Un navegador');
    expect(describeUserAgent('Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36')).toBe('Chrome en Android');
  });
});

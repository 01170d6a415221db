import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as englishMessages } from '../../i18n/locales/en';
import { messages as spanishMessages } from '../../i18n/locales/es';
import { uuidv7 } from '../../../shared/ids';
import { ageInWords, caseloadFilterFormSchema, describeLastContact, describeMissed, describeNextAppointment, describeReferrals, emptyCaseloadFilterForm } from './caseload-view-model';

const NOW = new Date('2026-11-30T21:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

beforeEach(() => activateCompiled('es', compileCatalogue(spanishMessages, compileMessage)));
afterEach(() => activateCompiled('en', compileCatalogue(englishMessages, compileMessage)));

describe('caseload words in Spanish', () => {
  it('says ages, contacts, referrals and missed appointments in the active language', () => {
    expect(ageInWords(ago(0), NOW)).toBe('hoy');
    expect(ageInWords(ago(13), NOW)).toBe('hace 13 días');
    expect(ageInWords(ago(250), NOW)).toBe('hace 8 meses');
    expect(describeLastContact(null, NOW)).toEqual({ text: 'Sin contactos', warn: true });
    expect(describeLastContact(ago(1), NOW)).toEqual({ text: 'Contacto ayer', warn: false });
    const referral = { id: uuidv7(), status: 'sent' as const, need: 'housing' as const, createdAt: ago(21) };
    expect(describeReferrals({ openReferrals: [] }, NOW)).toBe('Ninguna abierta');
    expect(describeReferrals({ openReferrals: [referral, referral] }, NOW)).toMatch(/^2 abiertas: .+, enviada hace 3 semanas$/);
    expect(describeMissed({ missedAppointments: 1, missedWithoutFollowUpDone: 0 })).toBe('1 perdida, con seguimiento');
    expect(describeMissed({ missedAppointments: 3, missedWithoutFollowUpDone: 1 })).toBe('3 perdidas, 1 sin seguimiento');
    expect(describeNextAppointment(null)).toBe('Sin cita');
    expect(describeNextAppointment('2026-12-02T10:30:00.000Z')).toMatch(/mié, 2 dic/);
  });

  it('refuses a wrong number of days in the language in use when it is typed', () => {
    const parsed = caseloadFilterFormSchema.safeParse({ ...emptyCaseloadFilterForm, notSeenForDays: 'treinta' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Escribe un número entero de días, por ejemplo 30.');
  });
});

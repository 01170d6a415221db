import { compileMessage } from '@lingui/message-utils/compileMessage';
import { describe, expect, it } from 'vitest';
import { contactArgsSchema, noSupplies, suppliesSchema } from '../../../shared/domain/contact';
import { activateCompiled, compileCatalogue } from '../../i18n/i18n';
import { messages as englishMessages } from '../../i18n/locales/en';
import { messages as spanishMessages } from '../../i18n/locales/es';
import {
  addSupply,
  buildContactArgs,
  newQuickContact,
  quickContactFormSchema,
  rememberedArea,
  removeSupply,
} from './quick-contact-model';
import { setSupply, supplyKinds, supplyMax } from '../../components/supplies';

const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const at = new Date('2026-11-04T22:30:00.000Z');

describe('supply counters', () => {
  it('count up and down', () => {
    const two = addSupply(addSupply(noSupplies, 'condoms'), 'condoms');
    expect(two.condoms).toBe(2);
    expect(removeSupply(two, 'condoms').condoms).toBe(1);
    expect(two.needles).toBe(0);
  });

  it.each(supplyKinds.map(({ kind }) => kind))('%s never goes below 0', (kind) => {
    expect(removeSupply(noSupplies, kind)[kind]).toBe(0);
    expect(setSupply(noSupplies, kind, -5)[kind]).toBe(0);
  });

  it.each(supplyKinds.map(({ kind }) => kind))('%s stops at the schema bound', (kind) => {
    const max = supplyMax(kind);
    const full = setSupply(noSupplies, kind, max + 10);
    expect(full[kind]).toBe(max);
    expect(addSupply(full, kind)[kind]).toBe(max);
    expect(suppliesSchema.safeParse(full).success).toBe(true);
    expect(suppliesSchema.safeParse({ ...full, [kind]: max + 1 }).success).toBe(false);
  });

  it('uses the bounds of the shared schema', () => {
    expect(supplyMax('condoms')).toBe(1000);
    expect(supplyMax('naloxone')).toBe(100);
  });

  it('treats a non-number as 0 and drops fractions', () => {
    expect(setSupply(noSupplies, 'food', Number.NaN).food).toBe(0);
    expect(setSupply(noSupplies, 'food', 2.7).food).toBe(2);
  });
});

describe('the contact it records', () => {
  it('starts anonymous, with nothing given, as building trust, in the remembered area', () => {
    expect(newQuickContact('Station Road')).toEqual({
      area: 'Station Road',
      kind: 'street',
      clientId: null,
      supplies: noSupplies,
      outcome: 'building_trust',
    });
  });

  it('builds street contact args the shared schema accepts', () => {
    const form = { ...newQuickContact('  Docks '), supplies: setSupply(noSupplies, 'naloxone', 1) };
    expect(buildContactArgs(form, id, at)).toEqual({
      id,
      clientId: null,
      at: '2026-11-04T22:30:00.000Z',
      area: 'Docks',
      kind: 'street',
      supplies: { ...noSupplies, naloxone: 1 },
      outcome: 'building_trust',
    });
  });

  it('names the client when one was picked', () => {
    const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
    const args = buildContactArgs({ ...newQuickContact('Docks'), clientId, outcome: 'signposted' }, id, at);
    expect(args).toMatchObject({ clientId, outcome: 'signposted' });
  });

  it('cannot be built without an area', () => {
    expect(() => buildContactArgs(newQuickContact(''), id, at)).toThrow();
  });
  it('remembers the area of the most recent contact', () => {
    expect(rememberedArea([])).toBe('');
    expect(
      rememberedArea([
        { at: '2026-11-04T21:00:00.000Z', area: 'Docks' },
        { at: '2026-11-04T22:00:00.000Z', area: 'Station Road' },
        { at: '2026-11-03T23:00:00.000Z', area: 'Park' },
      ]),
    ).toBe('Station Road');
  });
});

describe('what the form checks before it saves', () => {
  /** The words beside the area when the form refuses it; null when it is accepted. */
  const areaWords = (area: string): string | null => {
    const checked = quickContactFormSchema.safeParse(newQuickContact(area));
    return checked.success ? null : (checked.error.issues.find((issue) => issue.path[0] === 'area')?.message ?? null);
  };

  it.each(['', '   ', 'x'.repeat(81), `  ${'x'.repeat(81)}  `])('refuses the area %j as the shared schema does, in the words shown', (area) => {
    expect(contactArgsSchema.shape.area.safeParse(area).success).toBe(false);
    expect(areaWords(area)).toBe(area.trim() === '' ? 'Add the area (a street or place, not an address).' : 'at most 80 characters');
  });

  it.each(['Docks', '  Station Road ', 'x'.repeat(80), ` ${'x'.repeat(80)} `])('accepts the area %j, as the shared schema does', (area) => {
    expect(contactArgsSchema.shape.area.safeParse(area).success).toBe(true);
    expect(areaWords(area)).toBeNull();
    expect(quickContactFormSchema.safeParse(newQuickContact(area)).success).toBe(true);
  });

  it('takes the other fields from the shared contact args', () => {
    expect(quickContactFormSchema.shape.kind).toBe(contactArgsSchema.shape.kind);
    expect(quickContactFormSchema.shape.clientId).toBe(contactArgsSchema.shape.clientId);
    expect(quickContactFormSchema.shape.supplies).toBe(contactArgsSchema.shape.supplies);
    expect(quickContactFormSchema.shape.outcome).toBe(contactArgsSchema.shape.outcome);
    const form = newQuickContact('Docks');
    expect(quickContactFormSchema.safeParse({ ...form, supplies: { ...noSupplies, naloxone: 101 } }).success).toBe(false);
    expect(quickContactFormSchema.safeParse({ ...form, clientId: 'Robin' }).success).toBe(false);
  });

  it('words its refusal in the language shown when the check runs', () => {
    activateCompiled('es', compileCatalogue(spanishMessages, compileMessage));
    try {
      expect(areaWords(' ')).toBe('Añade la zona (una calle o un lugar, no una dirección).');
      expect(areaWords('x'.repeat(81))).toBe('como máximo 80 caracteres');
    } finally {
      activateCompiled('en', compileCatalogue(englishMessages, compileMessage));
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../shared/domain/client';
import { changedFields, clientToForm, emptyClientForm, formToProfile } from './client-form-model';

const base: ClientRecord = {
  id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  teamId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
  createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
  createdAt: '2026-11-01T22:00:00.000Z',
  updatedAt: '2026-11-01T22:00:00.000Z',
  clocks: {},
  alias: 'Robin',
  usualAreas: ['Station Road'],
};

describe('client form model', () => {
  it('makes a profile from an alias alone', () => {
    expect(formToProfile({ ...emptyClientForm, alias: '  Robin ' })).toMatchObject({
      alias: 'Robin',
      legalName: null,
      birthYear: null,
      usualAreas: [],
      mayBeUnder18: false,
    });
  });

  it("makes a peer's profile of the fields a peer may write, whatever the form holds", () => {
    const form = { ...emptyClientForm, alias: 'Robin', usualAreas: 'Docks', legalName: 'Robin Smith', birthYear: '1990', pronouns: 'she/her', mayBeUnder18: true, safetyFlags: ['being_watched' as const] };
    expect(formToProfile(form, 'peer_volunteer')).toEqual({ alias: 'Robin', usualAreas: ['Docks'], safetyFlags: ['being_watched'] });
    expect(formToProfile(form, 'outreach_worker')).toMatchObject({ legalName: 'Robin Smith', birthYear: 1990, pronouns: 'she/her', mayBeUnder18: true });
  });

  it('"do not process" is written only by a team lead, whatever the form holds', () => {
    const form = { ...emptyClientForm, alias: 'Robin', processingRestricted: true };
    expect(formToProfile(form, 'team_lead')).toMatchObject({ processingRestricted: true });
    for (const role of ['outreach_worker', 'peer_volunteer'] as const) expect(formToProfile(form, role)).not.toHaveProperty('processingRestricted');
    expect(clientToForm({ ...base, processingRestricted: true }).processingRestricted).toBe(true);
  });

  it('splits usual areas and reads the birth year', () => {
    const profile = formToProfile({ ...emptyClientForm, alias: 'R', usualAreas: 'Docks, , Station Road', birthYear: '1994' });
    expect(profile.usualAreas).toEqual(['Docks', 'Station Road']);
    expect(profile.birthYear).toBe(1994);
  });

  it('keeps languages as codes, a preferred one only among them, and interpreter wishes only when one is needed', () => {
    const form = { ...emptyClientForm, alias: 'R', languages: ['ro', 'en'], preferredLanguage: 'ro', interpreterNeeded: 'yes' as const, interpreterGender: 'woman' as const, interpreterNotFromTheirCommunity: true };
    const profile = formToProfile(form);
    expect(profile).toMatchObject({ languages: ['ro', 'en'], preferredLanguage: 'ro', interpreterNeeded: true, interpreterGender: 'woman', interpreterNotFromTheirCommunity: true });
    expect(clientToForm({ ...base, ...profile })).toMatchObject({ languages: ['ro', 'en'], preferredLanguage: 'ro', interpreterNeeded: 'yes', interpreterGender: 'woman', interpreterNotFromTheirCommunity: true });
    expect(formToProfile({ ...form, languages: ['en'] })).toMatchObject({ preferredLanguage: null });
    expect(formToProfile({ ...form, interpreterNeeded: 'no' })).toMatchObject({ interpreterNeeded: false, interpreterGender: null, interpreterNotFromTheirCommunity: false });
    expect(formToProfile({ ...form, interpreterNeeded: '' })).toMatchObject({ interpreterNeeded: null });
    expect(formToProfile(form, 'peer_volunteer')).not.toHaveProperty('languages');
    expect(changedFields(base, formToProfile(clientToForm(base)))).toEqual({});
  });

  it('rejects a birth year in the future', () => {
    expect(() => formToProfile({ ...emptyClientForm, alias: 'R', birthYear: '2999' })).toThrow(/future/);
  });

  it('an untouched form changes nothing', () => {
    expect(changedFields(base, formToProfile(clientToForm(base)))).toEqual({});
  });

  it.each([
    ['alias', { alias: 'Robbie' }, { alias: 'Robbie' }],
    ['areas', { usualAreas: 'Docks' }, { usualAreas: ['Docks'] }],
    ['a flag', { safetyFlags: ['being_watched' as const] }, { safetyFlags: ['being_watched'] }],
    ['pronouns', { pronouns: 'she/her' }, { pronouns: 'she/her' }],
  ])('an edit of %s sends only that field', (_label, edit, expected) => {
    expect(changedFields(base, formToProfile({ ...clientToForm(base), ...edit }))).toEqual(expected);
  });
});

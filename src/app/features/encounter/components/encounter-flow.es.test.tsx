/**
 * The encounter read in Spanish: the stepper, consent, what was noticed, referrals and the
 * summary come from the catalogue; the person's alias and the agencies' names are untouched.
 * What may stop a save and the summary an agency receives follow the active language too.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { needDomainLabels } from '../../../components/labels';
import { renderForTest } from '../../../components/render-for-test';
import { testAgency } from '../../../components/test-agency';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { consentedSummary, encounterProblems, newEncounterDraft, type EncounterDraft, type EncounterStep } from '../encounter-model';
import { EncounterFlow } from './encounter-flow';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const clinic = testAgency('Clinic', { services: ['sexual_health'] });
const shelter = testAgency('Shelter One', { services: ['sexual_health'] });
const client = { id: clientId, alias: 'Wren', keyWorkerId: null, mayBeUnder18: false };
const state: { draft: EncounterDraft | null } = { draft: null };

vi.mock('../hooks/use-encounter-draft', () => ({
  useEncounterDraft: () => ({ draft: state.draft, resumedAt: null, alreadySaved: false, keptAt: null, update: () => undefined, record: async () => 'recorded' }),
  useEncounterClient: () => client,
  useAgencies: () => [clinic, shelter],
  useOpenReferrals: () => [],
}));
vi.mock('../../../stores/session-store', () => ({ useSessionStore: (select: (s: unknown) => unknown) => select({ user: { id: 'u1' } }) }));
vi.mock('../../../stores/route-store', () => ({ useRouteStore: (select: (s: unknown) => unknown) => select({ navigate: () => undefined }) }));

function draft(): EncounterDraft {
  const base = newEncounterDraft(clientId);
  return {
    ...base,
    area: 'Docks',
    consent: {
      ...base.consent,
      store: 'given',
      shareAgencyIds: [clinic.id],
      lastTime: { store: 'given', decidedAt: '2026-11-03T12:00:00.000Z', method: 'verbal', shareAgencyIds: [clinic.id] },
      stillTrue: null,
    },
    assessment: { ...base.assessment, sexual_health: { need: 'urgent', notes: 'wants a test', stillTrue: null, carried: false } },
    noticed: { cues: ['someone_else_answered'], notes: '' },
    referrals: [{ id: 'r1', agencyId: clinic.id, need: 'sexual_health', urgency: 'urgent', sharedDomains: ['sexual_health'] }],
    appointments: [{ id: 'a1', agencyId: clinic.id, date: '2026-11-24', time: '10:30', place: 'Clinic', accompany: true }],
  };
}

async function textOf(step: EncounterStep): Promise<string> {
  state.draft = { ...draft(), step };
  const view = await renderForTest(<EncounterFlow clientId={clientId} />);
  const text = view.container.textContent ?? '';
  view.unmount();
  return text;
}

beforeEach(() => activateCompiled('es', compileCatalogue(spanish, compileMessage)));
afterEach(() => activateCompiled('en', compileCatalogue(english, compileMessage)));

describe('the encounter in Spanish', () => {
  it('the stepper and the consent step', async () => {
    const text = await textOf('consent');
    expect(text).toContain('Consentimiento');
    expect(text).toContain('Paso 2 de 9');
    expect(text).toContain('La última vez (3 nov 2026): aceptó que guardemos un registro, y compartir datos con Clinic.');
    expect(text).toContain('Sí, está de acuerdo');
    expect(text).toContain('Compartir con Clinic');
    expect(text).toContain('Siguiente: Qué ha cambiado');
    expect(text).not.toContain('Step');
  });

  it('what was noticed offers the NRM', async () => {
    const text = await textOf('noticed');
    expect(text).toContain('Mecanismo Nacional de Derivación (NRM)');
    expect(text).toContain('Explicado: Qué es el Mecanismo Nacional de Derivación');
    expect(text).toContain('Decisión sobre el NRM');
  });

  it('referrals name the agencies as they are', async () => {
    const text = await textOf('referrals');
    expect(text).toContain('urgente');
    expect(text).toContain('Quitar la derivación a Clinic');
    expect(text).toContain('Acepta: derivar a Shelter One');
    expect(text).toContain('Pregunta antes si acepta que compartamos datos con Shelter One.');
  });

  it('the summary, with what still stops a save', async () => {
    const text = await textOf('summary');
    expect(text).toContain('Clinic, 2026-11-24 10:30 (vas con la persona)');
    expect(text).toContain('(urgente)');
    expect(text).toContain('Wren no tiene profesional de referencia: quiero serlo yo');
    expect(text).toContain('Antes de guardar:');
    expect(text).toContain('Pregunta si lo que aceptó la última vez sigue en pie.');
    expect(text).toContain('Guardar encuentro');
  });

  it('problems and the summary an agency receives', () => {
    const d = draft();
    expect(encounterProblems({ ...d, area: '' })).toContain('Indica en qué zona estás.');
    const summary = consentedSummary({ alias: 'Wren' }, d, d.referrals[0]!, needDomainLabels);
    expect(summary).toContain('Derivación del equipo de calle para: ');
    expect(summary).toContain('(urgente).');
    expect(summary).toContain('Alias que usamos: Wren.');
    expect(summary).toContain(': urgente — wants a test');
  });
});

import { compileMessage } from '@lingui/message-utils/compileMessage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientStory } from '../../../../shared/domain/client-story';
import type { ClientRecord } from '../../../../shared/domain/client';
import { renderForTest, type Rendered } from '../../../components/render-for-test';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as englishMessages } from '../../../i18n/locales/en';
import { messages as spanishMessages } from '../../../i18n/locales/es';
import type { StoryData } from '../hooks/use-client-story';
import { AddFollowUp } from './add-follow-up';
import { ClientStoryView } from './client-story';
import { NrmPanel } from './nrm-panel';
import { ReferralPack } from './referral-pack';

const me = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const robin = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
const clinic = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a77';
const decided = '2026-11-01T10:30:00.000Z';
const due = '2026-11-20T00:00:00.000Z';
/** How the page wrote a date and time before it had catalogues: English must not move. */
const englishWhen = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

vi.mock('../../../stores/runtime', () => ({
  appointmentsRepository: { transition: async () => undefined, undoMissed: async () => undefined },
  clientsRepository: { update: async () => undefined, get: async (id: string) => ({ id }) },
  agenciesRepository: { list: async () => [{ id: clinic, name: 'Harbour Clinic', howToRefer: 'Phone first' }] },
  consentsRepository: { withdrawShare: async () => undefined, forClient: async () => [] },
  referralsRepository: {
    transition: async () => undefined,
    get: async (id: string) => ({ id, clientId: robin, agencyId: clinic, need: 'housing', urgency: 'soon', status: 'sent', createdAt: decided, consentedSummary: 'Needs a bed' }),
  },
  followUpsRepository: { add: async () => undefined },
  teamMembersRepository: { list: async () => [{ id: me, name: 'Sam' }] },
  nrmRepository: {
    referralsFor: async () => [
      {
        id: 'n1',
        clientId: robin,
        route: 'child',
        firstResponder: 'Harbour Police',
        referredOn: '2026-11-02',
        reference: null,
        status: 'referred',
        decisions: {},
      },
    ],
    observationsFor: async () => [],
  },
}));
vi.mock('../../../stores/session-store', () => ({
  useSessionStore: <T,>(select: (s: { user: { id: string } }) => T): T => select({ user: { id: me } }),
}));

const story = {
  keyWorkerId: null,
  currentNeeds: [],
  assessedAt: null,
  openReferrals: [],
  upcomingAppointments: [],
  awaitingOutcome: [],
  openFollowUps: [{ id: 'o1', clientId: robin, reason: 'check_in', dueAt: due, assigneeId: null, notes: 'Bring socks', status: 'open' }],
  doneFollowUps: [{ id: 'd1', clientId: robin, reason: 'check_in', dueAt: due, assigneeId: me, status: 'done', completedBy: me, completedAt: decided }],
  missedAppointments: [],
  lastContacts: [],
  forNextWorker: null,
  safetyFlags: [],
  consentState: [{ id: 'c1', clientId: robin, kind: 'share', decision: 'given', method: 'verbal', decidedAt: decided, agencyId: clinic }],
  timeline: [],
} as unknown as ClientStory;
const data = { story, agencies: [{ id: clinic, name: 'Harbour Clinic' }], members: [{ id: me, name: 'Sam' }] } as unknown as StoryData;
const child = { id: robin, alias: 'Robin', mayBeUnder18: true } as unknown as ClientRecord;

const useLanguage = (language: 'en' | 'es') =>
  activateCompiled(language, compileCatalogue(language === 'en' ? englishMessages : spanishMessages, compileMessage));
const section = (view: Rendered, name: string) => view.labelled(name)?.textContent ?? '';

let view: Rendered | undefined;
afterEach(() => {
  view?.unmount();
  useLanguage('en');
});

describe('a person’s page in English', () => {
  it('reads as it did before the catalogue', async () => {
    view = await renderForTest(<ClientStoryView clientId={robin} data={data} readsCaseFile />);
    expect([...view.container.querySelectorAll('[aria-label="Follow-ups done"] li')].map((li) => li.textContent)).toEqual([
      `Check in: done by Sam, ${englishWhen(decided)}`,
    ]);
    expect(section(view, 'Follow-ups')).toContain(`Check in: due ${englishWhen(due)} — nobody assigned — “Bring socks”`);
    expect(section(view, 'Consent')).toContain(`Share with Harbour Clinic: given (${englishWhen(decided)})`);
    expect(view.button('Stop sharing with Harbour Clinic')).toBeDefined();
    expect(view.button('Make me their key worker')).toBeDefined();
    expect(section(view, 'Key worker')).toContain('No key worker yet.');
  });

  it('words the NRM referral’s facts', async () => {
    view = await renderForTest(<NrmPanel client={child} />);
    const nrm = section(view, 'National Referral Mechanism');
    expect(nrm).toContain('Referred 2 Nov 2026 by Harbour Police (child route)');
    expect(nrm).toContain('A follow-up is open to chase the decision if it has not come 30 days after the wait began.');
  });

  it('words a follow-up form’s own check', async () => {
    view = await renderForTest(<AddFollowUp clientId={robin} keyWorkerId={null} />);
    await view.click('Add a follow-up');
    await view.type('follow-up-due', '');
    await view.click('Save follow-up');
    expect(view.container.querySelector('#follow-up-due-error')?.textContent).toBe('Choose the day it is due.');
  });

  it('prints the referral pack as before', async () => {
    view = await renderForTest(<ReferralPack referralId="r1" />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Referral to Harbour Clinic');
    const facts = [...view.container.querySelectorAll('dt, dd')].map((el) => el.textContent);
    expect(facts.slice(2, 4)).toEqual(['Urgency', 'soon']);
    expect(facts.slice(6)).toEqual(['Referred', new Date(decided).toLocaleDateString('en-GB', { dateStyle: 'long' })]);
  });
});

describe('a person’s page in Spanish', () => {
  it('shows the story in Spanish, with Spanish dates and quotation marks', async () => {
    useLanguage('es');
    view = await renderForTest(<ClientStoryView clientId={robin} data={data} readsCaseFile />);
    const when = new Date(decided).toLocaleString('es-ES', { dateStyle: 'medium', timeStyle: 'short' });
    expect(view.labelled('Seguimientos hechos')?.textContent).toContain(`: hecho por Sam, ${when}`);
    expect(section(view, 'Seguimientos')).toContain('sin asignar — «Bring socks»');
    expect(section(view, 'Consentimiento')).toContain(`Compartir con Harbour Clinic: dado (${when})`);
    expect(view.button('Dejar de compartir con Harbour Clinic')).toBeDefined();
    expect(view.button('Hacerme su profesional de referencia')).toBeDefined();
    expect(view.container.textContent).not.toContain('Key worker');
  });

  it('words the NRM referral in Spanish', async () => {
    useLanguage('es');
    view = await renderForTest(<NrmPanel client={child} />);
    expect(section(view, 'Mecanismo Nacional de Derivación (NRM)')).toContain('por Harbour Police (vía de menores)');
    expect(section(view, 'Mecanismo Nacional de Derivación (NRM)')).toContain('30 días después');
  });

  it('words a failed check in the language shown when it fails', async () => {
    view = await renderForTest(<AddFollowUp clientId={robin} keyWorkerId={null} />);
    useLanguage('es');
    await view.settle();
    await view.click('Add a follow-up');
    await view.type('follow-up-due', '');
    await view.click('Guardar seguimiento');
    expect(view.container.querySelector('#follow-up-due-error')?.textContent).toBe('Elige para qué día es.');
  });

  it('prints the referral pack in Spanish', async () => {
    useLanguage('es');
    view = await renderForTest(<ReferralPack referralId="r1" />);
    expect(view.container.querySelector('h1')?.textContent).toBe('Derivación a Harbour Clinic');
    const facts = [...view.container.querySelectorAll('dt, dd')].map((el) => el.textContent);
    expect(facts.slice(2, 4)).toEqual(['Urgencia', 'pronto']);
    expect(facts.slice(6)).toEqual(['Fecha de derivación', new Date(decided).toLocaleDateString('es-ES', { dateStyle: 'long' })]);
  });
});

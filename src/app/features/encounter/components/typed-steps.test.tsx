/**
 * The steps with typed input (Who, Appointments, Outcome): each field is checked by the
 * shared schema's rule as the worker types, its refusal shown beside it in the catalogue's
 * words, and the draft (autosaved, the one source of truth) changes as the rule allows.
 */
import { compileMessage } from '@lingui/message-utils/compileMessage';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { appointmentArgsSchema } from '../../../../shared/domain/appointment';
import { contactArgsSchema } from '../../../../shared/domain/contact';
import { act, renderForTest, type Rendered } from '../../../components/render-for-test';
import { testAgency } from '../../../components/test-agency';
import { activateCompiled, compileCatalogue } from '../../../i18n/i18n';
import { messages as english } from '../../../i18n/locales/en';
import { messages as spanish } from '../../../i18n/locales/es';
import { encounterProblems, newEncounterDraft, type EncounterDraft } from '../encounter-model';
import { AppointmentsStep } from './appointments-step';
import { OutcomeStep } from './outcome-step';
import type { StepProps } from './step-props';
import { WhoStep } from './who-step';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const clinic = testAgency('Clinic', { address: '1 Dock Road' });
const shelter = testAgency('Shelter One');
const appointment = { id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a70', agencyId: clinic.id, date: '2026-11-24', time: '10:30', place: 'Clinic', accompany: false };

/** A client's encounter with consent to keep a record, one referral and one appointment. */
function kept(): EncounterDraft {
  const base = newEncounterDraft(clientId);
  return {
    ...base,
    area: 'Docks',
    consent: { ...base.consent, store: 'given', shareAgencyIds: [clinic.id] },
    referrals: [{ id: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a71', agencyId: clinic.id, need: 'sexual_health', urgency: 'soon', sharedDomains: [] }],
    appointments: [appointment],
  };
}

/** The draft as the step last left it. */
let latest: EncounterDraft;
let view: Rendered | undefined;

type StepComponent = (props: StepProps) => React.JSX.Element;
const testClient = { id: clientId, alias: 'Wren' } as unknown as NonNullable<StepProps['client']>;

/** A step over a draft held as the encounter holds it: every `update` is the new draft. */
function Harness({ Step, start }: { Step: StepComponent; start: EncounterDraft }) {
  const [draft, setDraft] = useState(start);
  const update: StepProps['update'] = (change) =>
    setDraft((current) => {
      latest = change(current);
      return latest;
    });
  return <Step draft={draft} update={update} client={testClient} agencies={[clinic, shelter]} openReferrals={[]} />;
}

async function show(Step: StepComponent, start: EncounterDraft): Promise<Rendered> {
  latest = start;
  view = await renderForTest(<Harness Step={Step} start={start} />);
  return view;
}

const field = <T extends HTMLElement = HTMLInputElement>(id: string) => view?.container.querySelector<T>(`#${id}`) ?? null;
const errorBeside = (id: string) => {
  const describedBy = field(id)?.getAttribute('aria-describedby');
  return describedBy ? (view?.container.querySelector(`#${describedBy}`)?.textContent ?? null) : null;
};

async function choose(id: string, value: string): Promise<void> {
  const select = field<HTMLSelectElement>(id);
  if (select === null) throw new Error(`No select #${id}`);
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await view?.settle();
}

async function tick(id: string): Promise<void> {
  const box = field(id) ?? view?.container.querySelector<HTMLInputElement>(id) ?? null;
  if (box === null) throw new Error(`No checkbox ${id}`);
  await act(async () => box.click());
  await view?.settle();
}

afterEach(() => {
  view?.unmount();
  view = undefined;
  activateCompiled('en', compileCatalogue(english, compileMessage));
});

describe('Who: the area, by the shared contact rule', () => {
  const longest = contactArgsSchema.shape.area.maxLength ?? 0;

  it('a good area goes into the draft, with nothing said beside it', async () => {
    await show(WhoStep, newEncounterDraft(clientId));
    expect(field('encounter-area')?.value).toBe('');
    expect(errorBeside('encounter-area')).toBeNull(); // an empty area waits for the worker
    await view?.type('encounter-area', 'Station Road');
    expect(latest.area).toBe('Station Road');
    expect(field('encounter-area')?.getAttribute('aria-invalid')).toBeNull();
    expect(errorBeside('encounter-area')).toBeNull();
    expect(encounterProblems(latest)).not.toContain('Say which area you are in.');
  });

  it('an area too long for the shared rule is refused beside the field in its words, and stops the save', async () => {
    const tooLong = 'x'.repeat(longest + 1);
    expect(contactArgsSchema.shape.area.safeParse(tooLong).success).toBe(false);
    await show(WhoStep, kept());
    await view?.type('encounter-area', tooLong);
    expect(field('encounter-area')?.getAttribute('aria-invalid')).toBe('true');
    expect(errorBeside('encounter-area')).toBe('The area can be at most 80 characters.');
    // Kept as typed (the draft is what the worker sees), and the save waits for it.
    expect(latest.area).toBe(tooLong);
    expect(encounterProblems(latest)).toContain('The area can be at most 80 characters.');
    await view?.type('encounter-area', 'x'.repeat(longest));
    expect(errorBeside('encounter-area')).toBeNull();
    expect(encounterProblems(latest)).toEqual([]);
  });

  it('an area emptied again is asked for beside the field', async () => {
    await show(WhoStep, kept());
    await view?.type('encounter-area', '   ');
    expect(errorBeside('encounter-area')).toBe('Say which area you are in.');
    expect(encounterProblems(latest)).toContain('Say which area you are in.');
  });

  it('a resumed draft with an area the rule refuses says so at once, in the language chosen', async () => {
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    await show(WhoStep, { ...kept(), area: 'x'.repeat(longest + 1) });
    expect(errorBeside('encounter-area')).toBe('La zona puede tener como máximo 80 caracteres.');
  });

  it('how they met goes into the draft', async () => {
    await show(WhoStep, kept());
    await choose('encounter-kind', 'drop_in');
    expect(latest.contactKind).toBe('drop_in');
  });
});

describe('Outcome: the note for the next worker, by the shared contact rule', () => {
  const longest = contactArgsSchema.shape.summary.unwrap().maxLength ?? 0;

  it('a good note goes into the draft', async () => {
    await show(OutcomeStep, kept());
    await view?.type('encounter-summary', 'Has a dog called Biscuit');
    expect(latest.summary).toBe('Has a dog called Biscuit');
    expect(errorBeside('encounter-summary')).toBeNull();
  });

  it('a note too long is refused beside the box in the shared rule’s limit, and stops the save', async () => {
    await show(OutcomeStep, kept());
    await view?.type('encounter-summary', 'x'.repeat(longest + 1));
    expect(field<HTMLTextAreaElement>('encounter-summary')?.getAttribute('aria-invalid')).toBe('true');
    expect(errorBeside('encounter-summary')).toBe('The note for the next worker can be at most 10,000 characters.');
    expect(latest.summary).toHaveLength(longest + 1);
    expect(encounterProblems(latest)).toContain('The note for the next worker can be at most 10,000 characters.');
  });

  it('in Spanish', async () => {
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    await show(OutcomeStep, kept());
    await view?.type('encounter-summary', 'x'.repeat(longest + 1));
    expect(errorBeside('encounter-summary')).toBe('La nota para la próxima persona del equipo puede tener como máximo 10.000 caracteres.');
  });
});

describe('Appointments: each change checked by the shared appointment.book rules before it goes into the draft', () => {
  const placeLongest = appointmentArgsSchema.shape.place.maxLength ?? 0;

  it('good changes go into the draft', async () => {
    await show(AppointmentsStep, kept());
    await view?.type('appt-time-0', '14:15');
    await view?.type('appt-place-0', 'Clinic front desk');
    await choose('appt-agency-0', '');
    await tick('input[type="checkbox"]');
    expect(latest.appointments).toEqual([{ ...appointment, agencyId: null, time: '14:15', place: 'Clinic front desk', accompany: true }]);
    expect(['appt-date-0', 'appt-time-0', 'appt-place-0'].map(errorBeside)).toEqual([null, null, null]);
    expect(encounterProblems(latest)).toEqual([]);
  });

  it('no day: said beside the date, and the draft keeps the appointment as it was', async () => {
    await show(AppointmentsStep, kept());
    await view?.type('appt-date-0', '');
    expect(field('appt-date-0')?.getAttribute('aria-invalid')).toBe('true');
    expect(errorBeside('appt-date-0')).toBe('Choose the day of the appointment.');
    expect(latest.appointments).toEqual([appointment]);
    // Put right, it goes in.
    await view?.type('appt-date-0', '2026-11-25');
    expect(errorBeside('appt-date-0')).toBeNull();
    expect(latest.appointments).toEqual([{ ...appointment, date: '2026-11-25' }]);
  });

  it('no time: said beside the time; nothing else typed meanwhile goes in either', async () => {
    await show(AppointmentsStep, kept());
    await view?.type('appt-time-0', '');
    expect(errorBeside('appt-time-0')).toBe('Choose the time of the appointment.');
    await view?.type('appt-place-0', 'Somewhere else');
    expect(latest.appointments).toEqual([appointment]);
  });

  it('a place longer than the shared rule allows: said beside the place, nothing changes', async () => {
    await show(AppointmentsStep, kept());
    await view?.type('appt-place-0', 'x'.repeat(placeLongest + 1));
    expect(field('appt-place-0')?.getAttribute('aria-describedby')).toBe('appt-place-0-error');
    expect(errorBeside('appt-place-0')).toBe('The place can be at most 200 characters.');
    expect(latest.appointments).toEqual([appointment]);
  });

  it('in Spanish', async () => {
    activateCompiled('es', compileCatalogue(spanish, compileMessage));
    await show(AppointmentsStep, kept());
    await view?.type('appt-date-0', '');
    await view?.type('appt-place-0', 'x'.repeat(placeLongest + 1));
    expect(errorBeside('appt-date-0')).toBe('Elige el día de la cita.');
    expect(errorBeside('appt-place-0')).toBe('El lugar puede tener como máximo 200 caracteres.');
  });

  it('a new appointment is booked with the referred agency, tomorrow at 10:00 at its address', async () => {
    await show(AppointmentsStep, { ...kept(), appointments: [] });
    await view?.click('Book an appointment');
    expect(latest.appointments).toHaveLength(1);
    expect(latest.appointments[0]).toMatchObject({ agencyId: clinic.id, time: '10:00', place: '1 Dock Road', accompany: false });
    expect(field('appt-place-0')?.value).toBe('1 Dock Road');
    expect(encounterProblems(latest)).toEqual([]);
  });

  it('one kept before these checks shows at once what the rules refuse', async () => {
    await show(AppointmentsStep, { ...kept(), appointments: [{ ...appointment, time: '' }] });
    expect(errorBeside('appt-time-0')).toBe('Choose the time of the appointment.');
    expect(encounterProblems(latest)).toContain('Check the day, time and place of appointment 1.');
  });
});

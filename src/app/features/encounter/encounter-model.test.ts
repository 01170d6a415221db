import { describe, expect, it } from 'vitest';
import type { ConsentRecord } from '../../../shared/domain/consent';
import { commandArgsSchemas } from '../../../shared/sync/commands';
import { todayOnThisPhone } from '../../components/calendar-day';
import { needDomainLabels } from '../../components/labels';
import { appointmentArgsSchema } from '../../../shared/domain/appointment';
import { contactArgsSchema } from '../../../shared/domain/contact';
import {
  appointmentAt,
  appointmentProblems,
  areaProblem,
  buildEncounterCommands,
  currentNeeds,
  encounterProblems,
  languageAnswerFrom,
  languageUpdate,
  newEncounterDraft,
  noteProblem,
  resumeEncounterDraft,
  withdrawsConsent,
  type EncounterDraft,
} from './encounter-model';

const clientId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const agencyA = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a01';
const agencyB = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a02';
const userId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4aff';
let n = 0;
const ctx = {
  now: new Date('2026-11-22T23:30:00Z'),
  userId,
  client: { alias: 'Wren' },
  labels: needDomainLabels,
  newId: () => `0190a1b2-c3d4-7e5f-8a9b-${(++n).toString(16).padStart(12, '0')}`,
};

function fullEncounter(): EncounterDraft {
  const base = newEncounterDraft(clientId, { housing: { need: 'some', notes: 'sofa surfing' } });
  return {
    ...base,
    area: 'Docks',
    consent: { ...base.consent, store: 'given', shareAgencyIds: [agencyA, agencyB] },
    assessment: {
      ...base.assessment,
      sexual_health: { need: 'urgent', notes: 'wants a test', stillTrue: null, carried: false },
      drugs_alcohol: { need: 'urgent', notes: 'no naloxone', stillTrue: null, carried: false },
      mental_health: { need: 'prefer_not_to_say', notes: '', stillTrue: null, carried: false },
    },
    referrals: [
      { id: ctx.newId(), agencyId: agencyA, need: 'sexual_health', urgency: 'urgent', sharedDomains: ['sexual_health'] },
      { id: ctx.newId(), agencyId: agencyB, need: 'drugs_alcohol', urgency: 'soon', sharedDomains: ['drugs_alcohol'] },
    ],
    appointments: [{ id: ctx.newId(), agencyId: agencyA, date: '2026-11-24', time: '10:30', place: 'Clinic', accompany: true }],
    outcome: 'referral_made',
  };
}

describe('the encounter model', () => {
  it('prefills from the last assessment, asking "still true?"', () => {
    const draft = newEncounterDraft(clientId, { housing: { need: 'some', notes: 'sofa surfing' } });
    expect(draft.assessment.housing).toEqual({ need: 'some', notes: 'sofa surfing', stillTrue: null, carried: true });
    expect(draft.assessment.mental_health).toMatchObject({ need: 'not_asked', carried: false });
  });

  it('prefills consent from last time, asking "still true?" before it counts', () => {
    const own = { teamId: agencyA, createdBy: userId, createdAt: '2026-11-01T22:00:00.000Z' };
    const consent = (kind: ConsentRecord['kind'], decision: ConsentRecord['decision'], day: number, agencyId: string | null = null): ConsentRecord => ({
      id: ctx.newId(), clientId, kind, decision, method: 'written', decidedAt: `2026-11-${String(day).padStart(2, '0')}T22:00:00.000Z`, agencyId, ...own,
    });
    const consents = [consent('store', 'given', 3), consent('share', 'given', 1, agencyA), consent('share', 'given', 1, agencyB), consent('share', 'withdrawn', 2, agencyB), consent('nrm', 'declined', 3)];
    const draft = { ...newEncounterDraft(clientId, {}, consents), area: 'Docks' };
    expect(draft.consent).toMatchObject({
      store: 'given',
      method: 'written',
      shareAgencyIds: [agencyA],
      nrm: 'not_discussed',
      stillTrue: null,
      lastTime: { store: 'given', decidedAt: '2026-11-03T22:00:00.000Z', shareAgencyIds: [agencyA] },
    });
    const ask = 'Ask whether what they agreed last time still stands.';
    expect(encounterProblems(draft)).toEqual([ask]);
    expect(encounterProblems({ ...draft, consent: { ...draft.consent, stillTrue: true } })).toEqual([]);
    expect(encounterProblems({ ...draft, consent: { ...draft.consent, stillTrue: false } })).toEqual([]);
  });

  it('asks afresh for consent declined or withdrawn last time', () => {
    const own = { teamId: agencyA, createdBy: userId, createdAt: '2026-11-01T22:00:00.000Z' };
    const declined: ConsentRecord = { id: ctx.newId(), clientId, kind: 'store', decision: 'declined', method: 'verbal', decidedAt: '2026-11-02T22:00:00.000Z', ...own };
    const draft = newEncounterDraft(clientId, {}, [declined]);
    expect(draft.consent).toMatchObject({ store: null, shareAgencyIds: [], lastTime: { store: 'declined', shareAgencyIds: [] } });
    expect(encounterProblems({ ...draft, area: 'Docks' })).toEqual(['Ask for consent to store their record (or record it declined).']);
    expect(newEncounterDraft(clientId).consent.lastTime).toBeNull();
  });

  it('makes the worker key worker when they take the offer, and only then', () => {
    const keyWorkerUpdates = (draft: EncounterDraft) => buildEncounterCommands(draft, ctx).filter((c) => c.name === 'client.update' && 'keyWorkerId' in c.args.set);
    expect(keyWorkerUpdates(fullEncounter())).toEqual([]);
    expect(keyWorkerUpdates({ ...fullEncounter(), becomeKeyWorker: true })).toEqual([
      { name: 'client.update', args: { id: clientId, set: { keyWorkerId: userId }, seen: { keyWorkerId: null } } },
    ]);
    const declined = { ...fullEncounter(), becomeKeyWorker: true, consent: { ...fullEncounter().consent, store: 'declined' as const } };
    expect(keyWorkerUpdates(declined)).toEqual([]);
  });

  it('lists needs urgent first', () => {
    expect(currentNeeds(fullEncounter()).map((n) => n.domain)).toEqual(['sexual_health', 'drugs_alcohol', 'housing']);
  });

  it('one encounter makes valid commands for every record, the contact last', () => {
    const commands = buildEncounterCommands(fullEncounter(), ctx);
    expect(commands.map((c) => c.name)).toEqual([
      'consent.record',
      'consent.record',
      'consent.record',
      'assessment.record',
      'referral.create',
      'referral.create',
      'appointment.book',
      'contact.record',
    ]);
    for (const command of commands) expect(() => commandArgsSchemas[command.name].parse(command.args)).not.toThrow();
  });

  it('a referral names the consent to share with its agency and shares only what was agreed', () => {
    const commands = buildEncounterCommands(fullEncounter(), ctx);
    const share = commands.filter((c) => c.name === 'consent.record' && c.args.kind === 'share');
    const referral = commands.find((c) => c.name === 'referral.create');
    if (referral?.name !== 'referral.create') throw new Error('no referral');
    expect(share.map((c) => c.args.id)).toContain(referral.args.consentId);
    expect(referral.args.consentedSummary).toContain('wants a test');
    expect(referral.args.consentedSummary).not.toContain('sofa surfing');
    expect(referral.args.consentedSummary).not.toContain('naloxone');
  });

  it('tells the agency their languages and interpreter need only when they agreed to', () => {
    const speaker = { alias: 'Lark', languages: ['ro', 'en'], preferredLanguage: 'ro', interpreterNeeded: true, interpreterGender: 'woman' as const, interpreterNotFromTheirCommunity: true };
    const referralOf = (shareLanguage: boolean) => {
      const draft = fullEncounter();
      const shared = { ...draft, referrals: draft.referrals.map((r) => ({ ...r, shareLanguage })) };
      const referral = buildEncounterCommands(shared, { ...ctx, client: speaker }).find((c) => c.name === 'referral.create');
      if (referral?.name !== 'referral.create') throw new Error('no referral');
      return referral.args;
    };
    const agreed = referralOf(true);
    expect(agreed.consentedSummary).toContain('Speaks: română (Romanian), English (prefers română (Romanian)).');
    expect(agreed.consentedSummary).toContain('Interpreter: Needed — a woman, not from their community.');
    expect(agreed.sharedFields).toEqual(expect.arrayContaining(['languages', 'interpreterNeeded']));
    const declined = referralOf(false);
    expect(declined.consentedSummary).not.toContain('Speaks');
    expect(declined.consentedSummary).not.toContain('Interpreter');
    expect(declined.sharedFields).not.toContain('languages');
  });

  describe('their language, asked "still true?"', () => {
    const LANGUAGES_CLOCK = '0000mhx2a0b:00000:phone-1';
    const PREFERRED_CLOCK = '0000mhx2a0c:00001:phone-1';
    const recorded = { languages: ['ro', 'en'], preferredLanguage: 'ro', interpreterNeeded: true, clocks: { languages: LANGUAGES_CLOCK, preferredLanguage: PREFERRED_CLOCK } };
    const languageUpdates = (draft: EncounterDraft) => buildEncounterCommands(draft, ctx).filter((c) => c.name === 'client.update' && ('languages' in c.args.set || 'interpreterNeeded' in c.args.set || 'preferredLanguage' in c.args.set));

    it('unasked or still true, the record is left as it is', () => {
      expect(languageUpdates(fullEncounter())).toEqual([]);
      expect(languageUpdates({ ...fullEncounter(), language: { ...languageAnswerFrom(recorded), stillTrue: true } })).toEqual([]);
      // "Changed", then nothing changed: nothing to write.
      expect(languageUpdates({ ...fullEncounter(), language: { ...languageAnswerFrom(recorded), stillTrue: false } })).toEqual([]);
    });

    it('changed, only what differs is updated, with the clock of what the worker saw', () => {
      const answer = languageAnswerFrom(recorded);
      const changed = { ...answer, stillTrue: false, now: { ...answer.now, languages: ['ro', 'en', 'sq'], interpreterNeeded: false } };
      const commands = languageUpdates({ ...fullEncounter(), language: changed });
      expect(commands).toEqual([
        { name: 'client.update', args: { id: clientId, set: { languages: ['ro', 'en', 'sq'], interpreterNeeded: false }, seen: { languages: LANGUAGES_CLOCK, interpreterNeeded: null } } },
      ]);
      for (const command of commands) expect(() => commandArgsSchemas[command.name].parse(command.args)).not.toThrow();
    });

    it('what they ask of an interpreter is confirmed or changed with the rest', () => {
      const withWishes = { ...recorded, interpreterGender: 'woman' as const, interpreterNotFromTheirCommunity: true, clocks: { ...recorded.clocks, interpreterGender: LANGUAGES_CLOCK } };
      const answer = languageAnswerFrom(withWishes);
      expect(languageUpdate({ ...answer, stillTrue: true, now: { ...answer.now, interpreterGender: 'man' } })).toBeNull();
      expect(languageUpdate({ ...answer, stillTrue: false, now: { ...answer.now, interpreterGender: 'man', interpreterNotFromTheirCommunity: false } })).toEqual({
        set: { interpreterGender: 'man', interpreterNotFromTheirCommunity: false },
        seen: { interpreterGender: LANGUAGES_CLOCK, interpreterNotFromTheirCommunity: null },
      });
    });

    it('a preferred language they no longer speak is no longer preferred', () => {
      const answer = languageAnswerFrom(recorded);
      expect(languageUpdate({ ...answer, stillTrue: false, now: { ...answer.now, languages: ['en'] } })).toEqual({
        set: { languages: ['en'], preferredLanguage: null },
        seen: { languages: LANGUAGES_CLOCK, preferredLanguage: PREFERRED_CLOCK },
      });
    });

    it('a referral made in the same encounter tells the agency the languages as changed', () => {
      const speaker = { alias: 'Lark', ...recorded };
      const answer = languageAnswerFrom(recorded);
      const draft = fullEncounter();
      const shared = { ...draft, language: { ...answer, stillTrue: false, now: { ...answer.now, languages: ['ro', 'en', 'sq'] } }, referrals: draft.referrals.map((r) => ({ ...r, shareLanguage: true })) };
      const referral = buildEncounterCommands(shared, { ...ctx, client: speaker }).find((c) => c.name === 'referral.create');
      if (referral?.name !== 'referral.create') throw new Error('no referral');
      expect(referral.args.consentedSummary).toContain('Speaks: română (Romanian), English, shqip (Albanian) (prefers română (Romanian)).');
    });
  });

  it('without consent to store, only an anonymous contact is kept', () => {
    const draft = { ...fullEncounter(), consent: { ...fullEncounter().consent, store: 'declined' as const }, summary: 'said her name' };
    const commands = buildEncounterCommands(draft, ctx);
    expect(commands.map((c) => c.name)).toEqual(['consent.record', 'contact.record']);
    const contact = commands[1];
    expect(contact?.name === 'contact.record' && contact.args.clientId).toBeNull();
    expect(JSON.stringify(contact)).not.toContain('said her name');
  });

  it('no to keeping a record from someone who agreed last time is a withdrawal (which erases them), and only an anonymous contact is kept', () => {
    const own = { teamId: agencyA, createdBy: userId, createdAt: '2026-11-01T22:00:00.000Z' };
    const given: ConsentRecord = { id: ctx.newId(), clientId, kind: 'store', decision: 'given', method: 'verbal', decidedAt: '2026-11-02T22:00:00.000Z', ...own };
    const draft = newEncounterDraft(clientId, {}, [given]);
    const withdrawing = { ...draft, area: 'Docks', consent: { ...draft.consent, stillTrue: false, store: 'declined' as const } };
    expect(withdrawsConsent(withdrawing)).toBe(true);
    expect(withdrawsConsent({ ...withdrawing, consent: { ...withdrawing.consent, store: 'given' as const } })).toBe(false);
    const commands = buildEncounterCommands(withdrawing, ctx);
    expect(commands.map((c) => c.name)).toEqual(['consent.record', 'contact.record']);
    expect(commands[0]?.args).toMatchObject({ kind: 'store', decision: 'withdrawn', clientId });
    expect(commands[1]?.name === 'contact.record' && commands[1].args.clientId).toBeNull();
    // Someone asked for the first time who says no has nothing to withdraw.
    const first = { ...fullEncounter(), consent: { ...fullEncounter().consent, store: 'declined' as const } };
    expect(withdrawsConsent(first)).toBe(false);
    expect(buildEncounterCommands(first, ctx)[0]?.args).toMatchObject({ decision: 'declined' });
  });

  it('an anonymous encounter is one contact', () => {
    const draft = { ...newEncounterDraft(null), area: 'Docks' };
    expect(buildEncounterCommands(draft, ctx).map((c) => c.name)).toEqual(['contact.record']);
  });

  it('the contact takes the encounter id: every save of one draft records the same contact', () => {
    const draft = fullEncounter();
    const contactIds = [buildEncounterCommands(draft, ctx), buildEncounterCommands(draft, ctx)].map((commands) => commands.find((c) => c.name === 'contact.record')?.args.id);
    expect(contactIds).toEqual([draft.id, draft.id]);
    const anonymous = { ...newEncounterDraft(null), area: 'Docks' };
    expect(buildEncounterCommands(anonymous, ctx)[0]?.args.id).toBe(anonymous.id);
    expect(newEncounterDraft(clientId).id).not.toBe(newEncounterDraft(clientId).id);
  });

  it('a draft autosaved before encounters had an id gets one when resumed, and keeps its own', () => {
    const { id, ...withoutId } = fullEncounter();
    expect(resumeEncounterDraft({ ...withoutId, id }).id).toBe(id);
    expect(resumeEncounterDraft(withoutId).id).toMatch(/^[0-9a-f-]{36}$/);
    // Drafts kept before consent was carried over resume with nothing carried.
    const { lastTime: _l, stillTrue: _s, ...olderConsent } = withoutId.consent;
    expect(resumeEncounterDraft({ ...withoutId, consent: olderConsent }).consent).toMatchObject({ lastTime: null, stillTrue: null });
  });

  it('a referral without consent to share is never made', () => {
    const base = fullEncounter();
    const draft = { ...base, consent: { ...base.consent, shareAgencyIds: [agencyA] } };
    expect(encounterProblems(draft)).toContain('A referral needs consent to share with that agency.');
    const referrals = buildEncounterCommands(draft, ctx).filter((c) => c.name === 'referral.create');
    expect(referrals).toHaveLength(1);
  });

  it('what the worker noticed is one observation, tied to the encounter, and nothing when nothing was ticked', () => {
    const base = fullEncounter();
    const draft = { ...base, noticed: { cues: ['someone_else_answered', 'others_hold_documents'] as const, notes: ' Friend answered every question ' } };
    const observation = buildEncounterCommands({ ...draft, noticed: { ...draft.noticed, cues: [...draft.noticed.cues] } }, ctx).find((c) => c.name === 'observation.record');
    expect(observation?.args).toMatchObject({ clientId, contactId: base.id, cues: ['someone_else_answered', 'others_hold_documents'], notes: 'Friend answered every question' });
    expect(commandArgsSchemas['observation.record'].safeParse(observation?.args).success).toBe(true);
    expect(buildEncounterCommands({ ...base, noticed: { cues: [], notes: 'x' } }, ctx).some((c) => c.name === 'observation.record')).toBe(false);
    // Without consent to keep a record, nothing noticed is kept.
    const declined = { ...draft, noticed: { ...draft.noticed, cues: [...draft.noticed.cues] }, consent: { ...base.consent, store: 'declined' as const, lastTime: null } };
    expect(buildEncounterCommands(declined, ctx).some((c) => c.name === 'observation.record')).toBe(false);
  });

  it('a Duty to Notify is anonymous: its own record, naming no client, even from an anonymous encounter', () => {
    const base = fullEncounter();
    const declinedNrm = { ...base, consent: { ...base.consent, nrm: 'declined' as const, dutyToNotify: true, dutyToNotifyKind: 'labour' as const } };
    const commands = buildEncounterCommands(declinedNrm, ctx);
    const dtn = commands.find((c) => c.name === 'dutyToNotify.record');
    expect(dtn?.args).toEqual({ id: expect.any(String) as unknown, notifiedOn: todayOnThisPhone(ctx.now), exploitation: 'labour', reference: null });
    expect(commands.some((c) => c.name === 'consent.record' && c.args.kind === 'duty_to_notify')).toBe(false);
    const anonymous = { ...newEncounterDraft(null), area: 'Docks', consent: { ...newEncounterDraft(null).consent, dutyToNotify: true } };
    expect(buildEncounterCommands(anonymous, ctx).map((c) => c.name)).toEqual(['dutyToNotify.record', 'contact.record']);
  });

  it('may be under 18: the child safeguarding route is recorded and the profile flagged', () => {
    const base = fullEncounter();
    const commands = buildEncounterCommands({ ...base, consent: { ...base.consent, mayBeUnder18: true } }, ctx);
    expect(commands.some((c) => c.name === 'consent.record' && c.args.kind === 'child_safeguarding')).toBe(true);
    expect(commands.some((c) => c.name === 'client.update' && c.args.set.mayBeUnder18 === true)).toBe(true);
  });

  it.each<[string, Partial<EncounterDraft>, string]>([
    ['no area', { area: '' }, 'Say which area you are in.'],
    ['no store decision', { consent: { ...newEncounterDraft(clientId).consent } }, 'Ask for consent to store their record (or record it declined).'],
    ['NRM consent before the explanation', { consent: { ...fullEncounter().consent, nrm: 'given', nrmExplained: ['what_the_nrm_is'] } }, 'Before NRM consent, go through every point of the explanation.'],
    // The shared contact and appointment rules, worded from the catalogue (a draft kept before the steps checked them may hold these).
    ['an area longer than the shared rule allows', { area: 'x'.repeat(81) }, 'The area can be at most 80 characters.'],
    ['a note longer than the shared rule allows', { summary: 'x'.repeat(10_001) }, 'The note for the next worker can be at most 10,000 characters.'],
    ['an appointment with no day', { appointments: [{ ...fullEncounter().appointments[0]!, date: '' }] }, 'Check the day, time and place of appointment 1.'],
    ['an appointment with too long a place', { appointments: [{ ...fullEncounter().appointments[0]!, place: 'x'.repeat(201) }] }, 'Check the day, time and place of appointment 1.'],
  ])('says what stops a save: %s', (_label, patch, problem) => {
    expect(encounterProblems({ ...fullEncounter(), ...patch })).toContain(problem);
  });

  it('a complete encounter has no problems', () => {
    expect(encounterProblems(fullEncounter())).toEqual([]);
  });

  it('the typed fields keep the shared schemas’ rules, each refusal in words', () => {
    const area = contactArgsSchema.shape.area;
    expect(areaProblem('Docks')).toBeNull();
    expect(areaProblem('   ')).toBe('Say which area you are in.');
    expect(area.safeParse('x'.repeat(area.maxLength ?? 0)).success).toBe(true);
    expect(areaProblem('x'.repeat(area.maxLength ?? 0))).toBeNull();
    expect(areaProblem('x'.repeat((area.maxLength ?? 0) + 1))).toBe('The area can be at most 80 characters.');
    expect(noteProblem('x'.repeat(10_000))).toBeNull();
    expect(noteProblem('x'.repeat(10_001))).toBe('The note for the next worker can be at most 10,000 characters.');
    const good = { agencyId: agencyA, date: '2026-11-24', time: '10:30', place: 'Clinic' };
    expect(appointmentProblems(good)).toEqual({});
    expect(appointmentProblems({ ...good, agencyId: null })).toEqual({});
    expect(appointmentProblems({ ...good, date: '' })).toEqual({ date: 'Choose the day of the appointment.' });
    expect(appointmentProblems({ ...good, time: '' })).toEqual({ time: 'Choose the time of the appointment.' });
    expect(appointmentProblems({ ...good, place: 'x'.repeat(201) })).toEqual({ place: 'The place can be at most 200 characters.' });
    expect(appointmentArgsSchema.shape.at.safeParse(appointmentAt(good.date, good.time)).success).toBe(true);
  });

  it('an anonymous contact is not held to the note or appointments it does not keep', () => {
    const anonymous = { ...newEncounterDraft(null), area: 'Docks', summary: 'x'.repeat(10_001), appointments: [{ ...fullEncounter().appointments[0]!, date: '' }] };
    expect(encounterProblems(anonymous)).toEqual([]);
  });
});

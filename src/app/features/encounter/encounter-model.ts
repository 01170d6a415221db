/**
 * The encounter: everything a worker records in one visit, as a draft that survives
 * interruption, turned into commands that one save writes in one transaction.
 *
 * Pure. Consent rules from DESIGN.md live here: nothing is stored about a person without
 * consent to store (only an anonymous contact); a referral needs consent to share with
 * that agency, and its summary holds only what they agreed to share; an adult's NRM
 * referral needs consent, otherwise only an anonymous Duty to Notify.
 */
import type { ClientRecord, InterpreterGender } from '../../../shared/domain/client';
import { appointmentArgsSchema } from '../../../shared/domain/appointment';
import type { NeedDomain, NeedLevel } from '../../../shared/domain/common';
import { needDomainSchema } from '../../../shared/domain/common';
import { latestConsents } from '../../../shared/domain/client-story';
import { nrmExplainedInFull, type ConsentRecord, type nrmExplanationItemSchema } from '../../../shared/domain/consent';
import { contactArgsSchema, noSupplies, type ContactKind, type Supplies } from '../../../shared/domain/contact';
import type { contactOutcomeSchema } from '../../../shared/domain/contact';
import type { ExploitationKind } from '../../../shared/domain/duty-to-notify';
import type { TraffickingCue } from '../../../shared/domain/observation';
import { uuidv7 } from '../../../shared/ids';
import type { Command } from '../../../shared/sync/commands';
import { z } from 'zod';
import { todayOnThisPhone } from '../../components/calendar-day';
import { describeInterpreter, describeLanguage, type LanguageNeeds } from '../../components/languages';
import { t } from '../../i18n/i18n';

export type NrmItem = z.infer<typeof nrmExplanationItemSchema>;
export type ContactOutcome = z.infer<typeof contactOutcomeSchema>;

export const encounterSteps = ['who', 'consent', 'changes', 'noticed', 'needs', 'referrals', 'appointments', 'outcome', 'summary'] as const;
export type EncounterStep = (typeof encounterSteps)[number];

export interface DomainAnswer {
  readonly need: NeedLevel;
  readonly notes: string;
  /** "Still true?" for an answer carried over from the last assessment; null: not asked yet. */
  readonly stillTrue: boolean | null;
  /** True when this answer came from the last assessment. */
  readonly carried: boolean;
}

/** What the profile says of their languages and interpreter need. */
export interface LanguageFacts {
  readonly languages: readonly string[];
  readonly preferredLanguage: string | null;
  readonly interpreterNeeded: boolean | null;
  /** What they asked for in an interpreter (drafts from before these were asked lack them). */
  readonly interpreterGender?: InterpreterGender | null;
  readonly interpreterNotFromTheirCommunity?: boolean;
}

/** The facts besides the list of languages, compared one by one. */
const LANGUAGE_FIELDS = ['preferredLanguage', 'interpreterNeeded', 'interpreterGender', 'interpreterNotFromTheirCommunity'] as const;
type LanguageFactsClient = Pick<ClientRecord, 'languages' | (typeof LANGUAGE_FIELDS)[number]>;

/**
 * Their languages and interpreter need, asked "still true?" in the encounter. When the
 * worker says it changed, `now` starts from the profile as it was (`seen`) and is edited;
 * the save updates only what differs, with `seen` so a colleague's change meanwhile goes
 * to review rather than being overwritten.
 */
export interface LanguageAnswer {
  readonly stillTrue: boolean | null;
  readonly seen: LanguageFacts;
  /** The clock of each fact as seen (null: never set), sent with the update. */
  readonly seenClocks: Readonly<Partial<Record<keyof LanguageFacts, string | null>>>;
  readonly now: LanguageFacts;
}

/** A language answer not yet given, starting from the person's record as it is. */
export function languageAnswerFrom(client: LanguageFactsClient & Pick<ClientRecord, 'clocks'>): LanguageAnswer {
  const facts = languageFacts(client);
  const seenClocks = Object.fromEntries((['languages', ...LANGUAGE_FIELDS] as const).map((field) => [field, client.clocks[field] ?? null]));
  return { stillTrue: null, seen: facts, seenClocks, now: facts };
}

/** The language facts of a person's profile. */
export function languageFacts(client: LanguageFactsClient): LanguageFacts {
  return {
    languages: client.languages ?? [],
    preferredLanguage: client.preferredLanguage ?? null,
    interpreterNeeded: client.interpreterNeeded ?? null,
    interpreterGender: client.interpreterGender ?? null,
    interpreterNotFromTheirCommunity: client.interpreterNotFromTheirCommunity ?? false,
  };
}

/** The profile change a "changed" language answer makes: only the fields that differ; null when none do. */
export function languageUpdate(answer: LanguageAnswer | undefined): { set: ClientProfileChange; seen: Record<string, string | null> } | null {
  if (answer === undefined || answer.stillTrue !== false) return null;
  // A preferred language they no longer speak is no longer preferred.
  const preferred = answer.now.preferredLanguage;
  const now: LanguageFacts = { ...answer.now, preferredLanguage: preferred !== null && answer.now.languages.includes(preferred) ? preferred : null };
  const set: ClientProfileChange = {};
  const seen: Record<string, string | null> = {};
  if (now.languages.join() !== answer.seen.languages.join()) {
    set.languages = [...now.languages];
    seen.languages = answer.seenClocks.languages ?? null;
  }
  for (const field of LANGUAGE_FIELDS) {
    if (now[field] !== answer.seen[field]) {
      (set as Record<string, unknown>)[field] = now[field];
      seen[field] = answer.seenClocks[field] ?? null;
    }
  }
  return Object.keys(set).length === 0 ? null : { set, seen };
}

type ClientProfileChange = {
  languages?: string[];
  preferredLanguage?: string | null;
  interpreterNeeded?: boolean | null;
  interpreterGender?: InterpreterGender | null;
  interpreterNotFromTheirCommunity?: boolean;
};

export interface DraftReferral {
  readonly id: string;
  readonly agencyId: string;
  readonly need: NeedDomain;
  readonly urgency: 'routine' | 'soon' | 'urgent';
  /** Need domains whose answers the person agreed to share with this agency. */
  readonly sharedDomains: readonly NeedDomain[];
  /** They agreed to tell this agency the languages they speak and whether they need an interpreter. */
  readonly shareLanguage?: boolean;
}

export interface DraftAppointment {
  readonly id: string;
  readonly agencyId: string | null;
  readonly date: string; // YYYY-MM-DD
  readonly time: string; // HH:MM
  readonly place: string;
  readonly accompany: boolean;
}

export interface EncounterDraft {
  /**
   * The encounter's id, chosen when its draft starts; the contact it records takes this id,
   * so a second save of the same draft is recognised as the same encounter.
   */
  readonly id: string;
  readonly step: EncounterStep;
  readonly clientId: string | null;
  readonly area: string;
  /** How they met; drafts saved before it was asked read as on the street. */
  readonly contactKind?: ContactKind;
  readonly consent: {
    readonly store: 'given' | 'declined' | null;
    readonly method: 'verbal' | 'written' | 'via_interpreter';
    readonly shareAgencyIds: readonly string[];
    readonly nrm: 'not_discussed' | 'given' | 'declined';
    readonly nrmExplained: readonly NrmItem[];
    readonly dutyToNotify: boolean;
    /** The kind of exploitation an anonymous Duty to Notify reports; drafts from before read as not known. */
    readonly dutyToNotifyKind?: ExploitationKind;
    readonly mayBeUnder18: boolean;
    /** What they decided before, carried into this encounter; null for a first encounter. */
    readonly lastTime: ConsentLastTime | null;
    /** "Still true?" about `lastTime`: null until asked. */
    readonly stillTrue: boolean | null;
  };
  readonly assessment: Partial<Record<NeedDomain, DomainAnswer>>;
  /** Their languages and interpreter need, confirmed or changed; absent until the worker answers. */
  readonly language?: LanguageAnswer;
  /** What the worker noticed (optional, skippable); drafts from before it was asked have none. */
  readonly noticed?: { readonly cues: readonly TraffickingCue[]; readonly notes: string };
  readonly referrals: readonly DraftReferral[];
  readonly appointments: readonly DraftAppointment[];
  readonly outcome: ContactOutcome;
  readonly supplies: Supplies;
  readonly summary: string;
  /** The worker takes the offer, made when the client has no key worker, to become theirs. */
  readonly becomeKeyWorker: boolean;
}

/** The consent a client gave (or did not) up to now: to store a record, and to share with which agencies. */
export interface ConsentLastTime {
  readonly store: ConsentRecord['decision'];
  readonly decidedAt: string;
  readonly method: ConsentRecord['method'];
  readonly shareAgencyIds: readonly string[];
}

/** The latest consent to store and the agencies they still agree to share with; null if never asked. */
export function consentLastTime(consents: readonly ConsentRecord[]): ConsentLastTime | null {
  const latest = latestConsents(consents);
  const store = latest.find((c) => c.kind === 'store');
  if (store === undefined) return null;
  const shareAgencyIds = latest.filter((c) => c.kind === 'share' && c.decision === 'given' && c.agencyId != null).map((c) => c.agencyId as string);
  return { store: store.decision, decidedAt: store.decidedAt, method: store.method, shareAgencyIds: store.decision === 'given' ? shareAgencyIds : [] };
}

/**
 * A new encounter, starting from what is known: the last answer per need domain and the
 * consent they gave last time, each to be asked "still true?" (the seeds: tell it once).
 * Consent declined or withdrawn is asked afresh; an NRM decision is never carried over.
 */
export function newEncounterDraft(
  clientId: string | null,
  previous: Partial<Record<NeedDomain, { need: NeedLevel; notes?: string }>> = {},
  consents: readonly ConsentRecord[] = [],
): EncounterDraft {
  const lastTime = clientId === null ? null : consentLastTime(consents);
  const carried = lastTime?.store === 'given';
  const assessment: Partial<Record<NeedDomain, DomainAnswer>> = {};
  for (const domain of needDomainSchema.options) {
    const last = previous[domain];
    assessment[domain] = last
      ? { need: last.need, notes: last.notes ?? '', stillTrue: null, carried: true }
      : { need: 'not_asked', notes: '', stillTrue: null, carried: false };
  }
  return {
    id: uuidv7(),
    step: 'who',
    clientId,
    area: '',
    consent: {
      store: carried ? 'given' : null,
      method: carried ? lastTime.method : 'verbal',
      shareAgencyIds: lastTime?.shareAgencyIds ?? [],
      nrm: 'not_discussed',
      nrmExplained: [],
      dutyToNotify: false,
      mayBeUnder18: false,
      lastTime,
      stillTrue: null,
    },
    assessment,
    referrals: [],
    appointments: [],
    outcome: 'building_trust',
    supplies: noSupplies,
    summary: '',
    becomeKeyWorker: false,
  };
}

/** A draft as autosaved; drafts kept before encounters had an id get one when resumed. */
export function resumeEncounterDraft(stored: StoredEncounterDraft): EncounterDraft {
  return { becomeKeyWorker: false, ...stored, id: stored.id ?? uuidv7(), consent: { lastTime: null, stillTrue: null, ...stored.consent } };
}

/** A draft as kept on the device by any version: older ones lack the id, the carried consent and the key worker offer. */
export type StoredEncounterDraft = Omit<EncounterDraft, 'id' | 'consent' | 'becomeKeyWorker'> & {
  readonly id?: string;
  readonly becomeKeyWorker?: boolean;
  readonly consent: Omit<EncounterDraft['consent'], 'lastTime' | 'stillTrue'> & Partial<Pick<EncounterDraft['consent'], 'lastTime' | 'stillTrue'>>;
};

/** Needs recorded in this encounter, urgent first (the referrals step suggests agencies for them). */
export function currentNeeds(draft: EncounterDraft): { domain: NeedDomain; need: 'some' | 'urgent' }[] {
  const needs: { domain: NeedDomain; need: 'some' | 'urgent' }[] = [];
  for (const domain of needDomainSchema.options) {
    const answer = draft.assessment[domain];
    if (answer?.need === 'urgent' || answer?.need === 'some') needs.push({ domain, need: answer.need });
  }
  return needs.sort((a, b) => (a.need === b.need ? 0 : a.need === 'urgent' ? -1 : 1));
}

/*
 * The typed fields' rules are the shared schemas' (the ones the server applies), applied as
 * they are; only their refusals are worded here, from the catalogue, when the check runs.
 */
const sharedArea = contactArgsSchema.shape.area;
const sharedNote = contactArgsSchema.shape.summary.unwrap();
const sharedAgency = appointmentArgsSchema.shape.agencyId;
const sharedAt = appointmentArgsSchema.shape.at;
const sharedPlace = appointmentArgsSchema.shape.place;

/** Why `schema` refuses `value`, in words: "too long" with the schema's own limit, else `otherwise`; null when it is accepted. */
function refusal(schema: z.ZodType, value: unknown, tooLong: (max: number) => string, otherwise: () => string): string | null {
  const issue = schema.safeParse(value).error?.issues[0];
  if (issue === undefined) return null;
  return issue.code === 'too_big' ? tooLong(Number(issue.maximum)) : otherwise();
}

/** Why the shared contact rule refuses this area (none given, or too long); null when it is fine. */
export const areaProblem = (area: string): string | null =>
  refusal(sharedArea, area, (max) => t('encounter.problem.areaTooLong', { max }), () => t('encounter.problem.area'));

/** Why the shared contact rule refuses this note for the next worker (too long); null when it is fine. */
export const noteProblem = (note: string): string | null =>
  refusal(sharedNote, note, (max) => t('encounter.problem.noteTooLong', { max }), () => t('encounter.problem.notAsItIs'));

/** When an appointment is, as `appointment.book` sends it: local day and time on this phone, or the text as typed if it is no time at all. */
export function appointmentAt(date: string, time: string): string {
  const at = new Date(`${date}T${time}`);
  return Number.isNaN(at.getTime()) ? `${date}T${time}` : at.toISOString();
}

/** The fields of one appointment as the worker fills them in. */
export type AppointmentFields = Pick<DraftAppointment, 'agencyId' | 'date' | 'time' | 'place'>;

/**
 * What the shared `appointment.book` rules refuse in an appointment, field by field, in words.
 * The day and the time are one rule (`at`): a refusal is shown beside the day when the day
 * alone is no day, else beside the time.
 */
export function appointmentProblems(appointment: AppointmentFields): Partial<Record<keyof AppointmentFields, string>> {
  const problems: Partial<Record<keyof AppointmentFields, string>> = {};
  if (!sharedAgency.safeParse(appointment.agencyId).success) problems.agencyId = t('encounter.problem.notAsItIs');
  if (!sharedAt.safeParse(appointmentAt(appointment.date, appointment.time)).success) {
    if (!sharedAt.safeParse(appointmentAt(appointment.date, '00:00')).success) problems.date = t('encounter.problem.appointmentDate');
    else problems.time = t('encounter.problem.appointmentTime');
  }
  const place = refusal(sharedPlace, appointment.place, (max) => t('encounter.problem.placeTooLong', { max }), () => t('encounter.problem.notAsItIs'));
  if (place !== null) problems.place = place;
  return problems;
}

/** The Who step's form: the area, checked by the shared contact rule, and how they met. */
export const whoFormSchema = z.object({
  area: z.string().superRefine((area, ctx) => {
    const problem = areaProblem(area);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
  contactKind: contactArgsSchema.shape.kind,
});
export type WhoForm = z.infer<typeof whoFormSchema>;

/** The Outcome step's form: the note for the next worker, checked by the shared contact rule. */
export const outcomeFormSchema = z.object({
  summary: z.string().superRefine((summary, ctx) => {
    const problem = noteProblem(summary);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  }),
});
export type OutcomeForm = z.infer<typeof outcomeFormSchema>;

/** One appointment's form (`agencyId` '' is "not an agency"), checked by the shared `appointment.book` rules. */
export const appointmentFormSchema = z
  .object({ agencyId: z.string(), date: z.string(), time: z.string(), place: z.string(), accompany: z.boolean() })
  .superRefine((form, ctx) => {
    const problems = appointmentProblems({ ...form, agencyId: form.agencyId || null });
    for (const [field, message] of Object.entries(problems)) ctx.addIssue({ code: 'custom', path: [field], message });
  });
export type AppointmentForm = z.infer<typeof appointmentFormSchema>;

/** What may still stop a save, in words (the interface's language); empty when the encounter can be saved. */
export function encounterProblems(draft: EncounterDraft): string[] {
  const problems: string[] = [];
  // The rules are the shared ones the server applies: a contact's area and note, an appointment, a full NRM explanation.
  const area = areaProblem(draft.area);
  if (area !== null) problems.push(area);
  if (keepsRecord(draft)) {
    const note = noteProblem(draft.summary);
    if (note !== null) problems.push(note);
    draft.appointments.forEach((appointment, i) => {
      if (Object.keys(appointmentProblems(appointment)).length > 0) problems.push(t('encounter.problem.appointment', { index: i + 1 }));
    });
  }
  if (draft.clientId !== null && draft.consent.store === null) problems.push(t('encounter.problem.storeConsent'));
  if (draft.consent.lastTime?.store === 'given' && draft.consent.stillTrue === null) problems.push(t('encounter.problem.stillTrue'));
  if (draft.consent.nrm === 'given' && !nrmExplainedInFull(draft.consent.nrmExplained)) {
    problems.push(t('encounter.problem.nrmExplanation'));
  }
  for (const referral of draft.referrals) {
    if (!draft.consent.shareAgencyIds.includes(referral.agencyId)) problems.push(t('encounter.problem.shareConsent'));
  }
  return problems;
}

/**
 * Does this encounter withdraw consent to keep a record? They agreed last time and now say
 * no: the server then erases everything about them (docs/data-protection.md).
 */
export const withdrawsConsent = (draft: EncounterDraft): boolean =>
  draft.clientId !== null && draft.consent.store === 'declined' && draft.consent.lastTime?.store === 'given';

/** Is anything kept about the person (a client, with consent to store)? */
export const keepsRecord = (draft: EncounterDraft): draft is EncounterDraft & { clientId: string } =>
  draft.clientId !== null && draft.consent.store === 'given';

/** What a referral needs of the person's record: their alias, and their languages if shared. */
export type ReferredClient = Pick<ClientRecord, 'alias'> & LanguageNeeds;

/**
 * The summary an agency receives: only the alias, the domains and the languages they agreed to
 * share, worded in the interface's language when the referral is made (it is kept as written).
 */
export function consentedSummary(client: ReferredClient | null, draft: EncounterDraft, referral: DraftReferral, labels: Record<NeedDomain, string>): string {
  const lines = [t('encounter.referralSummary.referredFor', { need: labels[referral.need], urgency: referral.urgency })];
  if (client) lines.push(t('encounter.referralSummary.knownAs', { alias: client.alias }));
  if (client && referral.shareLanguage === true) lines.push(...languageLines(asTheyAreNow(client, draft.language)));
  for (const domain of referral.sharedDomains) {
    const answer = draft.assessment[domain];
    if (!answer || answer.need === 'not_asked' || answer.need === 'prefer_not_to_say') continue;
    const notes = answer.notes.trim();
    lines.push(
      notes
        ? t('encounter.referralSummary.domainWithNotes', { domain: labels[domain], level: answer.need, notes })
        : t('encounter.referralSummary.domain', { domain: labels[domain], level: answer.need }),
    );
  }
  return lines.join('\n');
}

/** Their language needs as this encounter leaves them: changed here, or as recorded. */
function asTheyAreNow(client: LanguageNeeds, answer: LanguageAnswer | undefined): LanguageNeeds {
  const update = languageUpdate(answer);
  if (update === null) return client;
  const { languages, ...rest } = update.set;
  return { ...client, ...rest, ...(languages === undefined ? {} : { languages }) };
}

/** Their languages and interpreter need, as an agency reads them. */
function languageLines(client: LanguageNeeds): string[] {
  const spoken = client.languages ?? [];
  const languages = spoken.map(describeLanguage).join(', ');
  const interpreter = describeInterpreter(client);
  return [
    ...(spoken.length === 0
      ? []
      : [
          client.preferredLanguage == null
            ? t('encounter.referralSummary.speaks', { languages })
            : t('encounter.referralSummary.speaksAndPrefers', { languages, preferred: describeLanguage(client.preferredLanguage) }),
        ]),
    ...(interpreter === null ? [] : [t('encounter.referralSummary.interpreter', { interpreter })]),
  ];
}

export interface EncounterContext {
  readonly now: Date;
  readonly userId: string;
  readonly client: ReferredClient | null;
  readonly labels: Record<NeedDomain, string>;
  readonly newId?: () => string;
}

/** The commands one save writes, in order; the contact's id is the encounter's. */
export function buildEncounterCommands(draft: EncounterDraft, ctx: EncounterContext): Command[] {
  const id = ctx.newId ?? (() => uuidv7(ctx.now.getTime()));
  const at = ctx.now.toISOString();
  const commands: Command[] = [];
  const consentBase = { method: draft.consent.method, decidedAt: at };
  if (draft.clientId !== null && draft.consent.store !== null) {
    const decision = withdrawsConsent(draft) ? 'withdrawn' : draft.consent.store;
    commands.push({ name: 'consent.record', args: { id: id(), clientId: draft.clientId, kind: 'store', decision, ...consentBase } });
  }
  if (draft.consent.dutyToNotify) {
    // Anonymous: no client, no contact, no place (duty-to-notify.ts).
    commands.push({ name: 'dutyToNotify.record', args: { id: id(), notifiedOn: todayOnThisPhone(ctx.now), exploitation: draft.consent.dutyToNotifyKind ?? 'not_known', reference: null } });
  }
  if (!keepsRecord(draft)) {
    commands.push(contactCommand(draft, at, null));
    return commands;
  }
  const clientId = draft.clientId; // narrowed: a kept record
  const shareConsentIds = new Map<string, string>();
  for (const agencyId of draft.consent.shareAgencyIds) {
    const consentId = id();
    shareConsentIds.set(agencyId, consentId);
    commands.push({ name: 'consent.record', args: { id: consentId, clientId, kind: 'share', decision: 'given', agencyId, purpose: 'referral', ...consentBase } });
  }
  if (draft.consent.nrm !== 'not_discussed') {
    commands.push({ name: 'consent.record', args: { id: id(), clientId, kind: 'nrm', decision: draft.consent.nrm, explanationGiven: [...draft.consent.nrmExplained], ...consentBase } });
  }
  if (draft.consent.mayBeUnder18) {
    commands.push({ name: 'consent.record', args: { id: id(), clientId, kind: 'child_safeguarding', decision: 'given', ...consentBase } });
    commands.push({ name: 'client.update', args: { id: clientId, set: { mayBeUnder18: true }, seen: {} } });
  }
  if (draft.becomeKeyWorker) {
    // Seen with no key worker: if a colleague took them on meanwhile, the lead reviews it.
    commands.push({ name: 'client.update', args: { id: clientId, set: { keyWorkerId: ctx.userId }, seen: { keyWorkerId: null } } });
  }
  const language = languageUpdate(draft.language);
  if (language !== null) commands.push({ name: 'client.update', args: { id: clientId, set: language.set, seen: language.seen } });
  const contactId = draft.id;
  const domains = Object.fromEntries(
    Object.entries(draft.assessment)
      .filter(([, a]) => a.need !== 'not_asked' || a.notes.trim() !== '')
      .map(([domain, a]) => [domain, { need: a.need, ...(a.notes.trim() ? { notes: a.notes.trim() } : {}) }]),
  );
  if (Object.keys(domains).length > 0) {
    commands.push({ name: 'assessment.record', args: { id: id(), clientId, contactId, assessedAt: at, domains } });
  }
  const cues = draft.noticed?.cues ?? [];
  if (cues.length > 0) {
    const notes = draft.noticed?.notes.trim() ?? '';
    commands.push({ name: 'observation.record', args: { id: id(), clientId, contactId, observedAt: at, cues: [...cues], ...(notes ? { notes } : {}) } });
  }
  const referralIds = new Map<string, string>();
  for (const referral of draft.referrals) {
    const consentId = shareConsentIds.get(referral.agencyId);
    if (consentId === undefined) continue; // no consent to share: never referred
    referralIds.set(referral.agencyId, referral.id);
    commands.push({
      name: 'referral.create',
      args: {
        id: referral.id,
        clientId,
        agencyId: referral.agencyId,
        need: referral.need,
        urgency: referral.urgency,
        consentId,
        consentedSummary: consentedSummary(ctx.client, draft, referral, ctx.labels),
        sharedFields: ['alias', ...referral.sharedDomains, ...(referral.shareLanguage === true ? ['languages', 'interpreterNeeded'] : [])],
        status: 'sent',
      },
    });
  }
  for (const appointment of draft.appointments) {
    commands.push({
      name: 'appointment.book',
      args: {
        id: appointment.id,
        clientId,
        agencyId: appointment.agencyId,
        referralId: appointment.agencyId === null ? null : (referralIds.get(appointment.agencyId) ?? null),
        at: appointmentAt(appointment.date, appointment.time),
        place: appointment.place.trim(),
        accompaniedBy: appointment.accompany ? ctx.userId : null,
      },
    });
  }
  commands.push(contactCommand(draft, at, clientId));
  return commands;
}

function contactCommand(draft: EncounterDraft, at: string, clientId: string | null): Command {
  return {
    name: 'contact.record',
    args: {
      id: draft.id,
      clientId,
      at,
      area: draft.area.trim(),
      kind: draft.contactKind ?? 'street',
      supplies: draft.supplies,
      outcome: draft.outcome,
      ...(clientId !== null && draft.summary.trim() ? { summary: draft.summary.trim() } : {}),
    },
  };
}

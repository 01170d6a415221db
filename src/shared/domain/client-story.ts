/**
 * The client's story ("tell it once"): the page model the next worker reads first, built
 * from the records the device already holds. Pure, so the page and its test agree on
 * what is shown: key worker, current needs (latest assessment, urgent first), open
 * referrals, upcoming, past-and-unmarked and missed appointments, open follow-ups, the last
 * five contacts and the newest note for the next worker, safety flags,
 * consent state (latest decision per kind and agency) and one timeline, newest first.
 */
import type { AppointmentRecord } from './appointment';
import type { AssessmentRecord } from './assessment';
import type { ClientRecord } from './client';
import { needDomainSchema, type NeedDomain, type NeedLevel } from './common';
import type { ConsentRecord } from './consent';
import type { ContactRecord } from './contact';
import type { FollowUpRecord } from './follow-up';
import type { NoteRecord } from './note';
import type { ReferralRecord } from './referral';
import { isReferralOpen } from './referral-status';

export interface ClientRecords {
  readonly client: ClientRecord;
  readonly contacts: readonly ContactRecord[];
  readonly assessments: readonly AssessmentRecord[];
  readonly consents: readonly ConsentRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly appointments: readonly AppointmentRecord[];
  readonly notes: readonly NoteRecord[];
  /** Absent on a device that holds none (a peer's). */
  readonly followUps?: readonly FollowUpRecord[];
}

export interface CurrentNeed {
  readonly domain: NeedDomain;
  readonly need: Extract<NeedLevel, 'some' | 'urgent'>;
  readonly notes?: string;
}

export type TimelineEvent =
  | { readonly kind: 'contact'; readonly at: string; readonly record: ContactRecord }
  | { readonly kind: 'assessment'; readonly at: string; readonly record: AssessmentRecord }
  | { readonly kind: 'referral'; readonly at: string; readonly status: string; readonly record: ReferralRecord }
  | { readonly kind: 'appointment'; readonly at: string; readonly status: string; readonly record: AppointmentRecord }
  | { readonly kind: 'note'; readonly at: string; readonly record: NoteRecord }
  | { readonly kind: 'consent'; readonly at: string; readonly record: ConsentRecord };

export interface ClientStory {
  readonly keyWorkerId: string | null;
  /** From the latest assessment: needs of some or urgent level, urgent first. */
  readonly currentNeeds: readonly CurrentNeed[];
  readonly assessedAt: string | null;
  /** Referrals still in progress, newest first. */
  readonly openReferrals: readonly ReferralRecord[];
  /** Booked and not yet due, soonest first. */
  readonly upcomingAppointments: readonly AppointmentRecord[];
  /** Booked and past: did they go? Oldest first. */
  readonly awaitingOutcome: readonly AppointmentRecord[];
  /** Follow-ups still open for them, soonest due first. */
  readonly openFollowUps: readonly FollowUpRecord[];
  /** The last three follow-ups done for them, most recent first (with who and when, where kept). */
  readonly doneFollowUps: readonly FollowUpRecord[];
  /** Missed, most recent first (each opened a follow-up; nothing was closed). */
  readonly missedAppointments: readonly AppointmentRecord[];
  readonly lastContacts: readonly ContactRecord[];
  /** The newest contact whose worker left a note for the next one ("anything else…"). */
  readonly forNextWorker: ContactRecord | null;
  readonly safetyFlags: readonly string[];
  /** The latest decision per kind and agency, newest first. */
  readonly consentState: readonly ConsentRecord[];
  readonly timeline: readonly TimelineEvent[];
}

const LAST_CONTACTS = 5;
const time = (iso: string): number => Date.parse(iso);
const newestFirst = <T extends { readonly id: string }>(at: (r: T) => string) => (a: T, b: T) => time(at(b)) - time(at(a)) || b.id.localeCompare(a.id);

/** The latest assessment's needs of some or urgent level (urgent first), skipping corrected ones. */
export function currentNeeds(assessments: readonly AssessmentRecord[]): { needs: CurrentNeed[]; assessedAt: string | null } {
  const corrected = new Set(assessments.flatMap((a) => (a.corrects == null ? [] : [a.corrects])));
  const latest = assessments.filter((a) => !corrected.has(a.id)).sort(newestFirst((a) => a.assessedAt))[0];
  if (latest === undefined) return { needs: [], assessedAt: null };
  const needs: CurrentNeed[] = [];
  for (const level of ['urgent', 'some'] as const) {
    for (const domain of needDomainSchema.options) {
      const answer = latest.domains[domain];
      if (answer?.need === level) needs.push({ domain, need: level, ...(answer.notes ? { notes: answer.notes } : {}) });
    }
  }
  return { needs, assessedAt: latest.assessedAt };
}

/** The latest decision per kind and agency, newest first. */
export function latestConsents(consents: readonly ConsentRecord[]): ConsentRecord[] {
  const latest = new Map<string, ConsentRecord>();
  for (const consent of [...consents].sort(newestFirst((c) => c.decidedAt))) {
    const key = `${consent.kind}/${consent.agencyId ?? ''}`;
    if (!latest.has(key)) latest.set(key, consent);
  }
  return [...latest.values()];
}

function timeline(records: ClientRecords): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...records.contacts.map((record) => ({ kind: 'contact' as const, at: record.at, record })),
    ...records.assessments.map((record) => ({ kind: 'assessment' as const, at: record.assessedAt, record })),
    ...records.referrals.flatMap((record) => record.history.map((h) => ({ kind: 'referral' as const, at: h.at, status: h.status, record }))),
    ...records.appointments.flatMap((record) => record.history.map((h) => ({ kind: 'appointment' as const, at: h.at, status: h.status, record }))),
    ...records.notes.map((record) => ({ kind: 'note' as const, at: record.createdAt, record })),
    ...records.consents.map((record) => ({ kind: 'consent' as const, at: record.decidedAt, record })),
  ];
  return events.sort((a, b) => time(b.at) - time(a.at) || b.record.id.localeCompare(a.record.id));
}

/** The story page model for one client at `now`. */
export function clientStory(records: ClientRecords, now: Date): ClientStory {
  const { needs, assessedAt } = currentNeeds(records.assessments);
  const contacts = [...records.contacts].sort(newestFirst((c) => c.at));
  const soonest = (a: AppointmentRecord, b: AppointmentRecord) => time(a.at) - time(b.at) || a.id.localeCompare(b.id);
  return {
    keyWorkerId: records.client.keyWorkerId ?? null,
    currentNeeds: needs,
    assessedAt,
    openReferrals: records.referrals.filter((r) => isReferralOpen(r.status)).sort(newestFirst((r) => r.createdAt)),
    upcomingAppointments: records.appointments.filter((a) => a.status === 'booked' && time(a.at) >= now.getTime()).sort(soonest),
    awaitingOutcome: records.appointments.filter((a) => a.status === 'booked' && time(a.at) < now.getTime()).sort(soonest),
    doneFollowUps: (records.followUps ?? [])
      .filter((f) => f.status === 'done')
      .sort(newestFirst((f) => f.completedAt ?? f.updatedAt))
      .slice(0, 3),
    openFollowUps: (records.followUps ?? []).filter((f) => f.status === 'open').sort((a, b) => time(a.dueAt) - time(b.dueAt) || a.id.localeCompare(b.id)),
    missedAppointments: records.appointments.filter((a) => a.status === 'missed').sort(newestFirst((a) => a.at)),
    lastContacts: contacts.slice(0, LAST_CONTACTS),
    forNextWorker: contacts.find((c) => (c.summary ?? '').trim() !== '') ?? null,
    safetyFlags: records.client.safetyFlags ?? [],
    consentState: latestConsents(records.consents),
    timeline: timeline(records),
  };
}

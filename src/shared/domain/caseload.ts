/**
 * The team's caseload as a team lead reads it: one row per person the team knows, built
 * from the records the lead's device holds, with what needs a lead's eye (no key worker,
 * not seen for a long time, an urgent need nobody has referred, a missed appointment
 * nobody has followed up). Nobody is ever discharged: a person not seen for a year is
 * shown as not seen for a year. Pure, so the screen, its test and the bench agree.
 *
 * Rows are built once per change of the records (`caseloadRows`); filtering and sorting
 * (`selectCaseload`) work on the rows alone, so they stay fast on a large caseload.
 */
import type { AppointmentRecord } from './appointment';
import type { AssessmentRecord } from './assessment';
import type { ClientRecord, SafetyFlag } from './client';
import { currentNeeds } from './client-story';
import type { NeedDomain } from './common';
import type { ContactRecord } from './contact';
import type { FollowUpRecord } from './follow-up';
import type { NrmReferralRecord, NrmStatus } from './nrm';
import type { ReferralRecord, ReferralStatus } from './referral';
import { isReferralOpen } from './referral-status';

export interface CaseloadRecords {
  readonly clients: readonly ClientRecord[];
  readonly contacts: readonly ContactRecord[];
  readonly assessments: readonly AssessmentRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly appointments: readonly AppointmentRecord[];
  readonly followUps: readonly FollowUpRecord[];
  /** NRM referrals (workers' and leads' devices hold them). */
  readonly nrmReferrals: readonly NrmReferralRecord[];
}

export interface OpenReferral {
  readonly id: string;
  readonly status: ReferralStatus;
  readonly need: NeedDomain;
  readonly createdAt: string;
}

export interface CaseloadRow {
  readonly clientId: string;
  readonly alias: string;
  readonly keyWorkerId: string | null;
  /** The newest contact's time; null when the team has never logged one. */
  readonly lastContactAt: string | null;
  /** Urgent needs in the latest assessment, in the assessment's domain order. */
  readonly urgentNeeds: readonly NeedDomain[];
  /** Urgent needs with no open referral for that need. */
  readonly urgentWithoutReferral: readonly NeedDomain[];
  /** Referrals in progress, oldest first (the one waiting longest leads). */
  readonly openReferrals: readonly OpenReferral[];
  /** The soonest booked appointment not yet due; null when none. */
  readonly nextAppointmentAt: string | null;
  readonly missedAppointments: number;
  /** Missed appointments whose follow-up is not done (or that have none). */
  readonly missedWithoutFollowUpDone: number;
  readonly openFollowUps: number;
  readonly safetyFlags: readonly SafetyFlag[];
  /** Where their latest NRM referral stands; null when they have none. */
  readonly nrm: NrmStatus | null;
}

const time = (iso: string): number => Date.parse(iso);

function groupByClient<T extends { readonly clientId?: string | null }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) {
    if (record.clientId == null) continue;
    const group = groups.get(record.clientId);
    if (group === undefined) groups.set(record.clientId, [record]);
    else group.push(record);
  }
  return groups;
}

function latestAt(contacts: readonly ContactRecord[] | undefined): string | null {
  let latest: string | null = null;
  for (const c of contacts ?? []) if (latest === null || time(c.at) > time(latest)) latest = c.at;
  return latest;
}

function latestNrmStatus(referrals: readonly NrmReferralRecord[] | undefined): NrmStatus | null {
  let latest: NrmReferralRecord | null = null;
  for (const r of referrals ?? []) if (latest === null || r.createdAt > latest.createdAt) latest = r;
  return latest?.status ?? null;
}

/** Every person's row at `now`, in alias order. */
export function caseloadRows(records: CaseloadRecords, now: Date): CaseloadRow[] {
  const contacts = groupByClient(records.contacts);
  const assessments = groupByClient(records.assessments);
  const referrals = groupByClient(records.referrals);
  const appointments = groupByClient(records.appointments);
  const followUps = groupByClient(records.followUps);
  const nrm = groupByClient(records.nrmReferrals);
  const doneFor = new Set(records.followUps.filter((f) => f.status === 'done' && f.appointmentId != null).map((f) => f.appointmentId));
  const nowMs = now.getTime();
  const rows = records.clients.map((client): CaseloadRow => {
    const open = (referrals.get(client.id) ?? [])
      .filter((r) => isReferralOpen(r.status))
      .sort((a, b) => time(a.createdAt) - time(b.createdAt) || a.id.localeCompare(b.id))
      .map((r) => ({ id: r.id, status: r.status, need: r.need, createdAt: r.createdAt }));
    const urgentNeeds = currentNeeds(assessments.get(client.id) ?? []).needs.filter((n) => n.need === 'urgent').map((n) => n.domain);
    const referred = new Set(open.map((r) => r.need));
    const theirs = appointments.get(client.id) ?? [];
    const missed = theirs.filter((a) => a.status === 'missed');
    const next = theirs
      .filter((a) => a.status === 'booked' && time(a.at) >= nowMs)
      .map((a) => a.at)
      .sort((a, b) => time(a) - time(b))[0];
    return {
      clientId: client.id,
      alias: client.alias,
      keyWorkerId: client.keyWorkerId ?? null,
      lastContactAt: latestAt(contacts.get(client.id)),
      urgentNeeds,
      urgentWithoutReferral: urgentNeeds.filter((domain) => !referred.has(domain)),
      openReferrals: open,
      nextAppointmentAt: next ?? null,
      missedAppointments: missed.length,
      missedWithoutFollowUpDone: missed.filter((a) => !doneFor.has(a.id)).length,
      openFollowUps: (followUps.get(client.id) ?? []).filter((f) => f.status === 'open').length,
      safetyFlags: client.safetyFlags ?? [],
      nrm: latestNrmStatus(nrm.get(client.id)),
    };
  });
  return rows.sort(byAlias);
}

// One collator for every comparison: `localeCompare` with options builds a new one per call,
// which made sorting 10,000 rows take most of a second.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
const byAlias = (a: CaseloadRow, b: CaseloadRow): number => collator.compare(a.alias, b.alias) || (a.clientId < b.clientId ? -1 : a.clientId > b.clientId ? 1 : 0);

/** Who the lead is looking for: any key worker, nobody's, or one colleague's. */
export type KeyWorkerFilter = { readonly kind: 'any' } | { readonly kind: 'none' } | { readonly kind: 'worker'; readonly userId: string };

export interface CaseloadFilter {
  readonly keyWorker: KeyWorkerFilter;
  /** Only people not seen for at least this many days (never seen counts); null: everyone. */
  readonly notSeenForDays: number | null;
  readonly urgentWithoutReferral: boolean;
  readonly missedWithoutFollowUp: boolean;
  /** Part of an alias, any case; empty: everyone. */
  readonly alias: string;
}

export const noCaseloadFilter: CaseloadFilter = { keyWorker: { kind: 'any' }, notSeenForDays: null, urgentWithoutReferral: false, missedWithoutFollowUp: false, alias: '' };

export const caseloadSortKeys = ['alias', 'keyWorker', 'lastContact', 'urgentNeeds', 'openReferrals', 'nextAppointment', 'missedAppointments', 'openFollowUps', 'safetyFlags'] as const;
export type CaseloadSortKey = (typeof caseloadSortKeys)[number];

export interface CaseloadSort {
  readonly key: CaseloadSortKey;
  readonly direction: 'ascending' | 'descending';
}

const DAY_MS = 24 * 60 * 60 * 1000;

function matches(row: CaseloadRow, filter: CaseloadFilter, nowMs: number, alias: string): boolean {
  const { keyWorker } = filter;
  if (keyWorker.kind === 'none' && row.keyWorkerId !== null) return false;
  if (keyWorker.kind === 'worker' && row.keyWorkerId !== keyWorker.userId) return false;
  if (filter.notSeenForDays !== null && row.lastContactAt !== null && nowMs - time(row.lastContactAt) < filter.notSeenForDays * DAY_MS) return false;
  if (filter.urgentWithoutReferral && row.urgentWithoutReferral.length === 0) return false;
  if (filter.missedWithoutFollowUp && row.missedWithoutFollowUpDone === 0) return false;
  return alias === '' || row.alias.toLocaleLowerCase().includes(alias);
}

/**
 * A sortable value per column. Times sort as numbers; "never" sorts as the oldest (so the
 * longest-unseen come first when sorting by last contact ascending) and "no appointment"
 * as the latest.
 */
function sortValue(row: CaseloadRow, key: CaseloadSortKey, names: ReadonlyMap<string, string>): number | string {
  switch (key) {
    case 'alias':
      return row.alias.toLocaleLowerCase();
    case 'keyWorker':
      return row.keyWorkerId === null ? '' : (names.get(row.keyWorkerId) ?? '').toLocaleLowerCase();
    case 'lastContact':
      return row.lastContactAt === null ? -Infinity : time(row.lastContactAt);
    case 'urgentNeeds':
      return row.urgentNeeds.length;
    case 'openReferrals':
      return row.openReferrals.length;
    case 'nextAppointment':
      return row.nextAppointmentAt === null ? Infinity : time(row.nextAppointmentAt);
    case 'missedAppointments':
      return row.missedAppointments;
    case 'openFollowUps':
      return row.openFollowUps;
    case 'safetyFlags':
      return row.safetyFlags.length;
  }
}

/**
 * The rows that pass `filter`, in `sort` order (ties by alias). `names` maps key-worker ids
 * to names for sorting by key worker.
 */
export function selectCaseload(rows: readonly CaseloadRow[], filter: CaseloadFilter, sort: CaseloadSort, now: Date, names: ReadonlyMap<string, string> = new Map()): CaseloadRow[] {
  const nowMs = now.getTime();
  const alias = filter.alias.trim().toLocaleLowerCase();
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = rows.filter((row) => matches(row, filter, nowMs, alias)).map((row) => ({ row, value: sortValue(row, sort.key, names) }));
  if (sort.key === 'alias' && sort.direction === 'ascending') return keyed.map((k) => k.row).sort(byAlias);
  keyed.sort((a, b) => {
    const order = typeof a.value === 'string' && typeof b.value === 'string' ? collator.compare(a.value, b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    return sign * order || byAlias(a.row, b.row);
  });
  return keyed.map((k) => k.row);
}

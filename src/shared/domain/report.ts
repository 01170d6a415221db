/**
 * The figures a team reports to commissioners and funders for a period, optionally for one
 * area or one worker, computed from the team's records by one pure function: the server
 * runs it over the same records on SQLite and PostgreSQL, so both give the same figures.
 *
 * Definitions (said once, here):
 * - a contact counts when its time is in [from, to); by area: the contact's area; by worker:
 *   whoever recorded it. Known contacts name a person; anonymous ones do not.
 * - out of hours: before 09:00 or from 17:00, or at a weekend, in the team's time zone.
 * - unique people: people with a known contact in the period; new: their first contact
 *   ever is in the period; returning: the others.
 * - needs: per domain, people whose latest assessment in the period (not corrected by
 *   another in the period) says some or urgent need.
 * - referrals made in the period, by agency and by where each is now.
 * - appointments due in the period by what happened; accompanied: a worker went along.
 * - NRM referrals made in the period (by the day referred), by where each is now; Duty to
 *   Notify records made in the period (anonymous records, and the consent events that held
 *   them before); child safeguarding: that consent decision recorded in the period.
 * - supplies: everything handed out at contacts in the period; "building trust": contacts
 *   whose outcome was building trust, counted as progress.
 *
 * Small numbers identify people: `suppressSmall` shows 1 to 4 as "<5" in anything that
 * leaves the lead's screen (CSV, print).
 */
import type { AppointmentRecord } from './appointment';
import type { AssessmentRecord } from './assessment';
import { needDomainSchema, type NeedDomain } from './common';
import type { ConsentRecord } from './consent';
import { contactKindSchema, type ContactKind, type ContactRecord, type Supplies } from './contact';
import type { DutyToNotifyRecord } from './duty-to-notify';
import { nrmStatusSchema, type NrmReferralRecord, type NrmStatus } from './nrm';
import type { ReferralRecord, ReferralStatus } from './referral';
import { referralStatusSchema } from './referral';

export interface ReportRecords {
  /** The period's contacts (more may be given; only the period's count). */
  readonly contacts: readonly ContactRecord[];
  readonly assessments: readonly AssessmentRecord[];
  readonly referrals: readonly ReferralRecord[];
  readonly appointments: readonly AppointmentRecord[];
  readonly consents: readonly ConsentRecord[];
  readonly nrmReferrals: readonly NrmReferralRecord[];
  readonly dutyToNotify: readonly DutyToNotifyRecord[];
  /** Each person's first contact with the team ever (any ISO time), to tell new from returning. */
  readonly firstContactAt: ReadonlyMap<string, string>;
}

export interface ReportScope {
  /** Inclusive start and exclusive end, ISO. */
  readonly from: string;
  readonly to: string;
  readonly area?: string | undefined;
  readonly workerId?: string | undefined;
  /** For "out of hours" and the weeks of the chart; IANA name. */
  readonly timeZone: string;
}

export interface Report {
  readonly contacts: {
    readonly total: number;
    readonly known: number;
    readonly anonymous: number;
    readonly outOfHours: number;
    readonly buildingTrust: number;
    /** How the team met them: each kind with any contact, in the order a worker chooses from. */
    readonly byKind: readonly { readonly kind: ContactKind; readonly count: number }[];
  };
  readonly people: { readonly unique: number; readonly new: number; readonly returning: number };
  readonly needs: readonly { readonly domain: NeedDomain; readonly some: number; readonly urgent: number }[];
  readonly referrals: {
    readonly total: number;
    readonly byAgency: readonly { readonly agencyId: string; readonly count: number }[];
    readonly byStatus: readonly { readonly status: ReferralStatus; readonly count: number }[];
  };
  readonly appointments: { readonly due: number; readonly attended: number; readonly missed: number; readonly stillBooked: number; readonly accompanied: number };
  readonly legal: {
    readonly nrmReferrals: number;
    /** The period's NRM referrals by where each is now. */
    readonly nrmByStatus: readonly { readonly status: NrmStatus; readonly count: number }[];
    readonly dutyToNotify: number;
    readonly childSafeguarding: number;
  };
  readonly supplies: Supplies;
  /** Contacts per week (weeks start on Monday, in the team's time zone), oldest first. */
  readonly weekly: readonly { readonly weekStart: string; readonly contacts: number }[];
}

const time = (iso: string): number => Date.parse(iso);

/** Each person's first contact among `contacts`, for a caller that holds them all. */
export function firstContactTimes(contacts: readonly ContactRecord[]): Map<string, string> {
  const first = new Map<string, string>();
  for (const c of contacts) {
    if (c.clientId == null) continue;
    const held = first.get(c.clientId);
    if (held === undefined || time(c.at) < time(held)) first.set(c.clientId, c.at);
  }
  return first;
}

// One formatter per time zone: making one costs far more than using it.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let made = formatters.get(timeZone);
  if (made === undefined) {
    made = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, made);
  }
  return made;
}

interface LocalTime {
  readonly weekday: number;
  readonly hour: number;
  readonly date: string;
}

// Every zone's offset is a whole number of quarter hours, so the local weekday, hour and date
// are the same across a UTC quarter hour: worked out once per quarter hour and zone.
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const localTimes = new Map<string, LocalTime>();

/** Local weekday (0 = Sunday), hour and date of `iso` in `timeZone`. */
function local(iso: string, timeZone: string): LocalTime {
  const bucket = Math.floor(Date.parse(iso) / QUARTER_HOUR_MS);
  const key = `${timeZone} ${bucket}`;
  const known = localTimes.get(key);
  if (known !== undefined) return known;
  const parts = formatter(timeZone).formatToParts(new Date(bucket * QUARTER_HOUR_MS));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  const made = { weekday, hour: Number(get('hour')), date: `${get('year')}-${get('month')}-${get('day')}` };
  if (localTimes.size > 100_000) localTimes.clear();
  localTimes.set(key, made);
  return made;
}

export function isOutOfHours(iso: string, timeZone: string): boolean {
  const { weekday, hour } = local(iso, timeZone);
  return weekday === 0 || weekday === 6 || hour < 9 || hour >= 17;
}

/** The Monday (YYYY-MM-DD, local) of the week `iso` falls in. */
function weekStart(iso: string, timeZone: string): string {
  const { weekday, date } = local(iso, timeZone);
  const [y, m, d] = date.split('-').map(Number);
  const monday = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - ((weekday + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

const countBy = <K extends string>(keys: readonly K[]): Map<K, number> => {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

/** The period's figures for `scope`. */
export function buildReport(records: ReportRecords, scope: ReportScope): Report {
  const [from, to] = [time(scope.from), time(scope.to)];
  const inPeriod = (iso: string) => time(iso) >= from && time(iso) < to;
  const byWorker = (createdBy: string) => scope.workerId === undefined || createdBy === scope.workerId;
  const contacts = records.contacts.filter((c) => inPeriod(c.at) && (scope.area === undefined || c.area === scope.area) && byWorker(c.createdBy));
  const known = contacts.filter((c) => c.clientId != null);
  const people = new Set(known.map((c) => c.clientId as string));
  const fresh = [...people].filter((id) => {
    const first = records.firstContactAt.get(id);
    return first !== undefined && inPeriod(first);
  }).length;

  const corrected = new Set(records.assessments.flatMap((a) => (a.corrects == null ? [] : [a.corrects])));
  const latest = new Map<string, AssessmentRecord>();
  for (const a of records.assessments) {
    if (corrected.has(a.id) || !inPeriod(a.assessedAt) || !byWorker(a.createdBy)) continue;
    const held = latest.get(a.clientId);
    if (held === undefined || time(a.assessedAt) > time(held.assessedAt) || (a.assessedAt === held.assessedAt && a.id > held.id)) latest.set(a.clientId, a);
  }
  const needs = needDomainSchema.options.map((domain) => {
    const levels = [...latest.values()].map((a) => a.domains[domain]?.need);
    return { domain, some: levels.filter((l) => l === 'some').length, urgent: levels.filter((l) => l === 'urgent').length };
  });

  const referrals = records.referrals.filter((r) => inPeriod(r.createdAt) && byWorker(r.createdBy));
  const agencies = countBy(referrals.map((r) => r.agencyId));
  const statuses = countBy(referrals.map((r) => r.status));
  const appointments = records.appointments.filter((a) => inPeriod(a.at) && byWorker(a.createdBy));
  const nrm = records.nrmReferrals.filter((r) => inPeriod(`${r.referredOn}T12:00:00Z`) && byWorker(r.createdBy));
  const consentsGiven = (kind: ConsentRecord['kind']) => records.consents.filter((c) => c.kind === kind && c.decision === 'given' && inPeriod(c.decidedAt) && byWorker(c.createdBy)).length;

  const supplies: Supplies = { condoms: 0, needles: 0, naloxone: 0, food: 0, hygienePacks: 0 };
  for (const c of contacts) for (const kind of Object.keys(supplies) as (keyof Supplies)[]) supplies[kind] += c.supplies[kind];
  const weeks = countBy(contacts.map((c) => weekStart(c.at, scope.timeZone)));

  return {
    contacts: {
      total: contacts.length,
      known: known.length,
      anonymous: contacts.length - known.length,
      outOfHours: contacts.filter((c) => isOutOfHours(c.at, scope.timeZone)).length,
      buildingTrust: contacts.filter((c) => c.outcome === 'building_trust').length,
      byKind: contactKindSchema.options.map((kind) => ({ kind, count: contacts.filter((c) => c.kind === kind).length })).filter((k) => k.count > 0),
    },
    people: { unique: people.size, new: fresh, returning: people.size - fresh },
    needs,
    referrals: {
      total: referrals.length,
      byAgency: [...agencies].map(([agencyId, count]) => ({ agencyId, count })).sort((a, b) => b.count - a.count || a.agencyId.localeCompare(b.agencyId)),
      byStatus: referralStatusSchema.options.map((status) => ({ status, count: statuses.get(status) ?? 0 })).filter((s) => s.count > 0),
    },
    appointments: {
      due: appointments.length,
      attended: appointments.filter((a) => a.status === 'attended').length,
      missed: appointments.filter((a) => a.status === 'missed').length,
      stillBooked: appointments.filter((a) => a.status === 'booked').length,
      accompanied: appointments.filter((a) => a.accompaniedBy != null).length,
    },
    legal: {
      nrmReferrals: nrm.length,
      nrmByStatus: nrmStatusSchema.options.map((status) => ({ status, count: nrm.filter((r) => r.status === status).length })).filter((s) => s.count > 0),
      dutyToNotify: consentsGiven('duty_to_notify') + records.dutyToNotify.filter((d) => inPeriod(`${d.notifiedOn}T12:00:00Z`) && byWorker(d.createdBy)).length,
      childSafeguarding: consentsGiven('child_safeguarding'),
    },
    supplies,
    weekly: [...weeks].map(([start, count]) => ({ weekStart: start, contacts: count })).sort((a, b) => a.weekStart.localeCompare(b.weekStart)),
  };
}

/** 1 to 4 shown as "<5" (a count that small can point at a person); 0 and 5 or more as they are. */
export function suppressSmall(n: number): string {
  return n > 0 && n < 5 ? '<5' : String(n);
}

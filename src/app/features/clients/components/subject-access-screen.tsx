/**
 * A person's own copy of everything Lantern holds about them (subject access), as a page a
 * team lead prints or saves for them, and as JSON. Staff and agency names are looked up on
 * this device. Needs signal: the server's copy is the complete one. Loaded only when opened.
 */
import { useEffect, useMemo, useState } from 'react';
import type { SubjectAccess, SubjectAccessRecords } from '../../../../shared/api/subject-access';
import { downloadText } from '../../../components/csv';
import {
  appointmentStatusLabels,
  auditActionLabels,
  clientFieldLabels,
  consentKindLabels,
  consentMethodLabels,
  contactKindLabels,
  exploitationKindLabels,
  followUpReasonLabels,
  needDomainLabels,
  needLevelLabels,
  nrmStatusLabels,
  outcomeLabels,
  referralStatusLabels,
  safetyFlagLabels,
  traffickingCueLabels,
} from '../../../components/labels';
import { describeLanguage } from '../../../components/languages';
import { describeDataRightsFailure, subjectAccess } from '../../../stores/data-rights';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { useDirectoryNames } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';
import { formatDateTime } from '../../../i18n/format';
import type { MessageId } from '../../../i18n/locales/en';

const when = (iso: string) => formatDateTime(iso);
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields that are bookkeeping, not something about the person. */
const SKIP = new Set(['id', 'teamId', 'clientId', 'clocks', 'corrects', 'supersedes', 'consentId', 'contactId', 'appointmentId', 'referralId', 'followUpId', 'encounterId']);

/** Record fields by name; a profile field not here is named by `clientFieldLabels`. */
const FIELD_WORDS: Readonly<Record<string, MessageId>> = {
  createdAt: 'clients.access.field.createdAt',
  createdBy: 'clients.access.field.createdBy',
  updatedAt: 'clients.access.field.updatedAt',
  decidedAt: 'clients.access.field.decidedAt',
  assessedAt: 'clients.access.field.assessedAt',
  at: 'clients.access.field.at',
  agencyId: 'clients.access.field.agencyId',
  assigneeId: 'clients.access.field.assigneeId',
  completedBy: 'clients.access.field.completedBy',
  completedAt: 'clients.access.field.completedAt',
  dueAt: 'clients.access.field.dueAt',
  consentedSummary: 'clients.access.field.consentedSummary',
  sharedFields: 'clients.access.field.sharedFields',
  explanationGiven: 'clients.access.field.explanationGiven',
  accompaniedBy: 'clients.access.field.accompaniedBy',
  area: 'clients.access.field.area',
  body: 'clients.access.field.body',
  cues: 'clients.access.field.cues',
  decision: 'clients.access.field.decision',
  decisions: 'clients.access.field.decisions',
  domains: 'clients.access.field.domains',
  firstResponder: 'clients.access.field.firstResponder',
  history: 'clients.access.field.history',
  kind: 'clients.access.field.kind',
  level: 'clients.access.field.level',
  method: 'clients.access.field.method',
  need: 'clients.access.field.need',
  notes: 'clients.access.field.notes',
  nrmReferralId: 'clients.access.field.nrmReferralId',
  observedAt: 'clients.access.field.observedAt',
  outcome: 'clients.access.field.outcome',
  place: 'clients.access.field.place',
  purpose: 'clients.access.field.purpose',
  reason: 'clients.access.field.reason',
  reference: 'clients.access.field.reference',
  referredOn: 'clients.access.field.referredOn',
  rescheduledTo: 'clients.access.field.rescheduledTo',
  route: 'clients.access.field.route',
  status: 'clients.access.field.status',
  summary: 'clients.access.field.summary',
  supplies: 'clients.access.field.supplies',
  urgency: 'clients.access.field.urgency',
};

/** Supplies handed out, in the words of "condoms: 3". */
const SUPPLY_WORDS: Readonly<Record<string, MessageId>> = {
  condoms: 'clients.access.supply.condoms',
  needles: 'clients.access.supply.needles',
  naloxone: 'clients.access.supply.naloxone',
  food: 'clients.access.supply.food',
  hygienePacks: 'clients.access.supply.hygienePacks',
};

/**
 * Stored values in words, read when shown (the language may change). Where two maps name
 * the same value, the one listed first wins.
 */
const valueWordMaps = (): readonly Readonly<Record<string, string>>[] => [
  needLevelLabels,
  safetyFlagLabels,
  outcomeLabels,
  followUpReasonLabels,
  appointmentStatusLabels,
  referralStatusLabels,
  nrmStatusLabels,
  traffickingCueLabels,
  exploitationKindLabels,
  contactKindLabels,
  consentKindLabels,
  consentMethodLabels,
];

function valueWords(value: string): string {
  for (const labels of valueWordMaps()) {
    const label = Object.hasOwn(labels, value) ? labels[value] : undefined;
    if (label !== undefined) return label;
  }
  return value;
}

/** A message by id from `ids`, if it has one for `key`. */
const wordsFrom = (ids: Readonly<Record<string, MessageId>>, key: string): string | undefined => {
  const id = Object.hasOwn(ids, key) ? ids[key] : undefined;
  return id === undefined ? undefined : t(id);
};

const profileFieldWords = (field: string): string | undefined =>
  Object.hasOwn(clientFieldLabels, field) ? (clientFieldLabels as Readonly<Record<string, string>>)[field] : undefined;

/** "keyWorkerId" → "Key worker id": the fallback for a field with no label. */
const words = (field: string) =>
  wordsFrom(FIELD_WORDS, field) ??
  profileFieldWords(field) ??
  field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).toLowerCase().replace(/^./, (c) => c.toUpperCase());

export interface Names {
  readonly staff: ReadonlyMap<string, string>;
  readonly agencies: ReadonlyMap<string, string>;
}

/** One value of a person's copy, in words. Exported for its test. */
export function shown(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? t('clients.access.yes') : t('clients.access.no');
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field === 'agencyId') return names.agencies.get(value) ?? t('clients.access.anAgency');
    if (field.endsWith('By') || field === 'assigneeId' || field === 'keyWorkerId') return names.staff.get(value) ?? t('clients.access.aStaffMember');
    if (ISO_TIME.test(value)) return when(value);
    if (field === 'decision') return t('clientStory.consentDecision', { decision: value });
    if (field === 'languages' || field === 'preferredLanguage') return describeLanguage(value);
    return valueWords(value);
  }
  // A lifecycle's history: each change, when it was made (before the general list, whose items it is not).
  if (field === 'history' && Array.isArray(value)) {
    return (value as { status?: string; at?: string }[]).map((h) => `${shown('status', h.status, names)} ${h.at ? when(h.at) : ''}`).join('; ') || '—';
  }
  if (Array.isArray(value)) return value.map((v) => shown(field, v, names)).join(', ') || '—';
  if (field === 'domains') {
    return Object.entries(value as Record<string, { need: string; notes?: string }>)
      .map(([domain, a]) => `${needDomainLabels[domain as keyof typeof needDomainLabels] ?? domain}: ${needLevelLabels[a.need as keyof typeof needLevelLabels] ?? a.need}${a.notes ? ` — ${a.notes}` : ''}`)
      .join('; ');
  }
  if (field === 'supplies') {
    return (
      Object.entries(value as Record<string, number>)
        .filter(([, n]) => n > 0)
        .map(([kind, n]) => `${wordsFrom(SUPPLY_WORDS, kind) ?? words(kind).toLowerCase()}: ${n}`)
        .join(', ') || t('clients.access.noSupplies')
    );
  }
  if (typeof value === 'object') {
    // A record inside the record (an NRM referral's decisions): each field, named, in words.
    return (
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([key, v]) => `${words(key)}: ${shown(key, v, names)}`)
        .join('; ') || '—'
    );
  }
  return JSON.stringify(value);
}

function Fields({ record, names }: { record: Readonly<Record<string, unknown>>; names: Names }) {
  return (
    <dl className="card">
      {Object.entries(record)
        .filter(([field, value]) => !SKIP.has(field) && value !== undefined)
        .map(([field, value]) => (
          <div key={field} className="access-field">
            <dt className="hint">{words(field)}</dt>
            <dd>{shown(field, value, names)}</dd>
          </div>
        ))}
    </dl>
  );
}

const SECTIONS: readonly [keyof SubjectAccessRecords, MessageId][] = [
  ['consents', 'clients.access.section.consents'],
  ['contacts', 'clients.access.section.contacts'],
  ['assessments', 'clients.access.section.assessments'],
  ['notes', 'clients.access.section.notes'],
  ['referrals', 'clients.access.section.referrals'],
  ['appointments', 'clients.access.section.appointments'],
  ['followUps', 'clients.access.section.followUps'],
  ['observations', 'clients.access.section.observations'],
  ['nrmReferrals', 'clients.access.section.nrmReferrals'],
];

function AccessDocument({ copy, names }: { copy: SubjectAccess; names: Names }) {
  const me = useSessionStore((s) => s.user);
  return (
    <article aria-labelledby="access-heading" className="subject-access">
      <h1 id="access-heading">{t('clients.access.heading', { alias: copy.person.alias })}</h1>
      <p>{t('clients.access.madeOn', { date: when(copy.generatedAt), name: me?.name ?? t('clients.access.aTeamLead'), alias: copy.person.alias })}</p>
      <section aria-labelledby="access-profile">
        <h2 id="access-profile">{t('clients.access.profile')}</h2>
        <Fields record={copy.person} names={names} />
      </section>
      {SECTIONS.map(([collection, title]) => {
        const records = copy.records[collection] as readonly Record<string, unknown>[];
        return (
          <section key={collection} aria-labelledby={`access-${collection}`}>
            <h2 id={`access-${collection}`}>
              {t(title)} ({records.length})
            </h2>
            {records.length === 0 ? <p className="hint">{t('clients.access.none')}</p> : records.map((record) => <Fields key={String(record.id)} record={record} names={names} />)}
          </section>
        );
      })}
      <section aria-labelledby="access-history">
        <h2 id="access-history">{t('clients.access.history')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('clients.access.when')}</th>
              <th scope="col">{t('clients.access.who')}</th>
              <th scope="col">{t('clients.access.what')}</th>
            </tr>
          </thead>
          <tbody>
            {copy.history.map((event, i) => (
              <tr key={i}>
                <td>{when(event.at)}</td>
                <td>{event.userId === null ? t('clients.access.lantern') : (names.staff.get(event.userId) ?? t('clients.access.aStaffMember'))}</td>
                <td>{auditActionLabels[event.action] ?? event.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}

/** Team leads: a person's own copy of their data, to print or save for them. */
export function SubjectAccessScreen({ clientId }: { clientId: string }) {
  const navigate = useRouteStore((s) => s.navigate);
  const [copy, setCopy] = useState<SubjectAccess | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const directory = useDirectoryNames();
  const names = useMemo<Names>(() => directory ?? { staff: new Map(), agencies: new Map() }, [directory]);

  useEffect(() => {
    let live = true;
    subjectAccess(clientId).then(
      (answer) => live && setCopy(answer),
      (error: unknown) => live && setFailure(describeDataRightsFailure(error, t('clients.access.needsSignal'))),
    );
    return () => {
      live = false;
    };
  }, [clientId]);

  const save = () => {
    if (copy === null) return;
    downloadText(`${JSON.stringify(copy, null, 2)}\n`, `lantern-their-data-${copy.generatedAt.slice(0, 10)}.json`, 'application/json');
  };

  return (
    <section aria-label={t('clients.access.pageLabel')}>
      <div className="button-row no-print">
        <button type="button" onClick={() => navigate({ screen: 'client', clientId })}>
          {t('clients.access.back')}
        </button>
        <button type="button" className="primary" disabled={copy === null} onClick={() => window.print()}>
          {t('clients.access.print')}
        </button>
        <button type="button" disabled={copy === null} onClick={save}>
          {t('clients.access.saveJson')}
        </button>
      </div>
      {failure !== null && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {copy === null && failure === null && <p role="status">{t('clients.access.gathering')}</p>}
      {copy !== null && <AccessDocument copy={copy} names={names} />}
    </section>
  );
}

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
  followUpReasonLabels,
  needDomainLabels,
  needLevelLabels,
  outcomeLabels,
  referralStatusLabels,
  safetyFlagLabels,
} from '../../../components/labels';
import { describeDataRightsFailure, subjectAccess } from '../../../stores/data-rights';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { useDirectoryNames } from '../hooks/use-clients';

const when = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** Fields that are bookkeeping, not something about the person. */
const SKIP = new Set(['id', 'teamId', 'clientId', 'clocks', 'corrects', 'supersedes', 'consentId', 'contactId', 'appointmentId', 'referralId', 'followUpId', 'encounterId']);

const FIELD_WORDS: Record<string, string> = {
  ...clientFieldLabels,
  createdAt: 'Recorded',
  createdBy: 'Recorded by',
  updatedAt: 'Last changed',
  decidedAt: 'Decided',
  assessedAt: 'Assessed',
  at: 'When',
  agencyId: 'Agency',
  assigneeId: 'Assigned to',
  completedBy: 'Completed by',
  completedAt: 'Completed',
  dueAt: 'Due',
  consentedSummary: 'What was shared',
  sharedFields: 'Details shared',
  explanationGiven: 'Explained first',
};

const VALUE_WORDS: Record<string, string> = {
  ...referralStatusLabels,
  ...appointmentStatusLabels,
  ...followUpReasonLabels,
  ...outcomeLabels,
  ...safetyFlagLabels,
  ...needLevelLabels,
};

/** "keyWorkerId" → "Key worker id": the fallback for a field with no label. */
const words = (field: string) => FIELD_WORDS[field] ?? field.replace(/([A-Z])/g, ' $1').replace(/^./, (c) => c.toUpperCase()).toLowerCase().replace(/^./, (c) => c.toUpperCase());

interface Names {
  readonly staff: ReadonlyMap<string, string>;
  readonly agencies: ReadonlyMap<string, string>;
}

function shown(field: string, value: unknown, names: Names): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (field === 'agencyId') return names.agencies.get(value) ?? 'An agency';
    if (field.endsWith('By') || field === 'assigneeId' || field === 'keyWorkerId') return names.staff.get(value) ?? 'A member of staff';
    if (ISO_TIME.test(value)) return when(value);
    return VALUE_WORDS[value] ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => shown(field, v, names)).join(', ') || '—';
  if (field === 'domains') {
    return Object.entries(value as Record<string, { need: string; notes?: string }>)
      .map(([domain, a]) => `${needDomainLabels[domain as keyof typeof needDomainLabels] ?? domain}: ${needLevelLabels[a.need as keyof typeof needLevelLabels] ?? a.need}${a.notes ? ` — ${a.notes}` : ''}`)
      .join('; ');
  }
  if (field === 'supplies') {
    return Object.entries(value as Record<string, number>).filter(([, n]) => n > 0).map(([kind, n]) => `${words(kind).toLowerCase()}: ${n}`).join(', ') || 'none';
  }
  if (field === 'history') return (value as { status?: string; at?: string }[]).map((h) => `${shown('status', h.status, names)} ${h.at ? when(h.at) : ''}`).join('; ');
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

const SECTIONS: [keyof SubjectAccessRecords, string][] = [
  ['consents', 'Consent they gave or withdrew'],
  ['contacts', 'Times we met'],
  ['assessments', 'What they told us they needed'],
  ['notes', 'Notes'],
  ['referrals', 'Referrals'],
  ['appointments', 'Appointments'],
  ['followUps', 'Follow-ups'],
  ['observations', 'What workers noticed'],
  ['nrmReferrals', 'National Referral Mechanism'],
];

function AccessDocument({ copy, names }: { copy: SubjectAccess; names: Names }) {
  const me = useSessionStore((s) => s.user);
  return (
    <article aria-labelledby="access-heading" className="subject-access">
      <h1 id="access-heading">What Lantern holds about {copy.person.alias}</h1>
      <p>
        Made on {when(copy.generatedAt)} by {me?.name ?? 'a team lead'}, for {copy.person.alias}. It holds every record Lantern keeps about
        them, and who recorded or looked at each record and when.
      </p>
      <section aria-labelledby="access-profile">
        <h2 id="access-profile">Their profile</h2>
        <Fields record={copy.person} names={names} />
      </section>
      {SECTIONS.map(([collection, title]) => {
        const records = copy.records[collection] as readonly Record<string, unknown>[];
        return (
          <section key={collection} aria-labelledby={`access-${collection}`}>
            <h2 id={`access-${collection}`}>
              {title} ({records.length})
            </h2>
            {records.length === 0 ? <p className="hint">None.</p> : records.map((record) => <Fields key={String(record.id)} record={record} names={names} />)}
          </section>
        );
      })}
      <section aria-labelledby="access-history">
        <h2 id="access-history">Who recorded or looked at their records</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
            </tr>
          </thead>
          <tbody>
            {copy.history.map((event, i) => (
              <tr key={i}>
                <td>{when(event.at)}</td>
                <td>{event.userId === null ? 'Lantern' : (names.staff.get(event.userId) ?? 'A member of staff')}</td>
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
      (error: unknown) => live && setFailure(describeDataRightsFailure(error, 'their copy comes from the server, which holds everything, and needs signal.')),
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
    <section aria-label="Their own copy">
      <div className="button-row no-print">
        <button type="button" onClick={() => navigate({ screen: 'client', clientId })}>
          Back to their page
        </button>
        <button type="button" className="primary" disabled={copy === null} onClick={() => window.print()}>
          Print
        </button>
        <button type="button" disabled={copy === null} onClick={save}>
          Save as JSON
        </button>
      </div>
      {failure !== null && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      {copy === null && failure === null && <p role="status">Gathering everything held about them…</p>}
      {copy !== null && <AccessDocument copy={copy} names={names} />}
    </section>
  );
}

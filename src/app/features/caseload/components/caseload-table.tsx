import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { CaseloadRow, CaseloadSort, CaseloadSortKey } from '../../../../shared/domain/caseload';
import type { UserRecord } from '../../../../shared/domain/people';
import { needDomainLabels, nrmStatusLabels, safetyFlagLabels } from '../../../components/labels';
import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';
import { useRouteStore } from '../../../stores/route-store';
import { describeLastContact, describeMissed, describeNextAppointment, describeReferrals } from '../caseload-view-model';

/** Gives a person a key worker (or none). */
export type AssignKeyWorker = (clientId: string, keyWorkerId: string | null) => Promise<void>;

/** The columns, each with the id of its heading (worded where it renders: `t(label)`). */
export const caseloadColumns: readonly { key: CaseloadSortKey; label: MessageId }[] = [
  { key: 'alias', label: 'caseload.column.person' },
  { key: 'keyWorker', label: 'caseload.column.keyWorker' },
  { key: 'lastContact', label: 'caseload.column.lastContact' },
  { key: 'urgentNeeds', label: 'caseload.column.urgentNeeds' },
  { key: 'openReferrals', label: 'caseload.column.openReferrals' },
  { key: 'nextAppointment', label: 'caseload.column.nextAppointment' },
  { key: 'missedAppointments', label: 'caseload.column.missedAppointments' },
  { key: 'openFollowUps', label: 'caseload.column.openFollowUps' },
  { key: 'safetyFlags', label: 'caseload.column.safetyFlags' },
];

/** The sorted column's mark (hidden from screen readers, which read aria-sort). */
const sortMarks = { ascending: ' ▲', descending: ' ▼' } as const;

/** Key workers a lead may choose: active workers and leads (peers are not key workers). */
const keyWorkerChoices = (members: readonly UserRecord[]) => members.filter((m) => m.active !== false && m.role !== 'peer_volunteer');

function KeyWorkerCell({ row, members, names, onAssign }: { row: CaseloadRow; members: readonly UserRecord[]; names: ReadonlyMap<string, string>; onAssign: AssignKeyWorker }) {
  const [failure, setFailure] = useState<string | null>(null);
  const choices = keyWorkerChoices(members);
  const current = row.keyWorkerId;
  const change = async (value: string) => {
    setFailure(null);
    try {
      await onAssign(row.clientId, value === '' ? null : value);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('caseload.table.assignFailed'));
    }
  };
  return (
    <>
      <select aria-label={t('caseload.table.keyWorkerFor', { alias: row.alias })} value={current ?? ''} onChange={(e) => void change(e.target.value)}>
        <option value="">{t('caseload.table.noKeyWorker')}</option>
        {current !== null && !choices.some((m) => m.id === current) && <option value={current}>{names.get(current) ?? t('caseload.table.formerMember')}</option>}
        {choices.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

function Cells({ row, members, names, now, onAssign }: { row: CaseloadRow; members: readonly UserRecord[]; names: ReadonlyMap<string, string>; now: Date; onAssign: AssignKeyWorker }) {
  const navigate = useRouteStore((s) => s.navigate);
  const seen = describeLastContact(row.lastContactAt, now);
  return (
    <>
      <th scope="row" data-label={t('caseload.column.person')}>
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'client', clientId: row.clientId })}>
          {row.alias}
        </button>
      </th>
      <td data-label={t('caseload.column.keyWorker')}>
        <KeyWorkerCell row={row} members={members} names={names} onAssign={onAssign} />
      </td>
      <td data-label={t('caseload.column.lastContact')} className={seen.warn ? 'caseload-warn' : undefined}>
        {seen.text}
        {seen.warn && <span className="tag">{t('caseload.table.checkIn')}</span>}
      </td>
      <td data-label={t('caseload.column.urgentNeeds')}>
        {row.urgentNeeds.length === 0
          ? t('caseload.table.noUrgentNeeds')
          : row.urgentNeeds.map((domain) => (
              <span key={domain} className="caseload-need">
                {needDomainLabels[domain]}
                {row.urgentWithoutReferral.includes(domain) && <span className="tag">{t('caseload.table.noReferral')}</span>}
              </span>
            ))}
      </td>
      <td data-label={t('caseload.column.openReferrals')}>
        {describeReferrals(row, now)}
        {row.nrm !== null && <span className="caseload-need">{t('caseload.table.nrm', { status: nrmStatusLabels[row.nrm] })}</span>}
      </td>
      <td data-label={t('caseload.column.nextAppointment')}>{describeNextAppointment(row.nextAppointmentAt)}</td>
      <td data-label={t('caseload.column.missedAppointments')} className={row.missedWithoutFollowUpDone > 0 ? 'caseload-warn' : undefined}>
        {describeMissed(row)}
      </td>
      <td data-label={t('caseload.column.openFollowUps')}>{row.openFollowUps}</td>
      <td data-label={t('caseload.column.safetyFlags')}>{row.safetyFlags.length === 0 ? t('caseload.table.noSafetyFlags') : row.safetyFlags.map((f) => safetyFlagLabels[f]).join(', ')}</td>
    </>
  );
}

export interface CaseloadTableProps {
  readonly rows: readonly CaseloadRow[];
  readonly members: readonly UserRecord[];
  readonly names: ReadonlyMap<string, string>;
  /** What ages and "next appointment" are measured from. */
  readonly now: Date;
  readonly sort: CaseloadSort;
  readonly onSort: (key: CaseloadSortKey) => void;
  readonly onAssign: AssignKeyWorker;
}

/** The caseload as a table: virtualised rows, sortable column headers, one card per person on a phone (CSS). */
export function CaseloadTable({ rows, members, names, now, sort, onSort, onAssign }: CaseloadTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 64,
    overscan: 10,
    // Before layout (first paint, tests) assume a laptop-sized window, so rows show at once.
    initialRect: { width: 1280, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    // The box must have a height of its own for only the visible rows to be rendered; kept
    // here, not only in the style sheet, since the virtualiser depends on it.
    <div ref={scrollRef} className="caseload-scroll" style={{ maxHeight: '70vh', overflow: 'auto' }} tabIndex={0} role="region" aria-label={t('caseload.table.label')}>
      <table className="caseload-table" aria-rowcount={rows.length + 1}>
        <caption className="visually-hidden">{t('caseload.table.caption')}</caption>
        <thead>
          <tr aria-rowindex={1}>
            {caseloadColumns.map((c) => (
              <th key={c.key} scope="col" aria-sort={sort.key === c.key ? sort.direction : undefined}>
                <button type="button" className="link-button" onClick={() => onSort(c.key)}>
                  {t(c.label)}
                  {sort.key === c.key && <span aria-hidden="true">{sortMarks[sort.direction]}</span>}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true" className="caseload-spacer">
              <td colSpan={caseloadColumns.length} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (row === undefined) return null;
            return (
              <tr key={row.clientId} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={item.index + 2}>
                <Cells row={row} members={members} names={names} now={now} onAssign={onAssign} />
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true" className="caseload-spacer">
              <td colSpan={caseloadColumns.length} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}


import type { AgencyRecord } from '../../../../shared/domain/agency';
import { isOpenAt } from '../../../../shared/domain/opening-hours';
import { hasDropIn } from '../../../components/agency-filters';
import { describeHoursOn, describeWeek } from '../../../components/agency-hours';
import { needDomainLabels } from '../../../components/labels';

const features = (agency: AgencyRecord): string[] =>
  [
    hasDropIn(agency) ? 'Drop-in' : null,
    agency.outOfHours ? 'Out of hours' : null,
    agency.fastTrack ? 'Fast-track' : null,
    agency.womenOnly ? 'Women-only' : null,
    agency.transInclusive ? 'Trans-inclusive' : null,
    agency.noIdNeeded ? 'No ID or address needed' : null,
    agency.interpretersAvailable ? 'Interpreters' : null,
    agency.acceptsAccompanied ? 'Accompanied clients welcome' : null,
  ].filter((f) => f !== null);

/** What a team lead may do with a card: edit it, archive or restore it. */
export interface AgencyCardActions {
  readonly onEdit: () => void;
  readonly onArchive: (archived: boolean) => void;
}

/** One agency: open or closed right now (worked out on the device), today's hours, how to refer. */
export function AgencyCard({ agency, now, actions }: { agency: AgencyRecord; now: Date; actions?: AgencyCardActions }) {
  const open = isOpenAt(agency.openingHours, now);
  const headingId = `agency-${agency.id}`;
  return (
    <li className="card agency">
      <h2 id={headingId}>
        {agency.name}
        {agency.isExample && <span className="tag example-tag"> Example</span>}
        {agency.archived === true && <span className="tag"> Archived</span>}
      </h2>
      <p className={open ? 'open-state open' : 'open-state closed'}>{open ? 'Open now' : 'Closed'}</p>
      <dl className="agency-details">
        <dt className="hint">Today</dt>
        <dd>{describeHoursOn(agency.openingHours, now)}</dd>
        {agency.openingHours.length > 0 && (
          <>
            <dt className="hint">Every week</dt>
            <dd>
              <ul className="week-hours" aria-label={`Opening hours of ${agency.name}`}>
                {describeWeek(agency.openingHours).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {agency.services.length > 0 && (
          <>
            <dt className="hint">Services</dt>
            <dd>{agency.services.map((s) => needDomainLabels[s]).join(' · ')}</dd>
          </>
        )}
        {features(agency).length > 0 && (
          <>
            <dt className="hint">Access</dt>
            <dd>{features(agency).join(' · ')}</dd>
          </>
        )}
        <dt className="hint">How to refer</dt>
        <dd>{agency.howToRefer || 'Ask the agency'}</dd>
        {agency.phone && (
          <>
            <dt className="hint">Phone</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>{agency.phone}</a>
            </dd>
          </>
        )}
        {agency.address && (
          <>
            <dt className="hint">Address</dt>
            <dd>{agency.address}</dd>
          </>
        )}
      </dl>
      {actions && (
        <div className="button-row">
          <button type="button" onClick={actions.onEdit} aria-label={`Edit ${agency.name}`}>
            Edit
          </button>
          <button type="button" onClick={() => actions.onArchive(agency.archived !== true)} aria-label={`${agency.archived === true ? 'Restore' : 'Archive'} ${agency.name}`}>
            {agency.archived === true ? 'Restore' : 'Archive'}
          </button>
        </div>
      )}
    </li>
  );
}

import type { AgencyRecord } from '../../../../shared/domain/agency';
import { isOpenAt } from '../../../../shared/domain/opening-hours';
import { hasDropIn } from '../../../components/agency-filters';
import { describeHoursOn } from '../../../components/agency-hours';
import { needDomainLabels } from '../../../components/labels';

const features = (agency: AgencyRecord): string[] =>
  [
    hasDropIn(agency) ? 'Drop-in' : null,
    agency.outOfHours ? 'Out of hours' : null,
    agency.fastTrack ? 'Fast-track' : null,
    agency.womenOnly ? 'Women-only' : null,
    agency.transInclusive ? 'Trans-inclusive' : null,
  ].filter((f) => f !== null);

/** One agency: open or closed right now (worked out on the device), today's hours, how to refer. */
export function AgencyCard({ agency, now }: { agency: AgencyRecord; now: Date }) {
  const open = isOpenAt(agency.openingHours, now);
  const headingId = `agency-${agency.id}`;
  return (
    <li className="card agency">
      <h2 id={headingId}>
        {agency.name}
        {agency.isExample && <span className="tag example-tag"> Example</span>}
      </h2>
      <p className={open ? 'open-state open' : 'open-state closed'}>{open ? 'Open now' : 'Closed'}</p>
      <dl className="agency-details">
        <dt className="hint">Today</dt>
        <dd>{describeHoursOn(agency.openingHours, now)}</dd>
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
    </li>
  );
}

import { needDomainSchema } from '../../../../shared/domain/common';
import {
  activeAgencyFilterCount,
  agencyFlagFilterLabels,
  noAgencyFilters,
  toggleAgencyFlag,
  toggleAgencyNeed,
  type AgencyFilters,
  type AgencyFlagFilter,
} from '../../../components/agency-filters';
import { needDomainLabels } from '../../../components/labels';

const flags = Object.entries(agencyFlagFilterLabels) as Array<[AgencyFlagFilter, string]>;

interface AgencyFilterBarProps {
  readonly filters: AgencyFilters;
  readonly onChange: (filters: AgencyFilters) => void;
}

/** Toggle buttons (aria-pressed) for what matters tonight, and a chip per service. */
export function AgencyFilterBar({ filters, onChange }: AgencyFilterBarProps) {
  const active = activeAgencyFilterCount(filters);
  return (
    <div className="agency-filters">
      <div role="group" aria-label="Filter agencies" className="choice-row">
        {flags.map(([flag, label]) => (
          <button
            key={flag}
            type="button"
            aria-pressed={filters[flag]}
            onClick={() => onChange(toggleAgencyFlag(filters, flag))}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="group" aria-label="Services needed" className="choice-row chips">
        {needDomainSchema.options.map((need) => (
          <button
            key={need}
            type="button"
            className="chip"
            aria-pressed={filters.needs.includes(need)}
            onClick={() => onChange(toggleAgencyNeed(filters, need))}
          >
            {needDomainLabels[need]}
          </button>
        ))}
      </div>
      {active > 0 && (
        <button type="button" className="link-button" onClick={() => onChange(noAgencyFilters)}>
          Clear {active === 1 ? 'filter' : `${active} filters`}
        </button>
      )}
    </div>
  );
}

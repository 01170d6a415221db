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
import { t } from '../../../i18n/i18n';

/** The flag filters with their labels, read when the bar renders (in the active language). */
const flags = (): Array<[AgencyFlagFilter, string]> => Object.entries(agencyFlagFilterLabels) as Array<[AgencyFlagFilter, string]>;

interface AgencyFilterBarProps {
  readonly filters: AgencyFilters;
  readonly onChange: (filters: AgencyFilters) => void;
}

/** Toggle buttons (aria-pressed) for what matters tonight, and a chip per service. */
export function AgencyFilterBar({ filters, onChange }: AgencyFilterBarProps) {
  const active = activeAgencyFilterCount(filters);
  return (
    <div className="agency-filters">
      <div role="group" aria-label={t('agencies.filters.label')} className="choice-row">
        {flags().map(([flag, label]) => (
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
      <div role="group" aria-label={t('agencies.filters.servicesLabel')} className="choice-row chips">
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
          {t('agencies.filters.clear', { count: active })}
        </button>
      )}
    </div>
  );
}

/**
 * Which agencies fit what the person in front of you needs right now. Pure, so the agency
 * directory and the encounter's referral step filter the same way, and "open now" is
 * computed on the device from the synced opening hours (no signal needed).
 */
import type { AgencyRecord } from '../../shared/domain/agency';
import type { NeedDomain } from '../../shared/domain/common';
import { isOpenAt } from '../../shared/domain/opening-hours';
import { translatedLabels } from './translated-labels';

export interface AgencyFilters {
  /** Has an opening session covering `now` (device local time). */
  readonly openNow: boolean;
  readonly outOfHours: boolean;
  /** Has at least one drop-in session (no appointment needed). */
  readonly dropIn: boolean;
  readonly fastTrack: boolean;
  readonly womenOnly: boolean;
  readonly transInclusive: boolean;
  /** Offers at least one of these services; empty means any service. */
  readonly needs: readonly NeedDomain[];
}

/** The yes/no filters, in the order the toggles are shown. */
export type AgencyFlagFilter = Exclude<keyof AgencyFilters, 'needs'>;

/** Each toggle's name, in the active language (read when shown). */
export const agencyFlagFilterLabels: Readonly<Record<AgencyFlagFilter, string>> = translatedLabels({
  openNow: 'common.agencyFilter.openNow',
  outOfHours: 'common.agencyFilter.outOfHours',
  dropIn: 'common.agencyFilter.dropIn',
  fastTrack: 'common.agencyFilter.fastTrack',
  womenOnly: 'common.agencyFilter.womenOnly',
  transInclusive: 'common.agencyFilter.transInclusive',
});

export const noAgencyFilters: AgencyFilters = {
  openNow: false,
  outOfHours: false,
  dropIn: false,
  fastTrack: false,
  womenOnly: false,
  transInclusive: false,
  needs: [],
};

type FilterableAgency = Pick<
  AgencyRecord,
  'services' | 'openingHours' | 'outOfHours' | 'fastTrack' | 'womenOnly' | 'transInclusive'
>;

export function hasDropIn(agency: Pick<AgencyRecord, 'openingHours'>): boolean {
  return agency.openingHours.some((session) => session.dropIn);
}

/** Whether one agency passes every filter that is switched on. */
export function agencyMatches(agency: FilterableAgency, filters: AgencyFilters, now: Date): boolean {
  if (filters.openNow && !isOpenAt(agency.openingHours, now)) return false;
  if (filters.outOfHours && !agency.outOfHours) return false;
  if (filters.dropIn && !hasDropIn(agency)) return false;
  if (filters.fastTrack && !agency.fastTrack) return false;
  if (filters.womenOnly && !agency.womenOnly) return false;
  if (filters.transInclusive && !agency.transInclusive) return false;
  if (filters.needs.length > 0 && !filters.needs.some((need) => agency.services.includes(need))) return false;
  return true;
}

/** The agencies that pass every filter switched on, in the order given. */
export function filterAgencies<A extends FilterableAgency>(agencies: readonly A[], filters: AgencyFilters, now: Date): A[] {
  return agencies.filter((agency) => agencyMatches(agency, filters, now));
}

/** Switches one yes/no filter. */
export function toggleAgencyFlag(filters: AgencyFilters, flag: AgencyFlagFilter): AgencyFilters {
  return { ...filters, [flag]: !filters[flag] };
}

/** Adds or removes a service from the needs filter. */
export function toggleAgencyNeed(filters: AgencyFilters, need: NeedDomain): AgencyFilters {
  const needs = filters.needs.includes(need) ? filters.needs.filter((n) => n !== need) : [...filters.needs, need];
  return { ...filters, needs };
}

/** How many filters are switched on (for "3 filters on — clear"). */
export function activeAgencyFilterCount(filters: AgencyFilters): number {
  const flags = (Object.keys(agencyFlagFilterLabels) as AgencyFlagFilter[]).filter((flag) => filters[flag]).length;
  return flags + filters.needs.length;
}

import { testAgency } from './test-agency';
import { describe, expect, it } from 'vitest';
import {
  activeAgencyFilterCount,
  agencyMatches,
  filterAgencies,
  noAgencyFilters,
  toggleAgencyFlag,
  toggleAgencyNeed,
  type AgencyFilters,
} from './agency-filters';

// Local wall-clock times: a Wednesday evening at 22:30 and the same night at 01:00.
const wednesdayNight = new Date(2026, 10, 4, 22, 30);
const wed = wednesdayNight.getDay();
const earlyThursday = new Date(2026, 10, 5, 1, 0);

const agency = testAgency;

const clinic = agency('Night clinic', {
  services: ['sexual_health', 'gp_physical_health'],
  openingHours: [{ day: wed, opens: '20:00', closes: '02:00', dropIn: true }],
  outOfHours: true,
  transInclusive: true,
});
const housing = agency('Housing office', {
  services: ['housing'],
  openingHours: [{ day: wed, opens: '09:00', closes: '17:00', dropIn: false }],
  fastTrack: true,
});
const refuge = agency('Refuge', { services: ['domestic_abuse', 'housing'], womenOnly: true });
const all = [clinic, housing, refuge];

const names = (filters: Partial<AgencyFilters>, now = wednesdayNight) =>
  filterAgencies(all, { ...noAgencyFilters, ...filters }, now).map((a) => a.name);

describe('filterAgencies', () => {
  it('keeps every agency, in order, when no filter is on', () => {
    expect(names({})).toEqual(['Night clinic', 'Housing office', 'Refuge']);
  });

  it.each<[string, Partial<AgencyFilters>, string[]]>([
    ['open now', { openNow: true }, ['Night clinic']],
    ['out of hours', { outOfHours: true }, ['Night clinic']],
    ['drop-in', { dropIn: true }, ['Night clinic']],
    ['fast-track', { fastTrack: true }, ['Housing office']],
    ['women-only', { womenOnly: true }, ['Refuge']],
    ['trans-inclusive', { transInclusive: true }, ['Night clinic']],
    ['one need', { needs: ['housing'] }, ['Housing office', 'Refuge']],
    ['any of several needs', { needs: ['sexual_health', 'domestic_abuse'] }, ['Night clinic', 'Refuge']],
    ['a need nobody offers', { needs: ['immigration_nhs_entitlement'] }, []],
    ['filters combined (all must hold)', { needs: ['housing'], womenOnly: true }, ['Refuge']],
    ['open now and a need it lacks', { openNow: true, needs: ['housing'] }, []],
  ])('%s', (_label, filters, expected) => {
    expect(names(filters)).toEqual(expected);
  });

  it('counts an overnight session as open after midnight', () => {
    expect(names({ openNow: true }, earlyThursday)).toEqual(['Night clinic']);
  });

  it('is closed once the session has ended', () => {
    expect(agencyMatches(housing, { ...noAgencyFilters, openNow: true }, new Date(2026, 10, 4, 17, 0))).toBe(false);
    expect(agencyMatches(housing, { ...noAgencyFilters, openNow: true }, new Date(2026, 10, 4, 16, 59))).toBe(true);
  });
});

describe('filter toggles', () => {
  it('switch a flag on and off', () => {
    const on = toggleAgencyFlag(noAgencyFilters, 'dropIn');
    expect(on.dropIn).toBe(true);
    expect(toggleAgencyFlag(on, 'dropIn').dropIn).toBe(false);
  });

  it('add and remove a need without touching the rest', () => {
    const one = toggleAgencyNeed(toggleAgencyFlag(noAgencyFilters, 'openNow'), 'housing');
    expect(one).toMatchObject({ openNow: true, needs: ['housing'] });
    expect(toggleAgencyNeed(one, 'housing').needs).toEqual([]);
    expect(activeAgencyFilterCount(one)).toBe(2);
    expect(activeAgencyFilterCount(noAgencyFilters)).toBe(0);
  });
});

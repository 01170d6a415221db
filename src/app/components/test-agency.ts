/** A valid agency record for tests, with every flag off unless `over` says otherwise. */
import type { AgencyRecord } from '../../shared/domain/agency';

export function testAgency(name: string, over: Partial<AgencyRecord> = {}): AgencyRecord {
  return {
    id: `0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a${name.length.toString().padStart(2, '0')}`,
    teamId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c',
    createdBy: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d',
    createdAt: '2026-11-01T22:00:00.000Z',
    updatedAt: '2026-11-01T22:00:00.000Z',
    clocks: {},
    name,
    services: [],
    openingHours: [],
    outOfHours: false,
    fastTrack: false,
    womenOnly: false,
    transInclusive: false,
    howToRefer: 'Phone ahead',
    isExample: true,
    ...over,
  };
}

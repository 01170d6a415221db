/** The first-run example directory: clearly fake, and covering what a night round needs. */
import { describe, expect, it } from 'vitest';
import { needDomainSchema } from '../../shared/domain/common';
import { isOpenAt } from '../../shared/domain/opening-hours';
import { uuidv7 } from '../../shared/ids';
import { EXAMPLE_AGENCY_PREFIX, exampleAgencyProfiles, exampleAgencyRecords } from './example-agencies';

const byService = (domain: string) => exampleAgencyProfiles.filter((a) => (a.services as readonly string[]).includes(domain));
/** A local date in the week of 2 June 2025 (Monday) at hh:mm. */
const at = (day: number, hh: number, mm = 0) => new Date(2025, 5, 1 + day, hh, mm);

describe('example agencies', () => {
  it('are six, clearly marked, with drama-range phone numbers only', () => {
    expect(exampleAgencyProfiles).toHaveLength(6);
    for (const a of exampleAgencyProfiles) {
      expect(a.name.startsWith(EXAMPLE_AGENCY_PREFIX)).toBe(true);
      expect(a.isExample).toBe(true);
      expect(a.phone).toMatch(/^01632 960\d{3}$/);
      expect(a.howToRefer.length).toBeGreaterThan(40);
    }
  });

  it('cover every need domain', () => {
    for (const domain of needDomainSchema.options) expect(byService(domain).length, domain).toBeGreaterThan(0);
  });

  it('include a fast-track sexual health clinic, an out-of-hours naloxone service, women-only and trans-inclusive services', () => {
    expect(byService('sexual_health').some((a) => a.fastTrack)).toBe(true);
    expect(byService('drugs_alcohol').some((a) => a.outOfHours && /naloxone/i.test(a.howToRefer))).toBe(true);
    expect(byService('housing').some((a) => a.womenOnly && (a.services as readonly string[]).includes('domestic_abuse'))).toBe(true);
    expect(byService('mental_health').some((a) => a.transInclusive && a.openingHours.some((s) => s.dropIn))).toBe(true);
  });

  it('have evening, overnight and weekend drop-in sessions that "open now" understands', () => {
    const sessions = exampleAgencyProfiles.flatMap((a) => a.openingHours);
    expect(sessions.some((s) => s.closes <= s.opens)).toBe(true);
    expect(sessions.some((s) => (s.day === 0 || s.day === 6) && s.dropIn)).toBe(true);
    const drugs = byService('drugs_alcohol')[0]?.openingHours ?? [];
    expect(isOpenAt(drugs, at(6, 2, 30))).toBe(true); // Saturday 02:30: Friday night's van
    expect(isOpenAt(drugs, at(3, 2, 30))).toBe(false); // Wednesday 02:30
  });

  it('become valid records of the team, each with its own id', () => {
    const teamId = uuidv7();
    const records = exampleAgencyRecords(teamId, uuidv7(), Date.now());
    expect(new Set(records.map((r) => r.id)).size).toBe(6);
    for (const r of records) expect(r).toMatchObject({ teamId, isExample: true });
  });
});

/**
 * The example agency directory a first run seeds, so a new team can try referrals and
 * "open now" before entering its real partners. Every entry is clearly marked: the name
 * starts "Example — ", `isExample` is true, and phone numbers are in Ofcom's drama range
 * (01632 960xxx), which is never allocated to a real line. Between them they cover every
 * need domain in shared/domain/common.ts, evening, overnight and weekend sessions.
 * Days: 0 = Sunday … 6 = Saturday; a session closing at or before it opens runs overnight.
 */
import type { AgencyProfile, AgencyRecord } from '../../shared/domain/agency';
import { agencyRecordSchema } from '../../shared/domain/agency';
import { encodeHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/ids';

type Session = AgencyProfile['openingHours'][number];
const sessions = (days: readonly number[], opens: string, closes: string, dropIn: boolean): Session[] => days.map((day) => ({ day, opens, closes, dropIn }));
const WEEKDAYS = [1, 2, 3, 4, 5];

export const EXAMPLE_AGENCY_PREFIX = 'Example — ';

export const exampleAgencyProfiles: readonly AgencyProfile[] = [
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Riverside GP drop-in`,
    services: ['gp_physical_health', 'immigration_nhs_entitlement'],
    openingHours: [...sessions(WEEKDAYS, '09:00', '12:30', true), ...sessions([2], '18:00', '20:00', true)],
    outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: true,
    howToRefer: 'Walk in during drop-in hours; no ID, address or proof of immigration status needed to register with a GP. Ring ahead to ask for a longer appointment or an interpreter.',
    phone: '01632 960101', address: 'Example Health Centre, 1 Example Road', isExample: true,
  },
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Harbour sexual health clinic`,
    services: ['sexual_health'],
    openingHours: [...sessions([1, 3], '16:00', '19:30', true), ...sessions([6], '10:00', '13:00', true)],
    outOfHours: false, fastTrack: true, womenOnly: false, transInclusive: true,
    howToRefer: 'Fast-track for sex workers: give the reception code word "Lantern" and the person is seen without waiting. PEP, emergency contraception, STI testing and vaccination. Saturday drop-in.',
    phone: '01632 960202', address: 'Example Clinic, 2 Example Quay', isExample: true,
  },
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Northgate drug & alcohol service`,
    services: ['drugs_alcohol', 'gp_physical_health'],
    openingHours: [...sessions(WEEKDAYS, '10:00', '17:00', true), ...sessions([5, 6], '22:00', '03:00', true)],
    outOfHours: true, fastTrack: true, womenOnly: false, transInclusive: true,
    howToRefer: 'Self-referral or phone referral with consent. Same-day script assessment when seen before 2 pm. Naloxone kits and training at every session; needle exchange. The outreach van runs Friday and Saturday nights until 3 am.',
    phone: '01632 960303', address: 'Example House, 3 Example Street', isExample: true,
  },
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Safe Haven women’s housing and domestic abuse service`,
    services: ['housing', 'domestic_abuse'],
    openingHours: [...sessions(WEEKDAYS, '09:00', '17:00', false), ...sessions([0, 1, 2, 3, 4, 5, 6], '20:00', '08:00', false), ...sessions([0], '12:00', '16:00', true)],
    outOfHours: true, fastTrack: false, womenOnly: true, transInclusive: true,
    howToRefer: 'Women only, trans women welcome. Phone referral with the person present if it is safe; emergency refuge beds through the overnight line. Never share the refuge address. Sunday afternoon drop-in.',
    phone: '01632 960404', address: null, isExample: true,
  },
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Open Door mental health drop-in`,
    services: ['mental_health'],
    openingHours: [...sessions([4], '17:00', '21:00', true), ...sessions([0], '14:00', '18:00', true)],
    outOfHours: false, fastTrack: false, womenOnly: false, transInclusive: true,
    howToRefer: 'Trans-inclusive peer-led drop-in: no referral or diagnosis needed. Crisis appointments with a consented summary by phone.',
    phone: '01632 960505', address: 'Example Community Hall, 5 Example Lane', isExample: true,
  },
  {
    name: `${EXAMPLE_AGENCY_PREFIX}Anchor trafficking and immigration advice`,
    services: ['exploitation_trafficking', 'immigration_nhs_entitlement'],
    openingHours: [...sessions([2, 4], '10:00', '16:00', false), ...sessions([3], '10:00', '13:00', true)],
    outOfHours: false, fastTrack: true, womenOnly: false, transInclusive: true,
    howToRefer: 'Independent advice on the NRM, immigration status and NHS entitlement; interpreters booked on request. Appointments by phone referral with consent; Wednesday morning drop-in.',
    phone: '01632 960606', address: 'Example Chambers, 6 Example Square', isExample: true,
  },
];

/** The example agencies as records of `teamId`, parsed by the shared schema. */
export function exampleAgencyRecords(teamId: string, createdBy: string, nowMs: number): AgencyRecord[] {
  const now = new Date(nowMs).toISOString();
  const hlc = encodeHlc({ wallMs: nowMs, counter: 0, deviceId: 'server' });
  return exampleAgencyProfiles.map((profile) => {
    const clocks = Object.fromEntries(Object.keys(profile).map((field) => [field, hlc]));
    return agencyRecordSchema.parse({ ...profile, id: uuidv7(nowMs), teamId, createdBy, createdAt: now, updatedAt: now, clocks });
  });
}

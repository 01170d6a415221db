import { describe, expect, it } from 'vitest';
import { buildReport } from '../domain/report';
import type { ContactRecord } from '../domain/contact';
import { reportQuerySchema, reportSchema } from './reports';

describe('the report on the wire', () => {
  it('carries supply totals far above what one contact may hand out', () => {
    const contact = (i: number): ContactRecord => ({
      id: `01a20165-0000-7000-8000-${String(i).padStart(12, '0')}`, clientId: null, at: '2026-11-10T22:00:00.000Z', area: 'Docks', kind: 'street', outcome: 'building_trust',
      supplies: { condoms: 1000, needles: 1000, naloxone: 100, food: 100, hygienePacks: 100 }, teamId: 't', createdBy: 'u', createdAt: '2026-11-10T22:00:00.000Z',
    });
    const report = buildReport({ contacts: [contact(1), contact(2)], assessments: [], referrals: [], appointments: [], consents: [], nrmReferrals: [], dutyToNotify: [], firstContactAt: new Map() }, { from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z', timeZone: 'UTC' });
    expect(reportSchema.parse(report).supplies).toEqual({ condoms: 2000, needles: 2000, naloxone: 200, food: 200, hygienePacks: 200 });
  });

  it('asks for a real time zone and at most a year', () => {
    const base = { from: '2026-01-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
    expect(reportQuerySchema.parse(base).timeZone).toBe('Europe/London');
    expect(reportQuerySchema.safeParse({ ...base, timeZone: 'Mars/Olympus' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ ...base, to: '2027-01-05T00:00:00.000Z' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ ...base, to: '2027-01-01T00:00:00.000Z' }).success).toBe(true);
  });
});

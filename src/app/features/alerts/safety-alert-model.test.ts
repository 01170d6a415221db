import { describe, expect, it } from 'vitest';
import { safetyAlertArgsSchema } from '../../../shared/domain/safety-alert';
import {
  activeAlerts,
  alertAreas,
  bannerText,
  describeRaised,
  describeTimeLeft,
  expiresAtFor,
  raiseAlertFormSchema,
} from './safety-alert-model';

const now = new Date('2026-11-04T22:00:00.000Z');
const alert = (id: string, area: string, createdAt: string, expiresAt: string) => ({ id, area, createdAt, expiresAt });

describe('active alerts', () => {
  const alerts = [
    alert('a', 'Docks', '2026-11-04T20:00:00.000Z', '2026-11-05T02:00:00.000Z'),
    alert('b', 'Park', '2026-11-04T10:00:00.000Z', '2026-11-04T22:00:00.000Z'),
    alert('c', 'Station Road', '2026-11-04T21:30:00.000Z', '2026-11-04T23:30:00.000Z'),
    alert('d', 'Docks', '2026-11-03T21:00:00.000Z', '2026-11-04T21:00:00.000Z'),
  ];

  it('keeps only unexpired alerts, newest first', () => {
    expect(activeAlerts(alerts, now).map((a) => a.id)).toEqual(['c', 'a']);
  });

  it('drops an alert the moment it expires', () => {
    expect(activeAlerts(alerts, new Date('2026-11-04T23:30:00.000Z')).map((a) => a.id)).toEqual(['a']);
  });

  it('names each area once', () => {
    expect(alertAreas(alerts)).toBe('Docks, Park, Station Road');
  });
});

describe('expiry', () => {
  it.each([
    [2, '2026-11-05T00:00:00.000Z'],
    [24, '2026-11-05T22:00:00.000Z'],
  ] as const)('%i hours from now', (hours, expected) => {
    expect(expiresAtFor(now, hours)).toBe(expected);
  });

  it.each([
    ['2026-11-05T03:20:00.000Z', '5 h 20 min left'],
    ['2026-11-05T00:00:00.000Z', '2 h left'],
    ['2026-11-04T22:40:30.000Z', '40 min left'],
    ['2026-11-04T22:00:30.000Z', 'under a minute left'],
    ['2026-11-04T22:00:00.000Z', 'expired'],
  ])('until %s: %s', (expiresAt, expected) => {
    expect(describeTimeLeft(expiresAt, now)).toBe(expected);
  });

  it.each([
    ['2026-11-04T21:59:30.000Z', 'Raised just now'],
    ['2026-11-04T21:35:00.000Z', 'Raised 25 min ago'],
    ['2026-11-04T18:10:00.000Z', 'Raised 3 h ago'],
  ])('raised at %s: %s', (createdAt, expected) => {
    expect(describeRaised(createdAt, now)).toBe(expected);
  });
});

describe('words', () => {
  it('counts alerts in the banner', () => {
    expect(bannerText(1)).toBe('1 active safety alert — tap to read');
    expect(bannerText(2)).toBe('2 active safety alerts — tap to read');
  });

  it('asks for an area and a danger, by the shared rules, in the words the form shows', () => {
    const problems = (area: string, message: string) => {
      const checked = raiseAlertFormSchema.safeParse({ area, message, hours: 6 });
      return checked.success ? null : checked.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };
    expect(problems(' ', 'Car following workers')).toEqual([['area', 'Add the area where the danger is.']]);
    expect(problems('Docks', '  ')).toEqual([['message', 'Say what the danger is.']]);
    expect(problems('Docks', 'x'.repeat(501))).toEqual([['message', 'Keep it under 500 characters.']]);
    expect(problems('x'.repeat(81), 'Car following workers')).toEqual([['area', 'Keep the area under 80 characters.']]);
    expect(problems('', '')).toEqual([
      ['area', 'Add the area where the danger is.'],
      ['message', 'Say what the danger is.'],
    ]);
    expect(problems('Docks', 'Car following workers')).toBeNull();
  });

  it('refuses exactly what the shared alert schema refuses, and keeps what it keeps', () => {
    const shared = (area: string, message: string) =>
      safetyAlertArgsSchema.pick({ area: true, message: true }).safeParse({ area, message });
    for (const [area, message] of [
      ['', 'x'],
      [' \t', 'x'],
      ['Docks', ''],
      ['Docks', '   '],
      ['x'.repeat(80), 'x'.repeat(500)],
      ['x'.repeat(81), 'x'],
      ['Docks', 'x'.repeat(501)],
      [`  ${'x'.repeat(80)}  `, ` ${'x'.repeat(500)} `],
      ['  Docks ', ' Grey van '],
    ] as const) {
      const form = raiseAlertFormSchema.safeParse({ area, message, hours: 2 });
      const expected = shared(area, message);
      expect(form.success).toBe(expected.success);
      if (form.success && expected.success) expect({ area: form.data.area, message: form.data.message }).toEqual(expected.data);
    }
  });

  it('offers only the expiry choices', () => {
    expect(raiseAlertFormSchema.safeParse({ area: 'Docks', message: 'x', hours: 24 }).success).toBe(true);
    expect(raiseAlertFormSchema.safeParse({ area: 'Docks', message: 'x', hours: 3 }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { isOpenAt, openSessionAt, type OpeningSession } from './opening-hours';

const at = (day: number, hhmm: string) => {
  // 2026-11-22 is a Sunday (day 0).
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(2026, 10, 22 + day, h, m);
};
const weekday: OpeningSession = { day: 1, opens: '09:00', closes: '17:00', dropIn: false };
const night: OpeningSession = { day: 5, opens: '22:00', closes: '03:00', dropIn: true };

describe('opening hours', () => {
  it.each<[string, OpeningSession[], Date, boolean]>([
    ['inside a session', [weekday], at(1, '10:30'), true],
    ['at opening time', [weekday], at(1, '09:00'), true],
    ['at closing time (closed)', [weekday], at(1, '17:00'), false],
    ['another day', [weekday], at(2, '10:30'), false],
    ['overnight, before midnight', [night], at(5, '23:15'), true],
    ['overnight, after midnight on the next day', [night], at(6, '02:59'), true],
    ['overnight, after it closed', [night], at(6, '03:00'), false],
    ['overnight from Saturday into Sunday', [{ ...night, day: 6 }], at(0, '01:00'), true],
    ['no sessions', [], at(1, '10:00'), false],
    ['before a half-hour opening', [{ ...weekday, opens: '09:30', closes: '17:15' }], at(1, '09:15'), false],
    ['at a half-hour opening', [{ ...weekday, opens: '09:30', closes: '17:15' }], at(1, '09:30'), true],
    ['just before a quarter-hour closing', [{ ...weekday, opens: '09:30', closes: '17:15' }], at(1, '17:10'), true],
    ['at a quarter-hour closing (closed)', [{ ...weekday, opens: '09:30', closes: '17:15' }], at(1, '17:15'), false],
    ['a session closing when it opens runs round the clock', [{ ...weekday, opens: '08:00', closes: '08:00' }], at(1, '20:00'), true],
    ['…into the next morning', [{ ...weekday, opens: '08:00', closes: '08:00' }], at(2, '07:59'), true],
  ])('%s', (_label, sessions, when, open) => {
    expect(isOpenAt(sessions, when)).toBe(open);
  });

  it('names the open session, so the device can say "drop-in now"', () => {
    expect(openSessionAt([weekday, night], at(5, '23:00'))).toEqual(night);
  });
});

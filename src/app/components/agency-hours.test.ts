import { describe, expect, it } from 'vitest';
import { describeHoursOn, sessionsOn } from './agency-hours';

const monday = new Date(2026, 10, 2, 12, 0);
const day = monday.getDay();

describe("today's hours", () => {
  it('says closed when nothing opens today', () => {
    expect(describeHoursOn([{ day: (day + 1) % 7, opens: '09:00', closes: '17:00', dropIn: false }], monday)).toBe(
      'Closed today',
    );
  });

  it('lists sessions earliest first, marking drop-in and overnight', () => {
    const sessions = [
      { day, opens: '20:00', closes: '02:00', dropIn: false },
      { day, opens: '10:00', closes: '13:00', dropIn: true },
    ];
    expect(sessionsOn(sessions, monday).map((s) => s.opens)).toEqual(['10:00', '20:00']);
    expect(describeHoursOn(sessions, monday)).toBe('10:00–13:00 (drop-in), 20:00–02:00 (overnight)');
  });
});

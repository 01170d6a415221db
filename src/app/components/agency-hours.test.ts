import { describe, expect, it } from 'vitest';
import { describeHoursOn, describeWeek, sessionsOn } from './agency-hours';

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

describe('describeWeek', () => {
  it('lists each open day, Monday first, with its sessions in order', () => {
    const sessions = [
      { day: 5, opens: '22:00', closes: '02:00', dropIn: true },
      { day: 0, opens: '12:00', closes: '14:00', dropIn: false },
      { day: 1, opens: '18:00', closes: '20:00', dropIn: false },
      { day: 1, opens: '09:00', closes: '12:00', dropIn: true },
    ];
    expect(describeWeek(sessions)).toEqual(['Mon 09:00–12:00 (drop-in), 18:00–20:00', 'Fri 22:00–02:00 (drop-in, overnight)', 'Sun 12:00–14:00']);
    expect(describeWeek([])).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { followUpReasonLabels } from '../../components/labels';
import { describeDue, isOverdue, soonestFirst } from './follow-up-model';

// Local wall-clock times, so the words match what the worker's phone shows.
const now = new Date(2026, 10, 4, 22, 0);
const at = (day: number, hour: number, minute = 0) => new Date(2026, 10, day, hour, minute).toISOString();

describe('my follow-ups', () => {
  it('lists open ones soonest first and leaves done ones out', () => {
    const list = [
      { id: 'a', dueAt: at(6, 9), status: 'open' as const },
      { id: 'b', dueAt: at(2, 9), status: 'open' as const },
      { id: 'c', dueAt: at(1, 9), status: 'done' as const },
      { id: 'd', dueAt: at(5, 9), status: 'open' as const },
    ];
    expect(soonestFirst(list).map((f) => f.id)).toEqual(['b', 'd', 'a']);
  });

  it('is overdue only once the due time has passed', () => {
    expect(isOverdue({ dueAt: at(4, 21, 59) }, now)).toBe(true);
    expect(isOverdue({ dueAt: at(4, 22, 1) }, now)).toBe(false);
  });

  it.each([
    [at(4, 23, 30), 'Due today 23:30'],
    [at(5, 9, 30), 'Due tomorrow 09:30'],
    [at(4, 18, 0), 'Overdue since today 18:00'],
    [at(3, 21, 0), 'Overdue since yesterday 21:00'],
  ])('due %s reads "%s"', (dueAt, expected) => {
    expect(describeDue(dueAt, now)).toBe(expected);
  });

  it('gives a date further out, and marks an old one overdue', () => {
    expect(describeDue(at(9, 10), now)).toMatch(/^Due \w+ 9 Nov$/);
    expect(describeDue(at(1, 10), now)).toMatch(/^Overdue since \w+ 1 Nov$/);
  });

  it('says why in plain words', () => {
    expect(followUpReasonLabels.missed_appointment).toBe('Missed appointment');
  });
});

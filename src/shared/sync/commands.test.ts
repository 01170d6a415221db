import { describe, expect, it } from 'vitest';
import { appointmentTransitionArgsSchema, clientUpdateArgsSchema, isCommandName } from './commands';

const id = '01a20165-0000-7000-8000-000000000001';
const other = '01a20165-0000-7000-8000-000000000002';
const at = '2026-11-22T12:00:00.000Z';

describe('command args', () => {
  it('a client update must change something', () => {
    expect(clientUpdateArgsSchema.safeParse({ id, set: {}, seen: {} }).success).toBe(false);
    expect(clientUpdateArgsSchema.safeParse({ id, set: { alias: 'Jo' }, seen: { alias: null } }).success).toBe(true);
  });

  it.each([
    ['missed with its follow-up', { to: 'missed', followUpId: other }, true],
    ['missed without a follow-up', { to: 'missed' }, false],
    ['rescheduled naming the new appointment', { to: 'rescheduled', rescheduledTo: other }, true],
    ['rescheduled without the new appointment', { to: 'rescheduled' }, false],
    ['attended, needing neither', { to: 'attended' }, true],
    ['cancelled, needing neither', { to: 'cancelled' }, true],
    ['back to booked', { to: 'booked' }, false],
  ])('an appointment transition %s: valid %s', (_label, move, valid) => {
    expect(appointmentTransitionArgsSchema.safeParse({ id, at, ...move }).success).toBe(valid);
  });

  it('says which field a missed or rescheduled appointment lacks', () => {
    const missed = appointmentTransitionArgsSchema.safeParse({ id, at, to: 'missed' });
    expect(missed.error?.issues.map((i) => i.path)).toEqual([['followUpId']]);
    const rescheduled = appointmentTransitionArgsSchema.safeParse({ id, at, to: 'rescheduled' });
    expect(rescheduled.error?.issues.map((i) => i.path)).toEqual([['rescheduledTo']]);
  });

  it('knows its command names, and nothing inherited', () => {
    expect(isCommandName('client.update')).toBe(true);
    expect(isCommandName('client.delete')).toBe(false);
    expect(isCommandName('toString')).toBe(false);
  });
});

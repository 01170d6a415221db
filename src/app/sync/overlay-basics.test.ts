import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/hlc';
import { isoAt, later, ownership } from './overlay-basics';

describe('overlay basics', () => {
  it.each([
    ['the second is later', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', '2025-01-02T00:00:00.000Z'],
    ['the first is later', '2025-01-02T00:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z'],
  ])('later: %s', (_label, a, b, expected) => {
    expect(later(a, b)).toBe(expected);
  });

  it('stamps a record with the session and the time of its clock', () => {
    const hlc = encodeHlc({ wallMs: Date.UTC(2025, 0, 9, 12), counter: 3, deviceId: 'd' });
    expect(isoAt(hlc)).toBe('2025-01-09T12:00:00.000Z');
    expect(ownership({ userId: 'u', teamId: 't' }, hlc)).toEqual({ teamId: 't', createdBy: 'u', createdAt: '2025-01-09T12:00:00.000Z' });
  });
});

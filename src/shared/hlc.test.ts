import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  admitHlc,
  clampHlc,
  compareEncodedHlc,
  compareHlc,
  decodeHlc,
  encodeHlc,
  MAX_CLOCK_AHEAD_MS,
  receiveHlc,
  tickHlc,
  type Hlc,
} from './hlc';

// Biased towards collisions: random times almost never share a millisecond or a counter,
// and that is exactly where a clock rule goes wrong.
const wallArb = fc.oneof(fc.constantFrom(1_000, 1_001, 1_002), fc.integer({ min: 0, max: 4_000_000_000_000 }));
const counterArb = fc.oneof(fc.constantFrom(0, 1, 2, 36 ** 5 - 1), fc.integer({ min: 0, max: 60_000_000 }));
const hlcArb = fc.record({
  wallMs: wallArb,
  counter: counterArb,
  deviceId: fc.oneof(fc.constantFrom('a', 'b'), fc.stringMatching(/^[a-z0-9-]{1,12}$/)),
});

describe('HLC encoding', () => {
  it.each([
    [{ wallMs: 0, counter: 0, deviceId: 'a' }, '00000000000:00000:a'],
    [{ wallMs: 1_700_000_000_000, counter: 3, deviceId: 'dev-1' }, '000loyw3v28:00003:dev-1'],
  ])('encodes %j as %s', (hlc, encoded) => {
    expect(encodeHlc(hlc)).toBe(encoded);
    expect(decodeHlc(encoded)).toEqual(hlc);
  });

  it.each([
    ['the same wall and counter: the device id decides', { wallMs: 5, counter: 1, deviceId: 'a' }, { wallMs: 5, counter: 1, deviceId: 'b' }, -1],
    ['…in either order', { wallMs: 5, counter: 1, deviceId: 'b' }, { wallMs: 5, counter: 1, deviceId: 'a' }, 1],
    ['one and the same clock', { wallMs: 5, counter: 1, deviceId: 'a' }, { wallMs: 5, counter: 1, deviceId: 'a' }, 0],
    ['a later counter wins over a smaller device id', { wallMs: 5, counter: 2, deviceId: 'a' }, { wallMs: 5, counter: 1, deviceId: 'b' }, 1],
    ['a later wall clock wins over a larger counter', { wallMs: 6, counter: 0, deviceId: 'a' }, { wallMs: 5, counter: 9, deviceId: 'b' }, 1],
  ])('compares clocks: %s', (_label, a, b, expected) => {
    expect(compareHlc(a, b)).toBe(expected);
    expect(compareEncodedHlc(encodeHlc(a), encodeHlc(b))).toBe(expected);
  });

  it('rejects a malformed clock', () => {
    expect(() => decodeHlc('12:ab')).toThrow(/not a valid clock/);
  });

  it('orders encoded strings exactly as decoded clocks', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        expect(Math.sign(compareEncodedHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(compareHlc(a, b)));
      }),
    );
  });
});

describe('HLC advancing', () => {
  const local: Hlc = { wallMs: 1000, counter: 4, deviceId: 'a' };

  it.each([
    ['wall clock moved on', 2000, { wallMs: 2000, counter: 0, deviceId: 'a' }],
    ['same millisecond', 1000, { wallMs: 1000, counter: 5, deviceId: 'a' }],
    ['wall clock went backwards', 500, { wallMs: 1000, counter: 5, deviceId: 'a' }],
  ])('tick when %s', (_label, now, expected) => {
    expect(tickHlc(local, now)).toEqual(expected);
  });

  it.each([
    ['remote ahead', { wallMs: 3000, counter: 7 }, 2000, { wallMs: 3000, counter: 8, deviceId: 'a' }],
    ['local ahead', { wallMs: 900, counter: 9 }, 800, { wallMs: 1000, counter: 5, deviceId: 'a' }],
    ['both equal', { wallMs: 1000, counter: 9 }, 10, { wallMs: 1000, counter: 10, deviceId: 'a' }],
    ['now ahead of both', { wallMs: 900, counter: 9 }, 5000, { wallMs: 5000, counter: 0, deviceId: 'a' }],
    ['remote ahead with a smaller counter', { wallMs: 3000, counter: 2 }, 2000, { wallMs: 3000, counter: 3, deviceId: 'a' }],
    ['both equal, remote counter behind', { wallMs: 1000, counter: 1 }, 10, { wallMs: 1000, counter: 5, deviceId: 'a' }],
  ])('receive when %s', (_label, remote, now, expected) => {
    expect(receiveHlc(local, remote, now)).toEqual(expected);
  });

  it('every tick and receive moves strictly forward', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, wallArb, (l, r, now) => {
        expect(compareHlc(tickHlc(l, now), l)).toBe(1);
        const received = receiveHlc(l, r, now);
        expect(compareHlc(received, l)).toBe(1);
        expect(received.wallMs > r.wallMs || (received.wallMs === r.wallMs && received.counter > r.counter)).toBe(true);
      }),
    );
  });

  it('carries a full counter over into the next millisecond, and only a full one', () => {
    const maxCounter = 36 ** 5 - 1;
    expect(tickHlc({ wallMs: 1000, counter: maxCounter - 1, deviceId: 'a' }, 1000)).toEqual({ wallMs: 1000, counter: maxCounter, deviceId: 'a' });
    expect(tickHlc({ wallMs: 1000, counter: maxCounter, deviceId: 'a' }, 1000)).toEqual({ wallMs: 1001, counter: 0, deviceId: 'a' });
    expect(receiveHlc({ wallMs: 1000, counter: 0, deviceId: 'a' }, { wallMs: 1000, counter: maxCounter }, 10)).toEqual({ wallMs: 1001, counter: 0, deviceId: 'a' });
    expect(encodeHlc({ wallMs: 1000, counter: maxCounter, deviceId: 'a' })).toBe('000000000rs:zzzzz:a');
  });

  it('clamps a clock more than five minutes ahead of the server', () => {
    const now = 1_000_000;
    expect(clampHlc({ wallMs: now + MAX_CLOCK_AHEAD_MS + 1, counter: 2, deviceId: 'x' }, now).wallMs).toBe(
      now + MAX_CLOCK_AHEAD_MS,
    );
    const honest = { wallMs: now + 1000, counter: 0, deviceId: 'x' };
    expect(clampHlc(honest, now)).toBe(honest);
  });

  it.each([
    ['two writes far ahead clamp to one limit', { wallMs: 9_000_000, counter: 0 }, { wallMs: 1_300_000, counter: 0 }, { wallMs: 1_300_000, counter: 1 }],
    ['a write behind the last admitted one (server clock stepped back)', { wallMs: 1_100_000, counter: 4 }, { wallMs: 1_200_000, counter: 2 }, { wallMs: 1_200_000, counter: 3 }],
    ['an honest write after the last admitted one', { wallMs: 1_100_000, counter: 0 }, { wallMs: 1_000_000, counter: 7 }, { wallMs: 1_100_000, counter: 0 }],
  ])('admits %s strictly after the last admitted clock', (_, remote, last, expected) => {
    const now = 1_000_000;
    const admitted = admitHlc({ ...remote, deviceId: 'x' }, { ...last, deviceId: 'x' }, now);
    expect(admitted).toEqual({ ...expected, deviceId: 'x' });
  });

  it('admits a clock on its own when the last admitted one is another device\'s', () => {
    const remote = { wallMs: 1_100_000, counter: 0, deviceId: 'x' };
    expect(admitHlc(remote, { wallMs: 1_200_000, counter: 5, deviceId: 'y' }, 1_000_000)).toEqual(remote);
    expect(admitHlc(remote, null, 1_000_000)).toEqual(remote);
  });
});

describe('admitted clocks of a skewed device', () => {
  const HOURS_48 = 48 * 3_600_000;
  // Steps a person takes between writes: often the same millisecond (one save writes
  // several records), often minutes; the server's clock may step back after a restart.
  const stepArb = fc.record({
    deviceStepMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 3_600_000 })),
    serverStepMs: fc.oneof(fc.constant(0), fc.integer({ min: -60_000, max: 600_000 })),
  });

  it('are strictly increasing and never far ahead of the server, whatever the skew', () => {
    fc.assert(
      fc.property(fc.integer({ min: -HOURS_48, max: HOURS_48 }), fc.array(stepArb, { minLength: 1, maxLength: 40 }), (skew, steps) => {
        let serverNow = 1_800_000_000_000;
        let deviceNow = serverNow + skew;
        let device: Hlc = { wallMs: 0, counter: 0, deviceId: 'd' };
        let last: Hlc | null = null;
        for (const step of steps) {
          serverNow += step.serverStepMs;
          deviceNow += step.deviceStepMs;
          device = tickHlc(device, deviceNow);
          const admitted = admitHlc(device, last, serverNow);
          if (last !== null) expect(compareHlc(admitted, last)).toBe(1);
          const ceiling = Math.max(last?.wallMs ?? 0, serverNow + MAX_CLOCK_AHEAD_MS);
          expect(admitted.wallMs).toBeLessThanOrEqual(ceiling + 1);
          last = admitted;
        }
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeHlc, encodeHlc } from './hlc';
import { jsonEqual, mergeEntity, mergeField, type FieldConflict, type FieldState } from './merge';

const h = (wallMs: number, deviceId: string, counter = 0) => encodeHlc({ wallMs, counter, deviceId });

describe('mergeField', () => {
  const current: FieldState = { value: 'Soho', hlc: h(100, 'a') };

  it.each([
    ['unset field takes the write', undefined, { value: 'x', hlc: h(50, 'b'), seen: null }, 'x', false],
    ['newer write that saw the value wins quietly', current, { value: 'Camden', hlc: h(200, 'b'), seen: h(100, 'a') }, 'Camden', false],
    ['newer write that had not seen the value wins and reports it', current, { value: 'Camden', hlc: h(200, 'b'), seen: null }, 'Camden', true],
    ['newer unseen write with the same value is no conflict', current, { value: 'Soho', hlc: h(200, 'b'), seen: null }, 'Soho', false],
    ['older write loses and is reported', current, { value: 'Camden', hlc: h(50, 'b'), seen: null }, 'Soho', true],
    ['older write with the same value is no conflict', current, { value: 'Soho', hlc: h(50, 'b'), seen: null }, 'Soho', false],
    ['a device never conflicts with its own earlier write', current, { value: 'Camden', hlc: h(200, 'a'), seen: null }, 'Camden', false],
    ['the same write twice changes nothing', current, { value: 'Soho', hlc: h(100, 'a'), seen: null }, 'Soho', false],
    ['two different writes with one clock are never equated', current, { value: 'Camden', hlc: h(100, 'a'), seen: null }, 'Soho', true],
    ['…whichever arrives first', { value: 'Camden', hlc: h(100, 'a') }, { value: 'Soho', hlc: h(100, 'a'), seen: null }, 'Soho', true],
  ])('%s', (_label, cur, write, expectedValue, expectConflict) => {
    const result = mergeField('area', cur, write);
    expect(result.next.value).toBe(expectedValue);
    expect(result.conflict !== null).toBe(expectConflict);
  });

  it('reports the losing and winning values', () => {
    const { conflict } = mergeField('area', current, { value: 'Camden', hlc: h(200, 'b'), seen: null });
    expect(conflict).toEqual({ field: 'area', losing: current, winning: { value: 'Camden', hlc: h(200, 'b') } });
  });
});

describe('jsonEqual', () => {
  it.each([
    ['equal strings', 'Soho', 'Soho', true],
    ['different strings', 'Soho', 'Camden', false],
    ['equal arrays, different instances', ['Soho', 'Docks'], ['Soho', 'Docks'], true],
    ['arrays in another order', ['Soho', 'Docks'], ['Docks', 'Soho'], false],
    ['an array and its prefix', ['Soho', 'Docks'], ['Soho'], false],
    ['equal objects, keys in another order', { a: 1, b: [2] }, { b: [2], a: 1 }, true],
    ['objects with one value changed deep inside', { a: { b: [1, 2] } }, { a: { b: [1, 3] } }, false],
    ['an object with an extra key', { a: 1 }, { a: 1, b: 2 }, false],
    ['an array and an object with the same keys', ['x'], { 0: 'x' }, false],
    ['null and an object', null, {}, false],
    ['an object and null', {}, null, false],
    ['a string and an array holding it', 'x', ['x'], false],
    ['an array holding a string and the string', ['x'], 'x', false],
    ['an object keyed like a string\'s characters and the string', { 0: 'x' }, 'x', false],
    ['null and null', null, null, true],
  ])('%s', (_label, a, b, expected) => {
    expect(jsonEqual(a, b)).toBe(expected);
    expect(jsonEqual(b, a)).toBe(expected);
  });

  it('an unseen write of an equal list made elsewhere is no conflict', () => {
    const stored: FieldState = { value: ['Soho', 'Docks'], hlc: h(100, 'a') };
    const result = mergeField('usualAreas', stored, { value: ['Soho', 'Docks'], hlc: h(200, 'b'), seen: null });
    expect(result.conflict).toBeNull();
  });
});

describe('two different writes with one clock', () => {
  // Two objects whose order as written differs from their order with sorted keys: the tie
  // is broken on sorted keys, so it cannot depend on how a replica happened to order them.
  const first = { a: 1, z: 0 };
  const second = { z: 1, a: 0 };
  const secondSorted = { a: 0, z: 1 };

  it.each([
    ['first stored, second arrives', first, second],
    ['second stored, first arrives', second, first],
    ['first stored, second arrives with its keys sorted', first, secondSorted],
    ['second stored with its keys sorted, first arrives', secondSorted, first],
  ])('pick the same winner and report the other: %s', (_label, stored, arriving) => {
    const clock = h(100, 'a');
    const result = mergeField('details', { value: stored, hlc: clock }, { value: arriving, hlc: clock, seen: null });
    expect(result.next.value).toEqual(first);
    expect(result.conflict?.losing.value).toEqual(second);
    expect(result.conflict?.winning.value).toEqual(first);
    expect(result.conflict?.field).toBe('details');
  });

  it.each([
    ['lists', ['b', 'a'], ['a', 'c']],
    ['nested lists', [['a', 'z']], [['b']]],
    ['strings', 'Jo', 'Jojo'],
    ['lists that read alike run together', [1, 2], [12]],
    ['nothing against a value', null, 'x'],
  ])('pick one winner, whichever arrives first: %s', (_label, one, other) => {
    const clock = h(100, 'a');
    const ab = mergeField('f', { value: one, hlc: clock }, { value: other, hlc: clock, seen: null });
    const ba = mergeField('f', { value: other, hlc: clock }, { value: one, hlc: clock, seen: null });
    expect(ab.next.value).toEqual(ba.next.value);
    expect(ab.conflict?.losing.value).toEqual(ba.conflict?.losing.value);
  });

  it('break the tie on the value, not on which one arrived', () => {
    const clock = h(100, 'a');
    expect(mergeField('f', { value: ['a', 'c'], hlc: clock }, { value: ['b', 'a'], hlc: clock, seen: null }).next.value).toEqual(['b', 'a']);
    expect(mergeField('f', { value: [['a', 'z']], hlc: clock }, { value: [['b']], hlc: clock, seen: null }).next.value).toEqual([['b']]);
  });
});

describe('mergeEntity', () => {
  it('passes the clock each field\'s author saw, and reports only unseen overwrites', () => {
    const values = { alias: 'Jo', pronouns: 'she/her' };
    const clocks = { alias: h(100, 'a'), pronouns: h(100, 'a') };
    const result = mergeEntity(values, clocks, { alias: 'Joanne', pronouns: 'they/them' }, h(200, 'b'), { alias: h(100, 'a') });
    expect(result.values).toEqual({ alias: 'Joanne', pronouns: 'they/them' });
    expect(result.clocks).toEqual({ alias: h(200, 'b'), pronouns: h(200, 'b') });
    expect(result.conflicts.map((c) => c.field)).toEqual(['pronouns']);
  });

  it('keeps fields the patch does not touch, and their clocks', () => {
    const result = mergeEntity({ alias: 'Jo', pronouns: 'she/her' }, { alias: h(100, 'a'), pronouns: h(90, 'a') }, { alias: 'Jay' }, h(200, 'a'), {});
    expect(result.values).toEqual({ alias: 'Jay', pronouns: 'she/her' });
    expect(result.clocks).toEqual({ alias: h(200, 'a'), pronouns: h(90, 'a') });
  });
});

/**
 * One field write from one of four devices; none has seen the others (all concurrent).
 * Biased towards collisions (the same device, the same few milliseconds), where the
 * rules about a device's own writes and equal clocks are tested at all.
 */
const writeArb = fc.record({
  device: fc.oneof(fc.constant('d1'), fc.constantFrom('d1', 'd2', 'd3', 'd4')),
  wallMs: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 1000 })),
  field: fc.constantFrom('alias', 'pronouns', 'usualAreas'),
  value: fc.constantFrom('A', 'B', 'C', ['x'], ['y'], null),
});
type Write = { device: string; wallMs: number; field: string; value: unknown };

/** Writes (one clock per device and time), with the same writes in a shuffled order. */
const writesArb = fc
  .uniqueArray(writeArb, { selector: (w) => `${w.device}:${w.wallMs}`, minLength: 1, maxLength: 8 })
  .chain((writes) => fc.tuple(fc.constant(writes), fc.shuffledSubarray(writes, { minLength: writes.length })));

function replay(order: Write[]) {
  let values: Record<string, unknown> = {};
  let clocks: Record<string, string> = {};
  const conflicts: FieldConflict[] = [];
  for (const w of order) {
    const r = mergeEntity(values, clocks, { [w.field]: w.value }, h(w.wallMs, w.device), {});
    values = r.values;
    clocks = r.clocks;
    conflicts.push(...r.conflicts);
  }
  return { values, clocks, conflicts };
}

describe('mergeEntity properties', () => {
  it('any delivery order converges to the same values and clocks', () => {
    fc.assert(
      fc.property(writesArb, ([writes, shuffled]) => {
        const a = replay(writes);
        const b = replay(shuffled);
        expect(b.values).toEqual(a.values);
        expect(b.clocks).toEqual(a.clocks);
      }),
    );
  });

  it('every concurrent overwritten value is reported, whatever the order', () => {
    // Each device writes each field once, having seen only the base: all writes concurrent.
    const concurrentArb = fc
      .uniqueArray(writeArb, { selector: (w) => `${w.device}:${w.field}`, minLength: 2, maxLength: 12 })
      .chain((writes) => fc.shuffledSubarray(writes, { minLength: writes.length }));
    fc.assert(
      fc.property(concurrentArb, (order) => {
        const { values, conflicts } = replay(order);
        for (const w of order) {
          if (JSON.stringify(values[w.field]) === JSON.stringify(w.value)) continue;
          const reported = conflicts.some(
            (c) => c.field === w.field && JSON.stringify(c.losing.value) === JSON.stringify(w.value),
          );
          expect(reported, `lost write ${JSON.stringify(w)} was not reported`).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a device never conflicts with itself, in any delivery order', () => {
    fc.assert(
      fc.property(writesArb, ([, shuffled]) => {
        for (const conflict of replay(shuffled).conflicts) {
          expect(decodeHlc(conflict.losing.hlc).deviceId).not.toBe(decodeHlc(conflict.winning.hlc).deviceId);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('one device writing alone never reports a conflict', () => {
    const aloneArb = fc.uniqueArray(writeArb.map((w) => ({ ...w, device: 'd1' })), { selector: (w) => w.wallMs, minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(aloneArb, fc.boolean(), (writes, reversed) => {
        expect(replay(reversed ? [...writes].reverse() : writes).conflicts).toEqual([]);
      }),
    );
  });

  it('two concurrent different values give exactly one report, naming the lower clock as loser', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.boolean(), (t1, t2, flip) => {
        const w1 = { device: 'd1', wallMs: t1, field: 'alias', value: 'Jo' };
        const w2 = { device: 'd2', wallMs: t2, field: 'alias', value: 'Jojo' };
        const { conflicts, values } = replay(flip ? [w2, w1] : [w1, w2]);
        expect(conflicts).toHaveLength(1);
        const winner = t2 > t1 || (t2 === t1) ? w2 : w1;
        expect(values.alias).toBe(winner.value);
        expect(conflicts[0]?.winning.value).toBe(winner.value);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { updateBlocker } from './update-blocker';

describe('updateBlocker', () => {
  it.each<[boolean, number | null, RegExp | null]>([
    [false, 0, null],
    [true, 0, /form/],
    [true, 3, /form/],
    [false, 2, /synced/],
    [false, null, /Checking/],
  ])('dirty=%s unsynced=%s', (dirty, unsynced, expected) => {
    const blocker = updateBlocker(dirty, unsynced);
    if (expected === null) expect(blocker).toBeNull();
    else expect(blocker).toMatch(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it.each([
    { failures: 0, random: 1, expected: 2_000 },
    { failures: 1, random: 1, expected: 4_000 },
    { failures: 3, random: 0.5, expected: 8_000 },
    { failures: 50, random: 1, expected: BACKOFF_CAP_MS },
    { failures: 7, random: 0, expected: 0 },
  ])('after $failures failures with random $random waits $expected ms', ({ failures, random, expected }) => {
    expect(backoffDelay(failures, () => random)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { clientProfileSchema } from './client';

describe('clientProfileSchema', () => {
  const thisYear = new Date().getUTCFullYear();

  it.each([
    ['born this year', thisYear, true],
    ['born next year', thisYear + 1, false],
    ['born in 1900', 1900, true],
    ['born before 1900', 1899, false],
  ])('a birth year %s: valid %s', (_label, birthYear, valid) => {
    expect(clientProfileSchema.safeParse({ alias: 'Jo', birthYear }).success).toBe(valid);
  });
});

import { describe, expect, it } from 'vitest';
import { idSchema, uuidv7 } from './ids';

describe('uuidv7', () => {
  it('is a valid id with version 7 and the RFC variant', () => {
    const id = uuidv7();
    expect(idSchema.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('starts with the creation time in milliseconds, all 48 bits of it', () => {
    const ms = 0xfe_dc_ba_98_76_54;
    const expected = 'fedcba98-7654';
    // Several ids, so that a random byte matching by chance cannot pass the test.
    for (let i = 0; i < 4; i++) expect(uuidv7(ms).slice(0, 13)).toBe(expected);
  });

  it('keeps the random bits beside the version and variant', () => {
    const ids = Array.from({ length: 64 }, () => uuidv7(1_700_000_000_000));
    expect(new Set(ids.map((id) => id[15])).size).toBeGreaterThan(1);
    expect(new Set(ids.map((id) => id.slice(19, 21))).size).toBeGreaterThan(4);
  });

  it('sorts ids made one after another in the order they were made', () => {
    const ids = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_256, 1_800_000_000_000].map((ms) => uuidv7(ms));
    expect([...ids].sort()).toEqual(ids);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { invalidArgsMessage } from './invalid-args-message';

// A new schema for every message: the field names are computed once per schema, so a
// shared one would answer every case after the first from that first computation.
const makeSchema = () => z.strictObject({
  id: z.string(),
  profile: z.strictObject({ alias: z.string().max(5), areas: z.array(z.string().max(3)).optional() }).optional(),
  seen: z.record(z.string(), z.number()).optional(),
  domains: z.partialRecord(z.enum(['housing', 'health']), z.strictObject({ need: z.enum(['none', 'some']) })).optional(),
  level: z.enum(['team', 'restricted']).optional(),
});

const messageFor = (args: unknown, schema: z.ZodType = makeSchema()): string => {
  const parsed = schema.safeParse(args);
  if (parsed.success) throw new Error('expected a failure');
  return invalidArgsMessage(schema, parsed.error.issues);
};

describe('invalidArgsMessage', () => {
  it.each([
    ['an unknown top-level key', { id: 'a', 'Jane Doe': 1 }, '(args): unknown field'],
    ['two unknown nested keys', { id: 'a', profile: { alias: 'x', 'Jane Doe': 1, '12 Lime St': 2 } }, 'profile: 2 unknown fields'],
    ['a free-form record key', { id: 'a', seen: { 'Jane Doe': 'x' } }, 'seen.*: Invalid input: expected number, received string'],
    ['an enumerated record key', { id: 'a', domains: { housing: { need: 'Jane Doe' } } }, 'domains.housing.need: Invalid option: expected one of "none"|"some"'],
    ['an array index', { id: 'a', profile: { alias: 'x', areas: ['ok', 'Jane Doe'] } }, 'profile.areas.1: Too big: expected string to have <=3 characters'],
    ['a value of the wrong kind', { id: 'a', level: 'Jane Doe' }, 'level: Invalid option: expected one of "team"|"restricted"'],
  ])('names fields, never device text: %s', (_label, args, expected) => {
    const message = messageFor(args);
    expect(message).toBe(expected);
    expect(message).not.toMatch(/Jane|Lime/);
  });

  it('names the fields of every branch of a union', () => {
    const union = z.union([z.strictObject({ kind: z.literal('a'), alias: z.string().max(2) }), z.strictObject({ kind: z.literal('b'), area: z.string().max(2) })]);
    expect(messageFor({ kind: 'b', area: 'Jane Doe' }, union)).toMatch(/^area: /);
  });

  it('keeps the first three issues', () => {
    expect(messageFor({ profile: { alias: 'too long' }, level: 'x', seen: { a: 'b' } }).split('; ')).toHaveLength(3);
  });
});

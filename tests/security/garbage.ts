/**
 * fast-check generators of hostile request bodies, as raw strings (so keys like
 * `__proto__` survive to the wire): random JSON, a valid body with one field of the wrong
 * type, unknown fields, prototype-pollution keys, huge strings, deep nesting and non-JSON.
 * `garbageFor` keeps only bodies the endpoint's schema refuses, so every one must be a 4xx.
 */
import fc from 'fast-check';
import type { z } from 'zod';

type Json = Record<string, unknown>;

const jsonValue = fc.jsonValue({ maxDepth: 4 });

function withField(valid: Json): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.constant('{"x":1}');
  return fc.tuple(fc.constantFrom(...keys), jsonValue).map(([key, value]) => JSON.stringify({ ...valid, [key]: value }));
}

const unknownField = (valid: Json): fc.Arbitrary<string> =>
  fc.tuple(fc.string({ minLength: 1, maxLength: 20 }), jsonValue).map(([key, value]) => JSON.stringify({ ...valid, [`${key}_x`]: value }));

const pollution = (valid: Json): fc.Arbitrary<string> =>
  fc.constantFrom('__proto__', 'constructor', 'prototype').map((key) => {
    const inner = key === 'constructor' ? '{"prototype":{"admin":true}}' : '{"admin":true,"role":"team_lead"}';
    return `{"${key}":${inner},${JSON.stringify(valid).slice(1)}`;
  });

const hugeString = (valid: Json): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom(...Object.keys(valid), 'extra'), fc.integer({ min: 1_000, max: 400_000 })).map(([key, n]) => JSON.stringify({ ...valid, [key]: 'x'.repeat(n) }));

const deepNesting: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 20, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`));

const nulCharacters = (valid: Json): fc.Arbitrary<string> =>
  fc.constantFrom(...Object.keys(valid), 'extra').map((key) => JSON.stringify({ ...valid, [key]: 'a\u0000b' }));

/** A body string: JSON or not; may or may not be valid for the schema. */
export function hostileBody(valid: Json): fc.Arbitrary<string> {
  return fc.oneof(
    jsonValue.map((v) => JSON.stringify(v)),
    withField(valid),
    unknownField(valid),
    pollution(valid),
    hugeString(valid),
    deepNesting,
    nulCharacters(valid),
    fc.string({ maxLength: 200 }),
  );
}

/** Does `body` parse as JSON into something the schema accepts? (Those are not garbage.) */
export function acceptedBy(schema: z.ZodType, body: string): boolean {
  try {
    return schema.safeParse(JSON.parse(body)).success;
  } catch {
    return false;
  }
}

export const garbageFor = (schema: z.ZodType, valid: Json): fc.Arbitrary<string> => hostileBody(valid).filter((body) => !acceptedBy(schema, body));

/** Hostile path parameters: anything that is not a valid id. */
export const garbageId: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom('..', '../../etc/passwd', '%00', '__proto__', 'constructor', '1 OR 1=1', "'; DROP TABLE users; --", 'x'.repeat(500)),
);

/** Hostile pull query strings: random keys and values. */
export const garbageQuery: fc.Arbitrary<string> = fc
  .dictionary(fc.constantFrom('cursor', 'limit', 'schemaVersion', 'x', '__proto__', 'teamId', 'role'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('-1', '1e400', 'NaN', '0x10', '1.5', '')), { maxKeys: 5 })
  .map((q) => new URLSearchParams(q).toString());

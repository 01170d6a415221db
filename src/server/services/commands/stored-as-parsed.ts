/**
 * A create command stores its parsed args together with the server's stamps (ids from the
 * token, the server's clock, the command's clock) and does not parse the record again: the
 * second parse checked nothing the first had not, and cost a sixth of a push's CPU.
 *
 * That holds only while the record's schema is the args' schema with stamp fields added:
 * each stored value checked by the very schema that parsed it, nothing let through
 * unchecked, no check on the whole record. `assertStoredAsParsed` proves it when a command
 * is defined, so a schema that drifts apart stops the server at start rather than letting a
 * record in that its own schema would refuse.
 */
import { z } from 'zod';

export function assertStoredAsParsed(parsedBy: z.ZodObject, record: z.ZodType, stamps: readonly string[]): void {
  const fail = (why: string): never => {
    throw new Error(`a created record is stored unparsed, but ${why}`);
  };
  if (!(record instanceof z.ZodObject)) return fail('its schema is not an object schema');
  if ((record._zod.def.checks ?? []).length > 0) fail('its schema has a check on the whole record');
  if (!(record._zod.def.catchall instanceof z.ZodNever)) fail('its schema lets unknown fields through');
  if (!(parsedBy._zod.def.catchall instanceof z.ZodNever)) fail('its args schema lets unknown fields through');
  const stored: Record<string, z.ZodType> = record.shape;
  const parsed: Record<string, z.ZodType> = parsedBy.shape;
  for (const [field, schema] of Object.entries(parsed)) {
    if (stored[field] === undefined) fail(`the record has no field ${field}`);
    else if (stored[field] !== schema) fail(`the record checks ${field} with another schema than the args`);
  }
  for (const [field, schema] of Object.entries(stored)) {
    if (parsed[field] === undefined && !stamps.includes(field) && !schema.safeParse(undefined).success) fail(`the record requires ${field}, which is neither parsed nor stamped`);
  }
}

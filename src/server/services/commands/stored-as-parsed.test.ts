/**
 * A create stores its parsed args with the server's stamps and does not parse the record
 * again (stored-as-parsed.ts). That is sound only while the record's schema checks each
 * stored value with the very schema the args were parsed by; these are the drifts that must
 * stop the server at start.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { agencyEditableSchema, agencyRecordSchema } from '../../../shared/domain/agency';
import { clientProfileSchema, clientRecordSchema } from '../../../shared/domain/client';
import { contactArgsSchema, contactRecordSchema } from '../../../shared/domain/contact';
import { safetyAlertArgsSchema, safetyAlertRecordSchema } from '../../../shared/domain/safety-alert';
import { assertStoredAsParsed } from './stored-as-parsed';

const args = z.strictObject({ id: z.uuid(), body: z.string().max(10) });
const stamps = ['teamId', 'createdAt'];

describe('assertStoredAsParsed', () => {
  it('accepts a record schema that is the args schema with stamps and optional fields added', () => {
    expect(() => assertStoredAsParsed(args, args.extend({ teamId: z.uuid(), createdAt: z.string(), withdrawnAt: z.string().optional() }), stamps)).not.toThrow();
  });

  it('accepts the schemas Lantern creates records with', () => {
    expect(() => assertStoredAsParsed(contactArgsSchema, contactRecordSchema, ['teamId', 'createdBy', 'createdAt'])).not.toThrow();
    expect(() => assertStoredAsParsed(safetyAlertArgsSchema, safetyAlertRecordSchema, ['teamId', 'createdBy', 'createdAt'])).not.toThrow();
    expect(() => assertStoredAsParsed(clientProfileSchema, clientRecordSchema, ['id', 'teamId', 'createdBy', 'createdAt', 'updatedAt', 'clocks'])).not.toThrow();
    expect(() => assertStoredAsParsed(agencyEditableSchema, agencyRecordSchema, ['id', 'teamId', 'createdBy', 'createdAt', 'updatedAt', 'clocks', 'isExample'])).not.toThrow();
  });

  it('refuses a record that checks a stored value with another schema', () => {
    const record = z.strictObject({ id: args.shape.id, body: z.string().max(5), teamId: z.uuid(), createdAt: z.string() });
    expect(() => assertStoredAsParsed(args, record, stamps)).toThrow(/body/);
  });

  it('refuses a record with a required field that is neither parsed nor stamped', () => {
    expect(() => assertStoredAsParsed(args, args.extend({ teamId: z.uuid(), createdAt: z.string(), status: z.string() }), stamps)).toThrow(/status/);
  });

  it('refuses an args field the record does not hold', () => {
    expect(() => assertStoredAsParsed(args.extend({ extra: z.string() }), args.extend({ teamId: z.uuid(), createdAt: z.string() }), stamps)).toThrow(/extra/);
  });

  it('refuses a record with a check on the whole object', () => {
    const record = args.extend({ teamId: z.uuid(), createdAt: z.string() }).refine((r) => r.body !== r.id, 'body is not the id');
    expect(() => assertStoredAsParsed(args, record, stamps)).toThrow(/whole record/);
  });

  it('refuses a record that lets unknown fields through', () => {
    const record = z.object({ ...args.shape, teamId: z.uuid(), createdAt: z.string() });
    expect(() => assertStoredAsParsed(args, record, stamps)).toThrow(/unknown fields/);
  });
});

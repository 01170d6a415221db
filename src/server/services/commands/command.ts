/**
 * The shape of a command handler. Each handler parses its own args, names the collection
 * and fields it writes (for the policy check), and applies itself inside the push
 * transaction. Handlers do every check that can reject BEFORE their first write, so a
 * rejected mutation writes nothing and the push needs no savepoints.
 */
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { CollectionName } from '../../../shared/sync/collections';
import type { RejectionCode } from '../../../shared/sync/wire';
import type { DialectName } from '../../storage/database';
import type { Schema } from '../../storage/schema';
import type { User } from '../../storage/users-store';
import { invalidArgsMessage } from './invalid-args-message';

export interface CommandContext {
  readonly trx: Transaction<Schema>;
  readonly dialect: DialectName;
  readonly user: User;
  readonly deviceId: string;
  /** The mutation's clock, already clamped to the server's time. */
  readonly hlc: string;
  /** Server time as ISO, for createdAt/updatedAt. */
  readonly now: string;
}

/** A collection a command writes and the fields it writes there (what the policy checks). */
export interface WriteTarget {
  readonly collection: CollectionName;
  readonly fields: readonly string[];
}

export interface WrittenRecord {
  readonly collection: CollectionName;
  readonly id: string;
}

export type CommandOutcome =
  | { readonly ok: true; readonly writes: readonly WrittenRecord[] }
  | { readonly ok: false; readonly code: RejectionCode; readonly message: string };

/** A parsed command, ready for the policy check and then to run. */
export interface PreparedCommand {
  readonly collection: CollectionName;
  /** The id of the record the command creates or changes (in `collection`). */
  readonly id: string;
  readonly fields: readonly string[];
  /** Other collections the command may write as a side effect (checked like the main one). */
  readonly alsoWrites: readonly WriteTarget[];
  run(ctx: CommandContext): Promise<CommandOutcome>;
}

export type PrepareResult = { readonly ok: true; readonly command: PreparedCommand } | { readonly ok: false; readonly message: string };

export interface CommandHandler {
  prepare(args: unknown): PrepareResult;
}

export interface CommandDefinition<S extends z.ZodType> {
  readonly schema: S;
  readonly collection: CollectionName;
  writtenFields(args: z.infer<S>): string[];
  alsoWrites?(args: z.infer<S>): WriteTarget[];
  apply(ctx: CommandContext, args: z.infer<S>): Promise<CommandOutcome>;
}

/** Binds a definition's types once, so the dispatcher can treat every command alike. */
export function defineCommand<S extends z.ZodType>(def: CommandDefinition<S>): CommandHandler {
  return {
    prepare(args) {
      const parsed = def.schema.safeParse(args);
      if (!parsed.success) return { ok: false, message: invalidArgsMessage(def.schema, parsed.error.issues) };
      const data = parsed.data;
      const id = (data as { readonly id?: unknown }).id;
      if (typeof id !== 'string') return { ok: false, message: 'id: required' };
      return {
        ok: true,
        command: {
          collection: def.collection,
          id,
          fields: def.writtenFields(data),
          alsoWrites: def.alsoWrites?.(data) ?? [],
          run: (ctx) => def.apply(ctx, data),
        },
      };
    },
  };
}

export const rejected = (code: RejectionCode, message: string): CommandOutcome => ({ ok: false, code, message });

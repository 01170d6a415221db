/**
 * The one save of an encounter: every command the encounter produced (contact, consents,
 * assessment, referrals, appointments, notes, client update) written in ONE local
 * transaction — all on the device and queued, or nothing.
 */
import type { Command } from '../../../shared/sync/commands';
import type { LocalChangeResult } from '../local-write';
import { writeCommands, type RepositoryDeps } from './repository-deps';

export interface EncountersRepository {
  /**
   * Applies the encounter's commands in order and writes every record and outbox entry
   * in one transaction. Throws (writing nothing) if any command is invalid or cannot apply.
   */
  record(commands: readonly Command[]): Promise<LocalChangeResult[]>;
}

export function createEncountersRepository(deps: RepositoryDeps): EncountersRepository {
  return {
    async record(commands) {
      if (commands.length === 0) throw new Error('an encounter records at least one thing');
      return writeCommands(deps, commands);
    },
  };
}

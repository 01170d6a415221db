/**
 * First start: an empty database gets one team, its first admin team lead (`admin`), so
 * someone can sign in and add the rest, and a directory of clearly-marked example agencies
 * (example-agencies.ts) — all in one transaction. Idempotent: does nothing once any user
 * exists.
 */
import { uuidv7 } from '../../shared/ids';
import { generatePassword } from '../auth/passwords';
import type { Storage } from '../storage/database';
import { putRecord } from '../storage/records-store';
import { countUsers, insertTeam } from '../storage/users-store';
import { exampleAgencyRecords } from './example-agencies';
import { buildUser, insertUserWithRecord } from './users-service';

export const FIRST_TEAM_NAME = 'Outreach team';
export const ADMIN_USERNAME = 'admin';

export type BootstrapResult =
  | { readonly created: false }
  | {
      readonly created: true;
      readonly teamId: string;
      readonly adminId: string;
      readonly password: string;
      readonly generated: boolean;
      /** The example agencies seeded into the first team's directory. */
      readonly agencyIds: readonly string[];
    };

export async function bootstrap(storage: Storage, adminPassword: string | undefined, nowMs = Date.now()): Promise<BootstrapResult> {
  if ((await countUsers(storage.db)) > 0) return { created: false };
  const password = adminPassword ?? generatePassword(20);
  const teamId = uuidv7(nowMs);
  const admin = await buildUser(
    { teamId, username: ADMIN_USERNAME, name: 'Administrator', role: 'team_lead', admin: true, password },
    nowMs,
  );
  const agencies = exampleAgencyRecords(teamId, admin.id, nowMs);
  try {
    await storage.db.transaction().execute(async (trx) => {
      await insertTeam(trx, { id: teamId, name: FIRST_TEAM_NAME, idleLockMinutes: 5, createdAt: new Date(nowMs).toISOString() });
      await insertUserWithRecord(trx, admin);
      for (const agency of agencies) await putRecord(trx, { collection: 'agencies', id: agency.id, teamId, data: agency });
    });
  } catch (error) {
    // Another process bootstrapped at the same moment; its admin stands.
    if ((await countUsers(storage.db)) > 0) return { created: false };
    throw error;
  }
  return { created: true, teamId, adminId: admin.id, password, generated: adminPassword === undefined, agencyIds: agencies.map((a) => a.id) };
}

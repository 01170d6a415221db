/**
 * The app's composition root: one database, cipher, API client, sync engine and set of
 * repositories per page. Everything the UI reads or writes goes through these.
 *
 * The cipher starts locked: nothing can be read or written until the person unlocks with
 * their password (or signs in). The bearer token and the signed-in user live here in memory
 * only while unlocked; at rest they are sealed in the database.
 */
import type { LoginResponse } from '../../shared/api/auth';
import { createLockableCipher } from '../db/crypto/lockable-cipher';
import { t } from '../i18n/i18n';
import { createAgenciesRepository } from '../db/repositories/agencies';
import { createAppointmentsRepository } from '../db/repositories/appointments';
import { createAssessmentsRepository } from '../db/repositories/assessments';
import { createClientsRepository } from '../db/repositories/clients';
import { createConsentsRepository } from '../db/repositories/consents';
import { createContactsRepository } from '../db/repositories/contacts';
import { createEncountersRepository } from '../db/repositories/encounters';
import { createFollowUpsRepository } from '../db/repositories/follow-ups';
import { createReviewItemsRepository } from '../db/repositories/review-items';
import { createNotesRepository } from '../db/repositories/notes';
import { createNrmRepository } from '../db/repositories/nrm';
import { createReferralsRepository } from '../db/repositories/referrals';
import { createSafetyAlertsRepository } from '../db/repositories/safety-alerts';
import { createTeamMembersRepository } from '../db/repositories/team-members';
import { LanternDb } from '../db/schema';
import { createApiClient } from '../sync/api-client';
import { createSyncEngine } from '../sync/engine';
import type { OverlaySession } from '../sync/pending-overlay';

let current: LoginResponse | null = null;
const onLocalWriteHooks: Array<() => void> = [];

export const db = new LanternDb();
export const cipher = createLockableCipher();
export const api = createApiClient({ getToken: () => current?.token ?? null });

function overlaySession(): OverlaySession | null {
  return current === null ? null : { userId: current.user.id, teamId: current.user.teamId };
}

function requireSession(): OverlaySession {
  const session = overlaySession();
  if (session === null) throw new Error(t('session.store.unlockFirst'));
  return session;
}

export const syncEngine = createSyncEngine({ db, cipher, api, getSession: overlaySession });

function afterWrite(): void {
  syncEngine.notifyLocalWrite();
  onLocalWriteHooks.forEach((hook) => hook());
}

const writerDeps = { db, cipher, getSession: requireSession, onLocalWrite: afterWrite };
export const clientsRepository = createClientsRepository(writerDeps);
export const notesRepository = createNotesRepository(writerDeps);
export const contactsRepository = createContactsRepository(writerDeps);
export const assessmentsRepository = createAssessmentsRepository(writerDeps);
export const consentsRepository = createConsentsRepository(writerDeps);
export const referralsRepository = createReferralsRepository(writerDeps);
export const appointmentsRepository = createAppointmentsRepository(writerDeps);
export const followUpsRepository = createFollowUpsRepository(writerDeps);
export const reviewItemsRepository = createReviewItemsRepository(writerDeps);
export const agenciesRepository = createAgenciesRepository(writerDeps);
export const safetyAlertsRepository = createSafetyAlertsRepository(writerDeps);
export const encountersRepository = createEncountersRepository(writerDeps);
export const teamMembersRepository = createTeamMembersRepository(writerDeps);
export const nrmRepository = createNrmRepository(writerDeps);

/** Runs `hook` after every local write (besides scheduling a sync). */
export function afterLocalWrite(hook: () => void): void {
  onLocalWriteHooks.push(hook);
}

/** Sets the session the API client and repositories use (null when locked or signed out). */
export function setCurrentSession(session: LoginResponse | null): void {
  current = session;
}

/**
 * Erasing a person, from a team lead's screens: ask, confirm (a second lead), cancel, and
 * what is waiting. These need signal — the server erases — and once a person is erased the
 * device syncs at once, so they leave this device too without waiting for the next sync.
 */
import type { Erasure } from '../../shared/api/erasure';
import type { SubjectAccess } from '../../shared/api/subject-access';
import { t } from '../i18n/i18n';
import type { MessageId } from '../i18n/locales/en';
import { describeOnlineFailure } from '../sync/api-client';
import { api, syncEngine } from './runtime';

async function thenSync(erasure: Erasure): Promise<Erasure> {
  if (erasure.status === 'erased') await syncEngine.syncNow().catch(() => undefined);
  return erasure;
}

/** Asks to erase a person; an admin's request is carried out at once. */
export const askToErase = async (clientId: string): Promise<Erasure> => thenSync(await api.requestErasure(clientId));

/** A second team lead carries out a request. */
export const confirmErasure = async (id: string): Promise<Erasure> => thenSync(await api.confirmErasure(id));

/** Withdraws a waiting request; nothing is erased. */
export const cancelErasure = (id: string): Promise<Erasure> => api.cancelErasure(id);

/** The team's requests waiting for a second team lead. */
export const pendingErasures = async (): Promise<readonly Erasure[]> => (await api.listErasures()).erasures;

/** Everything held about a person, for them (audited on the server). */
export const subjectAccess = (clientId: string): Promise<SubjectAccess> => api.exportSubjectAccess(clientId);

/** Why something needs signal, as a message id looked up when the failure is worded. */
export interface SignalReason {
  readonly id: MessageId;
}

/**
 * A failure in words a team lead can act on; `offline` says why this needs signal (already
 * in words, or a `SignalReason` worded in the interface's language at the time).
 */
export const describeDataRightsFailure = (error: unknown, offline: string | SignalReason): string =>
  describeOnlineFailure(
    error,
    t('session.store.dataRights.noConnection', { reason: typeof offline === 'string' ? offline : t(offline.id) }),
    t('session.store.dataRights.failed'),
  );

export const ERASING_NEEDS_SIGNAL: SignalReason = { id: 'session.store.dataRights.erasingNeedsSignal' };

/**
 * Everything the caseload view is built from, read in one go: every client, contact,
 * assessment, open referral, appointment, follow-up and NRM referral the device holds (a team lead's
 * device holds the team's). Read-only; the view writes through the clients repository.
 */
import type { CaseloadRecords } from '../../../shared/domain/caseload';
import { isReferralOpen } from '../../../shared/domain/referral-status';
import { createRecordReader } from './record-reader';
import type { RepositoryDeps } from './repository-deps';

export interface CaseloadRepository {
  load(): Promise<CaseloadRecords>;
}

export function createCaseloadRepository(deps: Pick<RepositoryDeps, 'db' | 'cipher' | 'onUnreadable'>): CaseloadRepository {
  const reader = <C extends 'clients' | 'contacts' | 'assessments' | 'referrals' | 'appointments' | 'followUps' | 'nrmReferrals'>(collection: C) =>
    createRecordReader(deps.db, deps.cipher, collection, deps.onUnreadable);
  const [clients, contacts, assessments, referrals, appointments, followUps, nrmReferrals] = [
    reader('clients'),
    reader('contacts'),
    reader('assessments'),
    reader('referrals'),
    reader('appointments'),
    reader('followUps'),
    reader('nrmReferrals'),
  ];
  return {
    async load() {
      const [c, k, a, r, p, f, n] = await Promise.all([clients.list(), contacts.list(), assessments.list(), referrals.list(), appointments.list(), followUps.list(), nrmReferrals.list()]);
      return { clients: c, contacts: k, assessments: a, referrals: r.filter((x) => isReferralOpen(x.status)), appointments: p, followUps: f, nrmReferrals: n };
    },
  };
}

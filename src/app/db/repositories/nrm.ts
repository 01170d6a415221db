/**
 * The legal pathway on the device: what workers noticed (observations), NRM referrals and
 * the team's anonymous Duty to Notify records. Args are checked by the shared schemas and
 * moves by the NRM lifecycle before anything is written; the server checks them again.
 */
import { dutyToNotifyArgsSchema, type DutyToNotifyRecord } from '../../../shared/domain/duty-to-notify';
import { nrmReferArgsSchema, type NrmReferralRecord } from '../../../shared/domain/nrm';
import { awaitedDecision, canTransitionNrm } from '../../../shared/domain/nrm-status';
import { observationArgsSchema, type ObservationRecord } from '../../../shared/domain/observation';
import { uuidv7 } from '../../../shared/ids';
import { nrmRecordArgsSchema } from '../../../shared/sync/commands';
import type { z } from 'zod';
import { createRecordReader } from './record-reader';
import { newestFirst, nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export type NrmReferInput = Omit<z.input<typeof nrmReferArgsSchema>, 'id' | 'followUpId'>;
export type NrmStepInput = Pick<z.input<typeof nrmRecordArgsSchema>, 'to' | 'on' | 'supportProvider'>;

export interface NrmRepository {
  /** A client's NRM referrals, newest first. */
  referralsFor(clientId: string): Promise<NrmReferralRecord[]>;
  /** What workers noticed about a client, newest first. */
  observationsFor(clientId: string): Promise<ObservationRecord[]>;
  /** Every NRM referral on the device (the caseload counts them). */
  referrals(): Promise<NrmReferralRecord[]>;
  /** The team's Duty to Notify records, newest first. */
  dutyToNotify(): Promise<DutyToNotifyRecord[]>;
  /** Records a referral (queued as `nrm.refer`, with the follow-up that chases its first decision). */
  refer(input: NrmReferInput): Promise<NrmReferralRecord>;
  /** Records a step on the referral's path; a step into a new wait opens its follow-up. Throws if the lifecycle has no such move. */
  record(id: string, step: NrmStepInput): Promise<NrmReferralRecord>;
  /** Records what a worker noticed, outside an encounter. */
  observe(input: Omit<z.input<typeof observationArgsSchema>, 'id' | 'observedAt'>): Promise<ObservationRecord>;
  /** Records an anonymous Duty to Notify. */
  notify(input: Omit<z.input<typeof dutyToNotifyArgsSchema>, 'id'>): Promise<DutyToNotifyRecord>;
}

export function createNrmRepository(deps: RepositoryDeps): NrmRepository {
  const referrals = createRecordReader(deps.db, deps.cipher, 'nrmReferrals', deps.onUnreadable);
  const observations = createRecordReader(deps.db, deps.cipher, 'observations', deps.onUnreadable);
  const notifications = createRecordReader(deps.db, deps.cipher, 'dutyToNotify', deps.onUnreadable);
  return {
    async referralsFor(clientId) {
      return (await referrals.listByIndex('clientId', clientId)).sort(newestFirst((r) => r.createdAt));
    },
    async observationsFor(clientId) {
      return (await observations.listByIndex('clientId', clientId)).sort(newestFirst((o) => o.observedAt));
    },
    referrals: () => referrals.list(),
    async dutyToNotify() {
      return (await notifications.list()).sort(newestFirst((d) => d.notifiedOn));
    },
    async refer(input) {
      const args = nrmReferArgsSchema.parse({ ...input, id: uuidv7(), followUpId: uuidv7() });
      return (await writeCommand(deps, { name: 'nrm.refer', args })) as NrmReferralRecord;
    },
    async record(id, step) {
      const current = await referrals.get(id);
      if (current === undefined) throw new Error('This NRM referral is not on this device.');
      if (!canTransitionNrm(current.status, step.to)) throw new Error(`An NRM referral cannot go from ${current.status} to ${step.to}.`);
      const followUpId = awaitedDecision(step.to) === null ? undefined : uuidv7();
      const args = nrmRecordArgsSchema.parse({ id, ...step, ...(followUpId === undefined ? {} : { followUpId }), at: nowIso(deps) });
      return (await writeCommand(deps, { name: 'nrm.record', args })) as NrmReferralRecord;
    },
    async observe(input) {
      const args = observationArgsSchema.parse({ ...input, id: uuidv7(), observedAt: nowIso(deps) });
      return (await writeCommand(deps, { name: 'observation.record', args })) as ObservationRecord;
    },
    async notify(input) {
      const args = dutyToNotifyArgsSchema.parse({ ...input, id: uuidv7() });
      return (await writeCommand(deps, { name: 'dutyToNotify.record', args })) as DutyToNotifyRecord;
    },
  };
}

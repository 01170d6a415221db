/**
 * Referrals in the model test: a worker records the person's consent to share and makes
 * the referral in one local change (as the encounter does), and anyone may move a
 * referral along its state machine. Two devices moving the same referral at once is
 * normal: the second move may no longer be allowed, and the server then refuses it —
 * visibly, on the device that made it. Peer volunteers hold no referrals.
 */
import { createRecordReader } from '../../../src/app/db/repositories/record-reader';
import { createReferralsRepository } from '../../../src/app/db/repositories/referrals';
import { writeCommands } from '../../../src/app/db/repositories/repository-deps';
import { highestOutboxId } from '../../../src/app/sync/outbox';
import { nextReferralStatuses } from '../../../src/shared/domain/referral-status';
import { uuidv7 } from '../../../src/shared/ids';
import { countEvent, modelDevice, nextWrite, noteMutation, type SyncModel } from './model';
import { isPeer, pickClient, slotOf, type ModelCommand } from './user-actions';
import type { World } from './world';

export class Refer implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const client = isPeer(slot) ? undefined : await pickClient(slot, this.pick);
    if (client === undefined) return;
    const { n, text } = nextWrite(model);
    const now = slot.device.now();
    const consentId = uuidv7(now);
    const referralId = uuidv7(now);
    const [consent, referral] = await writeCommands(slot.device.repositoryDeps, [
      {
        name: 'consent.record',
        args: { id: consentId, clientId: client.id, kind: 'share', decision: 'given', method: 'verbal', decidedAt: new Date(now).toISOString(), agencyId: world.agencyId },
      },
      {
        name: 'referral.create',
        args: { id: referralId, clientId: client.id, agencyId: world.agencyId, need: 'housing', urgency: 'soon', consentId, consentedSummary: `summary ${text}`, sharedFields: ['alias'], status: 'sent' },
      },
    ]);
    if (consent === undefined || referral === undefined) throw new Error('the referral was not written');
    noteMutation(model, slot.deviceId, consent.outboxId);
    noteMutation(model, slot.deviceId, referral.outboxId);
    model.appends.push({ n, deviceId: slot.deviceId, command: 'consent.record', collection: 'consents', id: consentId, mutationId: consent.outboxId });
    model.appends.push({ n, deviceId: slot.deviceId, command: 'referral.create', collection: 'referrals', id: referralId, mutationId: referral.outboxId });
  }
  toString = (): string => `refer(dev${this.slot}, client#${this.pick})`;
}

/** Moves the `pick`-th referral on the device to the `choice`-th status it may go to next. */
export class MoveReferral implements ModelCommand {
  constructor(readonly slot: number, readonly pick: number, readonly choice: number) {}
  check = (): boolean => true;
  async run(model: SyncModel, world: World): Promise<void> {
    const slot = slotOf(world, this.slot);
    const { db, cipher, repositoryDeps } = slot.device;
    const referrals = (await createRecordReader(db, cipher, 'referrals').list()).sort((a, b) => a.id.localeCompare(b.id));
    const referral = referrals[this.pick % Math.max(referrals.length, 1)];
    const options = referral === undefined ? [] : nextReferralStatuses(referral.status);
    const to = options[this.choice % Math.max(options.length, 1)];
    if (referral === undefined || to === undefined) return;
    nextWrite(model);
    await createReferralsRepository(repositoryDeps).transition(referral.id, to);
    const mutationId = await highestOutboxId(db);
    noteMutation(model, slot.deviceId, mutationId);
    modelDevice(model, slot.deviceId).allowedRejections.set(mutationId, 'invalid_transition');
    model.moves.push({ deviceId: slot.deviceId, userId: slot.member.user.id, referralId: referral.id, to, mutationId });
    countEvent(model, 'referral moves');
  }
  toString = (): string => `moveReferral(dev${this.slot}, referral#${this.pick}, option ${this.choice})`;
}

/**
 * The team's caseload when a run starts: a few clients the team lead recorded at the
 * desk, already on every phone. Most of what can go wrong happens to a client that
 * several devices hold, so a run should not spend its few steps getting there.
 */
import { encodeHlc } from '../../../src/shared/hlc';
import { uuidv7 } from '../../../src/shared/ids';
import { SCHEMA_VERSION } from '../../../src/shared/sync/wire';
import { addModelDevice, nextWrite, noteMutation, type SyncModel } from './model';
import { syncWithoutFaults } from './sync-step';
import { deskClient, type World } from './world';

/** The consent to share and a referral (sent) for `clientId`, as mutations `first` and `first + 1`. */
function referralFor(world: World, model: SyncModel, clientId: string, first: number) {
  const { deviceId } = world.desk;
  const { n, text } = nextWrite(model);
  const now = world.server.now();
  const consentId = uuidv7(now);
  const referralId = uuidv7(now);
  const hlc = (i: number): string => encodeHlc({ wallMs: now, counter: i, deviceId });
  const consent = { id: consentId, clientId, kind: 'share', decision: 'given', method: 'verbal', decidedAt: new Date(now).toISOString(), agencyId: world.agencyId };
  const referral = { id: referralId, clientId, agencyId: world.agencyId, need: 'housing', urgency: 'soon', consentId, consentedSummary: `summary ${text}`, sharedFields: ['alias'], status: 'sent' };
  noteMutation(model, deviceId, first);
  noteMutation(model, deviceId, first + 1);
  model.appends.push({ n, deviceId, command: 'consent.record', collection: 'consents', id: consentId, mutationId: first });
  model.appends.push({ n, deviceId, command: 'referral.create', collection: 'referrals', id: referralId, mutationId: first + 1 });
  return [
    { id: first, name: 'consent.record', args: consent, hlc: hlc(first) },
    { id: first + 1, name: 'referral.create', args: referral, hlc: hlc(first + 1) },
  ];
}

/** Creates `count` clients (and a referral for the first) from the desk, and syncs every slot's device once. */
export async function seedCaseload(world: World, model: SyncModel, count: number): Promise<void> {
  const { deviceId } = world.desk;
  addModelDevice(model, deviceId, -1, 'team_lead');
  const mutations = [];
  for (let i = 1; i <= count; i++) {
    const { n, text } = nextWrite(model);
    const id = uuidv7();
    const profile = { alias: `alias ${text}`, usualAreas: [`area ${text}`] };
    mutations.push({ id: i, name: 'client.create', args: { id, profile }, hlc: encodeHlc({ wallMs: world.server.now(), counter: i, deviceId }) });
    noteMutation(model, deviceId, i);
    model.appends.push({ n, deviceId, command: 'client.create', collection: 'clients', id, mutationId: i });
    for (const [field, value] of Object.entries(profile)) {
      model.fieldWrites.push({ n, deviceId, clientId: id, field: field as 'alias' | 'usualAreas', value, shown: undefined, mutationId: i });
    }
  }
  mutations.push(...referralFor(world, model, mutations[0]?.args.id ?? '', count + 1));
  const answer = await deskClient(world).push({ deviceId, schemaVersion: SCHEMA_VERSION, mutations });
  if (answer.lastMutationId !== mutations.length || answer.rejections.length > 0) throw new Error(`seeding the caseload failed: ${JSON.stringify(answer)}`);
  for (const slot of world.slots) await syncWithoutFaults(world, model, slot);
}

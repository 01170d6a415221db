/**
 * Push: applies a device's outbox exactly once. All of it happens in ONE transaction — the
 * device row lock, every applied write, every rejection and the new `last_mutation_id` —
 * so if any part fails everything rolls back and the device simply pushes again. Ids at or
 * below the stored watermark were applied before and are skipped; a rejected mutation is
 * recorded and still advances the watermark (it will never be accepted).
 */
import { admitHlc, decodeHlc, encodeHlc, type Hlc } from '../../shared/hlc';
import { consentArgsSchema } from '../../shared/domain/consent';
import { isCommandName } from '../../shared/sync/commands';
import type { Mutation, PushRequest, PushResponse, Rejection } from '../../shared/sync/wire';
import { rejectionCodeSchema, SCHEMA_VERSION } from '../../shared/sync/wire';
import type { AuthContext } from '../auth/authenticate';
import type { Storage } from '../storage/database';
import { appendAuditRows, insertRejection, listRejections, type AuditEntry } from '../storage/audit-store';
import { lockDevice, setLastMutationId } from '../storage/devices-store';
import { lockTeamWriters, restampRecord } from '../storage/records-store';
import type { CommandContext, CommandOutcome } from './commands/command';
import { commandHandlers } from './commands/registry';
import { eraseClientRecords } from './erasure';
import { ApiError, forbidden } from './errors';
import { mayWrite } from './policy';

type MutationContext = Omit<CommandContext, 'hlc'>;

/** What a mutation did, and the record it aimed at when its args named one. */
type MutationOutcome = CommandOutcome & { collection?: string; target?: { collection: string; id: string } };

/** The last clock admitted from the pushing device; each admitted write moves it on. */
interface DeviceClock {
  last: Hlc | null;
}

async function runMutation(ctx: MutationContext, mutation: Mutation, nowMs: number, clock: DeviceClock): Promise<MutationOutcome> {
  if (!isCommandName(mutation.name)) {
    // The name is not echoed: it is free text from the device, and it would be stored.
    return { ok: false, code: 'unknown_command', message: 'this app version sent a command the server does not know' };
  }
  const prepared = commandHandlers[mutation.name].prepare(mutation.args);
  if (!prepared.ok) return { ok: false, code: 'invalid_args', message: prepared.message };
  const { command } = prepared;
  const target = { collection: command.collection, id: command.id };
  // A device's clock names that device: a forged id would dodge conflict detection (merge.ts).
  const remote = decodeHlc(mutation.hlc);
  if (remote.deviceId !== ctx.deviceId) {
    return { ok: false, code: 'invalid_args', message: 'the clock names another device', target };
  }
  const name = mutation.name;
  const targets = [{ collection: command.collection, fields: command.fields }, ...command.alsoWrites];
  if (!targets.every((t) => mayWrite(ctx.user.role, name, t.collection, t.fields))) {
    return { ok: false, code: 'forbidden', message: 'your role may not do this', collection: command.collection, target };
  }
  // Clamped if far ahead, and always after this device's previous write: a device's
  // writes never share a clock, so none is mistaken for one already applied.
  clock.last = admitHlc(remote, clock.last, nowMs);
  const outcome = await command.run({ ...ctx, hlc: encodeHlc(clock.last) });
  return { ...outcome, collection: command.collection, target };
}

/**
 * Notes the outcome: audit rows into `audit` (written together at the end of the push),
 * and for a refusal, the rejection and the record handed back to the device.
 */
async function recordOutcome(ctx: MutationContext, mutation: Mutation, outcome: MutationOutcome, audit: AuditEntry[]): Promise<Rejection | null> {
  // The audit log holds ids and known names only, never free text from a device.
  const base = { userId: ctx.user.id, deviceId: ctx.deviceId, action: isCommandName(mutation.name) ? mutation.name : 'unknown_command' };
  if (outcome.ok) {
    for (const w of outcome.writes) audit.push({ ...base, collection: w.collection, recordId: w.id, outcome: 'ok' });
    return null;
  }
  const rejection = { id: mutation.id, code: outcome.code, message: outcome.message };
  // The device shows the refused change until it pulls the record again: hand it the
  // server's version (a record it made itself and the server never had, it drops itself).
  if (outcome.target !== undefined) await restampRecord(ctx.trx, outcome.target.collection, outcome.target.id, ctx.user.teamId);
  await insertRejection(ctx.trx, { deviceId: ctx.deviceId, mutationId: mutation.id, name: base.action, code: outcome.code, message: outcome.message }, ctx.now);
  const outcomeLabel = outcome.code === 'forbidden' ? 'denied' : `rejected:${outcome.code}`;
  audit.push({ ...base, collection: outcome.collection ?? null, outcome: outcomeLabel });
  return rejection;
}

/**
 * What an applied change sets off beyond its own writes. A person who withdraws consent to
 * keep a record is erased in the same transaction, exactly as two team leads would erase
 * them (erasure.ts): nothing is stored without consent (docs/data-protection.md).
 */
async function applyConsequences(ctx: MutationContext, mutation: Mutation, audit: AuditEntry[]): Promise<{ readonly erased: boolean }> {
  if (mutation.name !== 'consent.record') return { erased: false };
  const consent = consentArgsSchema.safeParse(mutation.args);
  if (!consent.success || consent.data.kind !== 'store' || consent.data.decision !== 'withdrawn') return { erased: false };
  await eraseClientRecords(ctx.trx, ctx.user.teamId, consent.data.clientId, ctx.now);
  audit.push({ userId: ctx.user.id, deviceId: ctx.deviceId, action: 'clients.erase', collection: 'clients', recordId: consent.data.clientId, outcome: 'ok:consent_withdrawn' });
  return { erased: true };
}

/** Rejections already recorded for ids in this push that were applied before. */
async function repeatedRejections(ctx: MutationContext, mutations: readonly Mutation[], watermark: number): Promise<Rejection[]> {
  const repeated = mutations.filter((m) => m.id <= watermark).map((m) => m.id);
  const stored = await listRejections(ctx.trx, ctx.deviceId, repeated);
  return stored.map((r) => ({ id: r.mutationId, code: rejectionCodeSchema.parse(r.code), message: r.message }));
}

/** Applies a push for the authenticated device; see the module comment for guarantees. */
export async function pushMutations(storage: Storage, auth: AuthContext, request: PushRequest, nowMs: number): Promise<PushResponse> {
  if (request.deviceId !== auth.device.id) throw forbidden('This push is for a different device.');
  if (request.schemaVersion < SCHEMA_VERSION) throw new ApiError(426, 'upgrade_required', 'Please update the app to sync.');
  const now = new Date(nowMs).toISOString();
  let erased = false;
  const response = await storage.db.transaction().execute(async (trx) => {
    const device = await lockDevice(trx, storage.dialect, auth.device.id);
    if (device === undefined || device.revokedAt !== null) throw new ApiError(401, 'unauthorized', 'This device has been signed out.', true);
    // Applied in id order whatever order they arrived in, so the watermark never passes an
    // id that was not applied.
    const pending = request.mutations.filter((m) => m.id > device.lastMutationId).sort((a, b) => a.id - b.id);
    const ctx: MutationContext = { trx, dialect: storage.dialect, user: auth.user, deviceId: device.id, now };
    if (pending.length > 0) await lockTeamWriters(trx, auth.user.teamId);
    let last = device.lastMutationId;
    const clock: DeviceClock = { last: device.lastHlc === null ? null : decodeHlc(device.lastHlc) };
    const rejections: Rejection[] = await repeatedRejections(ctx, request.mutations, device.lastMutationId);
    const audit: AuditEntry[] = [];
    for (const mutation of pending) {
      if (mutation.id <= last) continue; // the same id twice in one push
      const rejection = await recordOutcome(ctx, mutation, await runMutation(ctx, mutation, nowMs, clock), audit);
      if (rejection !== null) rejections.push(rejection);
      else if ((await applyConsequences(ctx, mutation, audit)).erased) erased = true;
      last = mutation.id;
    }
    await appendAuditRows(trx, audit, now);
    if (last !== device.lastMutationId) await setLastMutationId(trx, device.id, last, now, clock.last === null ? undefined : encodeHlc(clock.last));
    return { lastMutationId: last, rejections, serverTime: nowMs };
  });
  // As after a team lead's erasure: the erased content leaves the database's files too.
  if (erased) await storage.compact();
  return response;
}

/**
 * Follow-up tasks on the device: opened by hand or by a missed appointment, done when
 * done — never a discharge. `status` and `dueAt` are clear index fields, so "my
 * follow-ups" decrypts only open ones.
 */
import { followUpArgsSchema, type FollowUpRecord } from '../../../shared/domain/follow-up';
import { uuidv7 } from '../../../shared/ids';
import type { z } from 'zod';
import { createRecordReader } from './record-reader';
import { nowIso, writeCommand, type RepositoryDeps } from './repository-deps';

export interface FollowUpsRepository {
  /** One follow-up by id, or undefined if it is not on the device. */
  get(id: string): Promise<FollowUpRecord | undefined>;
  /** Open follow-ups assigned to `userId`, soonest due first. */
  mine(userId: string): Promise<FollowUpRecord[]>;
  /** Every open follow-up on the device (a lead's: the whole team's), soonest due first. */
  open(): Promise<FollowUpRecord[]>;
  /** A client's follow-ups (open and done), soonest due first. */
  forClient(clientId: string): Promise<FollowUpRecord[]>;
  /** Gives a follow-up to a colleague, or to nobody (team leads; queued as `followUp.reassign`). */
  reassign(id: string, assigneeId: string | null): Promise<FollowUpRecord>;
  /** Marks a follow-up done (queued as `followUp.complete`). Throws if it is not on the device. */
  complete(id: string): Promise<FollowUpRecord>;
  /** Opens a follow-up by hand (queued as `followUp.create`); the shared schema checks it first. */
  add(followUp: Omit<z.input<typeof followUpArgsSchema>, 'id'>): Promise<FollowUpRecord>;
}

const soonestDue = (a: FollowUpRecord, b: FollowUpRecord): number =>
  new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime() || a.id.localeCompare(b.id);

export function createFollowUpsRepository(deps: RepositoryDeps): FollowUpsRepository {
  const reader = createRecordReader(deps.db, deps.cipher, 'followUps', deps.onUnreadable);
  return {
    get: (id) => reader.get(id),
    async mine(userId) {
      const open = await reader.listByIndex('status', 'open');
      return open.filter((f) => f.assigneeId === userId).sort(soonestDue);
    },
    async open() {
      return (await reader.listByIndex('status', 'open')).sort(soonestDue);
    },
    async forClient(clientId) {
      return (await reader.listByIndex('clientId', clientId)).sort(soonestDue);
    },
    async reassign(id, assigneeId) {
      if ((await reader.get(id))?.status !== 'open') throw new Error(`follow-up ${id} is not open on this device`);
      return (await writeCommand(deps, { name: 'followUp.reassign', args: { id, assigneeId } })) as FollowUpRecord;
    },
    async complete(id) {
      if ((await reader.get(id)) === undefined) throw new Error(`follow-up ${id} is not on this device`);
      return (await writeCommand(deps, { name: 'followUp.complete', args: { id, at: nowIso(deps) } })) as FollowUpRecord;
    },
    async add(followUp) {
      const args = followUpArgsSchema.parse({ id: uuidv7(), ...followUp });
      return (await writeCommand(deps, { name: 'followUp.create', args })) as FollowUpRecord;
    },
  };
}

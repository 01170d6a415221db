/**
 * After quiescence every replica equals the server's view for its role: each device holds
 * exactly the team's live records its role may see, redacted the way pull redacts them
 * (the server's own policy table), and nothing else — so a peer volunteer's replica holds
 * no restricted field, and a worker's holds nobody else's restricted note.
 */
import { createRecordReader } from '../../../src/app/db/repositories/record-reader';
import { redactRecord } from '../../../src/server/services/policy';
import { jsonEqual } from '../../../src/shared/merge';
import { collectionNames, type CollectionName } from '../../../src/shared/sync/collections';
import type { ServerState } from './server-state';
import type { Slot } from './world';

function serverView(state: ServerState, slot: Slot, collection: CollectionName): Map<string, unknown> {
  const viewer = { role: slot.role, userId: slot.member.user.id };
  const view = new Map<string, unknown>();
  for (const record of state.records) {
    if (record.collection !== collection || record.deleted || record.data === null) continue;
    const redacted = redactRecord(viewer, collection, record.data);
    if (redacted !== null) view.set(record.id, redacted);
  }
  return view;
}

/** Where `slot`'s replica differs from the server's view for its role. */
export async function replicaDifferences(state: ServerState, slot: Slot): Promise<string[]> {
  const problems: string[] = [];
  const { db, cipher } = slot.device;
  for (const collection of collectionNames) {
    const expected = serverView(state, slot, collection);
    const held = await createRecordReader(db, cipher, collection).list();
    const seen = new Set<string>();
    for (const record of held) {
      seen.add(record.id);
      const want = expected.get(record.id);
      if (want === undefined) problems.push(`device ${slot.index}: holds ${collection} ${record.id}, which the server does not give it: ${JSON.stringify(record)}`);
      else if (!jsonEqual(want, record)) problems.push(`device ${slot.index}: ${collection} ${record.id} is ${JSON.stringify(record)}, the server's view is ${JSON.stringify(want)}`);
    }
    for (const id of expected.keys()) if (!seen.has(id)) problems.push(`device ${slot.index}: lacks ${collection} ${id}`);
  }
  return problems;
}

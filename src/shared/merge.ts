/**
 * The field merge rule for mutable entities (the client profile, agencies, users).
 *
 * Each field keeps its value and the HLC of the write that set it. A write carries, per
 * field, the clock of the value its author had seen (`seen`). The higher clock wins, so
 * replicas converge whatever the delivery order. When the winner replaces a different value
 * its author had not seen — or when a write loses to one its author had not seen — the
 * losing value is reported as a conflict, for the team lead's review queue. A device always
 * sees its own earlier writes, so it never conflicts with itself. Two different writes are
 * never treated as one, even if they carry the same clock.
 *
 * Pure: no I/O, used by the server when applying pushes and by tests.
 */
import { compareEncodedHlc, decodeHlc } from './hlc';

export interface FieldState {
  readonly value: unknown;
  readonly hlc: string;
}

export interface FieldWrite {
  readonly value: unknown;
  readonly hlc: string;
  /** Clock of the value the author saw when writing; `null` if the field was unset. */
  readonly seen: string | null;
}

export interface FieldConflict {
  readonly field: string;
  readonly losing: FieldState;
  readonly winning: FieldState;
}

export interface FieldMergeResult {
  readonly next: FieldState;
  readonly conflict: FieldConflict | null;
}

/** Structural equality for JSON values (field values are JSON). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function sameDevice(a: string, b: string): boolean {
  return decodeHlc(a).deviceId === decodeHlc(b).deviceId;
}

/** JSON with object keys sorted, so that equal values give equal strings. */
function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * Two writes with one clock. The same value is the same write (a replay): nothing to do.
 * Different values must never be equated: the server admits each device's clocks strictly
 * increasing (hlc.ts `admitHlc`), so this cannot happen through sync, but if it ever does
 * the order is still total (by value, so every replica picks the same winner) and the
 * loser goes to the review queue rather than vanishing.
 */
function equalClocks(field: string, current: FieldState, incoming: FieldState, differs: boolean): FieldMergeResult {
  if (!differs) return { next: current, conflict: null };
  const incomingWins = canonicalJson(incoming.value) > canonicalJson(current.value);
  const [winning, losing] = incomingWins ? [incoming, current] : [current, incoming];
  return { next: winning, conflict: { field, losing, winning } };
}

export function mergeField(field: string, current: FieldState | undefined, write: FieldWrite): FieldMergeResult {
  const incoming: FieldState = { value: write.value, hlc: write.hlc };
  if (current === undefined) return { next: incoming, conflict: null };
  const order = compareEncodedHlc(write.hlc, current.hlc);
  const differs = !jsonEqual(current.value, write.value);
  if (order === 0) return equalClocks(field, current, incoming, differs);
  if (order > 0) {
    const unseen = write.seen !== current.hlc && !sameDevice(write.hlc, current.hlc);
    const conflict = differs && unseen ? { field, losing: current, winning: incoming } : null;
    return { next: incoming, conflict };
  }
  // The write is older than what is stored: it loses. Its author cannot have seen the
  // stored value unless both came from the same device.
  const conflict = differs && !sameDevice(write.hlc, current.hlc) ? { field, losing: incoming, winning: current } : null;
  return { next: current, conflict };
}

export type FieldClocks = Readonly<Record<string, string>>;

export interface EntityMergeResult {
  readonly values: Record<string, unknown>;
  readonly clocks: Record<string, string>;
  readonly conflicts: FieldConflict[];
}

/**
 * Applies a patch (`set` with one clock and the clocks the author saw) to an entity's
 * values and field clocks.
 */
export function mergeEntity(
  values: Readonly<Record<string, unknown>>,
  clocks: FieldClocks,
  set: Readonly<Record<string, unknown>>,
  hlc: string,
  seen: Readonly<Record<string, string | null>>,
): EntityMergeResult {
  const nextValues: Record<string, unknown> = { ...values };
  const nextClocks: Record<string, string> = { ...clocks };
  const conflicts: FieldConflict[] = [];
  for (const [field, value] of Object.entries(set)) {
    const clock = clocks[field];
    const current = clock === undefined ? undefined : { value: values[field], hlc: clock };
    const { next, conflict } = mergeField(field, current, { value, hlc, seen: seen[field] ?? null });
    nextValues[field] = next.value;
    nextClocks[field] = next.hlc;
    if (conflict) conflicts.push(conflict);
  }
  return { values: nextValues, clocks: nextClocks, conflicts };
}

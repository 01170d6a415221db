/**
 * Hybrid logical clock (HLC) for field-level last-writer-wins.
 *
 * An HLC orders writes across devices without trusting any device's wall clock for
 * correctness: `wallMs` follows physical time when clocks agree, `counter` breaks ties
 * within a millisecond, `deviceId` makes the order total. Encoded as a fixed-width string
 * so that string comparison equals clock comparison (handy for storage and indexes).
 *
 * No cursor or sync ordering depends on these clocks; they only decide which of two
 * concurrent field values wins.
 */
import { z } from 'zod';

export interface Hlc {
  readonly wallMs: number;
  readonly counter: number;
  readonly deviceId: string;
}

/** Remote clocks further ahead of the server than this are clamped. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000;

const WALL_WIDTH = 11; // base36 digits: enough for year 5000+
const COUNTER_WIDTH = 5; // base36 digits: 60 million ticks within one millisecond
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;

const HLC_PATTERN = /^[0-9a-z]{11}:[0-9a-z]{5}:[A-Za-z0-9_-]{1,64}$/;

/** The wire and storage form of an HLC: `wall:counter:device`, comparable as a string. */
export const hlcStringSchema = z.string().regex(HLC_PATTERN, 'not a valid clock value');

export function encodeHlc(hlc: Hlc): string {
  return `${hlc.wallMs.toString(36).padStart(WALL_WIDTH, '0')}:${hlc.counter
    .toString(36)
    .padStart(COUNTER_WIDTH, '0')}:${hlc.deviceId}`;
}

export function decodeHlc(encoded: string): Hlc {
  if (!HLC_PATTERN.test(encoded)) throw new Error('not a valid clock value');
  const [wall = '', counter = '', deviceId = ''] = encoded.split(':');
  return { wallMs: parseInt(wall, 36), counter: parseInt(counter, 36), deviceId };
}

export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wallMs !== b.wallMs) return a.wallMs < b.wallMs ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.deviceId === b.deviceId) return 0;
  return a.deviceId < b.deviceId ? -1 : 1;
}

/** Compares two encoded clocks; equivalent to comparing the decoded ones. */
export function compareEncodedHlc(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function initialHlc(deviceId: string): Hlc {
  return { wallMs: 0, counter: 0, deviceId };
}

function bump(wallMs: number, counter: number, deviceId: string): Hlc {
  if (counter > MAX_COUNTER) return { wallMs: wallMs + 1, counter: 0, deviceId };
  return { wallMs, counter, deviceId };
}

/** Advances the local clock for a local event (a write). */
export function tickHlc(local: Hlc, nowMs: number): Hlc {
  if (nowMs > local.wallMs) return { wallMs: nowMs, counter: 0, deviceId: local.deviceId };
  return bump(local.wallMs, local.counter + 1, local.deviceId);
}

/**
 * Advances the local clock on receiving a remote clock (a pulled record, or the server's
 * time), so that the next local write orders after everything this device has seen.
 */
export function receiveHlc(local: Hlc, remote: Pick<Hlc, 'wallMs' | 'counter'>, nowMs: number): Hlc {
  const wallMs = Math.max(local.wallMs, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === local.wallMs && wallMs === remote.wallMs) {
    counter = Math.max(local.counter, remote.counter) + 1;
  } else if (wallMs === local.wallMs) {
    counter = local.counter + 1;
  } else if (wallMs === remote.wallMs) {
    counter = remote.counter + 1;
  }
  return bump(wallMs, counter, local.deviceId);
}

/**
 * The server clamps clocks that claim to be more than five minutes ahead of it, so that
 * one device with a wrong clock cannot win every future conflict. Clamping alone is not
 * order-preserving (two writes far ahead clamp to the same value); use `admitHlc`.
 */
export function clampHlc(remote: Hlc, serverNowMs: number, maxAheadMs = MAX_CLOCK_AHEAD_MS): Hlc {
  const limit = serverNowMs + maxAheadMs;
  if (remote.wallMs <= limit) return remote;
  return { wallMs: limit, counter: remote.counter, deviceId: remote.deviceId };
}

/**
 * The clock the server gives a device's write: the device's clock, clamped, and always
 * strictly after the last clock admitted from the same device (`lastAdmitted`).
 *
 * A device's own clocks only increase (`tickHlc`), but clamping maps every clock beyond
 * the limit onto the limit, and a server's own clock may step back; either would make two
 * different writes of one device carry one clock, and the merge would keep only one.
 * Taking the successor of the last admitted clock keeps the device's order intact
 * whatever the wall clocks say: the mapping is strictly increasing per device.
 */
export function admitHlc(remote: Hlc, lastAdmitted: Hlc | null, serverNowMs: number, maxAheadMs = MAX_CLOCK_AHEAD_MS): Hlc {
  const clamped = clampHlc(remote, serverNowMs, maxAheadMs);
  if (lastAdmitted === null || lastAdmitted.deviceId !== remote.deviceId) return clamped;
  if (compareHlc(clamped, lastAdmitted) > 0) return clamped;
  return bump(lastAdmitted.wallMs, lastAdmitted.counter + 1, remote.deviceId);
}

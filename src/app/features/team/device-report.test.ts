import { describe, expect, it } from 'vitest';
import { describeDeviceReport } from './device-report';

const at = '2026-11-30T21:00:00.000Z';

describe('describeDeviceReport', () => {
  it.each([
    [{ waiting: 0, attention: 0, at }, { text: 'Nothing left on it at its last sync.', warn: false }],
    [{ waiting: 1, attention: 0, at }, { text: 'At its last sync: 1 change waiting to sync.', warn: true }],
    [{ waiting: 0, attention: 3, at }, { text: 'At its last sync: 3 changes refused, needing attention.', warn: true }],
    [{ waiting: 12, attention: 1, at }, { text: 'At its last sync: 12 changes waiting to sync; 1 change refused, needing attention.', warn: true }],
  ])('%o', (report, expected) => {
    expect(describeDeviceReport(report)).toEqual(expected);
  });

  it('says nothing for a device that never reported', () => {
    expect(describeDeviceReport(null)).toBeNull();
  });
});

/**
 * What a device said it still held at its last sync, in words for the Team screen: a
 * phone keeping changes the server does not have, or refused ones nobody has looked at,
 * is one a lead should ask about before it is lost or erased.
 */
import type { TeamDevice } from '../../../shared/api/admin';

const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

export function describeDeviceReport(report: TeamDevice['report']): { text: string; warn: boolean } | null {
  if (report === null) return null;
  const parts = [
    ...(report.waiting > 0 ? [`${changes(report.waiting)} waiting to sync`] : []),
    ...(report.attention > 0 ? [`${changes(report.attention)} refused, needing attention`] : []),
  ];
  return parts.length === 0 ? { text: 'Nothing left on it at its last sync.', warn: false } : { text: `At its last sync: ${parts.join('; ')}.`, warn: true };
}

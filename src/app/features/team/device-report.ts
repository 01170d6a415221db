/**
 * What a device said it still held at its last sync, in words for the Team screen: a
 * phone keeping changes the server does not have, or refused ones nobody has looked at,
 * is one a lead should ask about before it is lost or erased.
 */
import type { TeamDevice } from '../../../shared/api/admin';
import { t } from '../../i18n/i18n';

export function describeDeviceReport(report: TeamDevice['report']): { text: string; warn: boolean } | null {
  if (report === null) return null;
  const parts = [
    ...(report.waiting > 0 ? [t('team.deviceReport.waiting', { count: report.waiting })] : []),
    ...(report.attention > 0 ? [t('team.deviceReport.attention', { count: report.attention })] : []),
  ];
  return parts.length === 0 ? { text: t('team.deviceReport.nothingLeft'), warn: false } : { text: t('team.deviceReport.atLastSync', { parts: parts.join('; ') }), warn: true };
}

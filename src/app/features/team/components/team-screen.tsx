import { useEffect, useState, type FormEvent } from 'react';
import { useSessionStore } from '../../../stores/session-store';
import { useRouteStore } from '../../../stores/route-store';
import { useTeamStore } from '../../../stores/team-store';
import type { TeamDevice } from '../../../../shared/api/admin';
import { deviceLabel } from '../../../components/user-agent';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { describeDeviceReport } from '../device-report';
import { aroundSlot } from './message-parts';
import { People } from './people';

function IdleLockSetting() {
  const current = useSessionStore((s) => s.idleLockMinutes);
  const save = useTeamStore((s) => s.setIdleLockMinutes);
  const [minutes, setMinutes] = useState(String(current));
  const [saved, setSaved] = useState(false);
  const valid = /^\d+$/.test(minutes) && Number(minutes) >= 1 && Number(minutes) <= 60;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!valid) return;
    await save(Number(minutes)).then(() => setSaved(true), () => undefined);
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="card">
      <label htmlFor="idle-lock">
        {t('team.idleLock.label')} <span className="hint">{t('team.idleLock.range')}</span>
      </label>
      <input
        id="idle-lock"
        inputMode="numeric"
        value={minutes}
        onChange={(e) => setMinutes(e.target.value)}
        aria-invalid={valid ? undefined : true}
        aria-describedby={valid ? undefined : 'idle-lock-error'}
      />
      {!valid && (
        <p id="idle-lock-error" className="field-error">
          {t('team.idleLock.invalid')}
        </p>
      )}
      <div className="button-row">
        <button type="submit">{t('team.idleLock.save')}</button>
        {saved && <span role="status">{t('team.idleLock.saved')}</span>}
      </div>
    </form>
  );
}

function DeviceReport({ report }: { report: TeamDevice['report'] }) {
  const said = describeDeviceReport(report);
  if (said === null) return null;
  return <p className={said.warn ? 'overdue-text' : 'hint'}>{said.text}</p>;
}

/** Which device, in bold, and when and by whom it was signed in. */
function DeviceSignedIn({ name, date, by }: { name: string; date: string; by: string }) {
  const [before, after] = aroundSlot('team.devices.signedIn', 'device', { date, name: by });
  return (
    <p>
      {before}
      <strong>{name}</strong>
      {after}
    </p>
  );
}

/** For team leads: who is in the team (add, reset, re-role, deactivate), which devices hold data, and the idle-lock setting. */
export function TeamScreen() {
  const { users, devices, loading, error, load, revokeDevice } = useTeamStore();
  const navigate = useRouteStore((s) => s.navigate);
  useEffect(() => {
    void load();
  }, [load]);
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? t('team.screen.unknownUser');
  return (
    <section aria-labelledby="team-heading">
      <h1 id="team-heading">{t('team.screen.heading')}</h1>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => navigate({ screen: 'audit' })}>
          {t('team.screen.auditLog')}
        </button>
      </div>
      <People />
      <IdleLockSetting />
      <h2>{t('team.devices.heading')}</h2>
      {loading ? (
        <p className="empty">{t('team.devices.loading')}</p>
      ) : devices.length === 0 ? (
        <p className="empty">{t('team.devices.none')}</p>
      ) : (
        <ul className="list" aria-label={t('team.devices.list')}>
          {devices.map((device) => (
            <li key={device.id} className="card">
              <DeviceSignedIn name={deviceLabel(device.name)} date={formatDate(device.createdAt, { day: 'numeric', month: 'short' })} by={nameOf(device.userId)} />
              <p className="hint">{t('team.devices.lastSeen', { when: formatDateTime(device.lastSeenAt) })}</p>
              <DeviceReport report={device.report} />
              {device.revokedAt ? (
                <p className="sync-error">{t('team.devices.signedOutRemotely')}</p>
              ) : (
                <button type="button" className="danger" onClick={() => void revokeDevice(device.id)}>
                  {t('team.devices.signOutAndErase')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

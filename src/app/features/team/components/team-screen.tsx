import { useEffect, useState, type FormEvent } from 'react';
import { useSessionStore } from '../../../stores/session-store';
import { useRouteStore } from '../../../stores/route-store';
import { useTeamStore } from '../../../stores/team-store';
import type { TeamDevice } from '../../../../shared/api/admin';
import { deviceLabel } from '../../../components/user-agent';
import { describeDeviceReport } from '../device-report';
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
        Lock devices after this many idle minutes <span className="hint">(1 to 60)</span>
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
          A whole number from 1 to 60.
        </p>
      )}
      <div className="button-row">
        <button type="submit">Save</button>
        {saved && <span role="status">Saved. Devices pick it up when they next unlock online.</span>}
      </div>
    </form>
  );
}

function DeviceReport({ report }: { report: TeamDevice['report'] }) {
  const said = describeDeviceReport(report);
  if (said === null) return null;
  return <p className={said.warn ? 'overdue-text' : 'hint'}>{said.text}</p>;
}

/** For team leads: who is in the team (add, reset, re-role, deactivate), which devices hold data, and the idle-lock setting. */
export function TeamScreen() {
  const { users, devices, loading, error, load, revokeDevice } = useTeamStore();
  const navigate = useRouteStore((s) => s.navigate);
  useEffect(() => {
    void load();
  }, [load]);
  const nameOf = (userId: string) => users.find((u) => u.id === userId)?.name ?? 'Unknown user';
  return (
    <section aria-labelledby="team-heading">
      <h1 id="team-heading">Team</h1>
      {error && (
        <p role="alert" className="banner error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={() => navigate({ screen: 'audit' })}>
          Audit log
        </button>
      </div>
      <People />
      <IdleLockSetting />
      <h2>Devices</h2>
      {loading ? (
        <p className="empty">Loading…</p>
      ) : devices.length === 0 ? (
        <p className="empty">No devices yet.</p>
      ) : (
        <ul className="list" aria-label="Devices">
          {devices.map((device) => (
            <li key={device.id} className="card">
              <p>
                <strong>{deviceLabel(device.name)}</strong>, signed in {new Date(device.createdAt).toLocaleDateString('en-GB', { day: 'numeric', month: 'short' })} by{' '}
                {nameOf(device.userId)}
              </p>
              <p className="hint">Last seen {new Date(device.lastSeenAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}</p>
              <DeviceReport report={device.report} />
              {device.revokedAt ? (
                <p className="sync-error">Signed out remotely</p>
              ) : (
                <button type="button" className="danger" onClick={() => void revokeDevice(device.id)}>
                  Sign out and erase this device
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

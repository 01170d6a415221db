import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState, type FormEvent } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { useSessionStore } from '../../../stores/session-store';
import { useRouteStore } from '../../../stores/route-store';
import { useTeamStore } from '../../../stores/team-store';
import { updateTeamRequestSchema, type TeamDevice } from '../../../../shared/api/admin';
import { TextField } from '../../../components/text-field';
import { deviceLabel } from '../../../components/user-agent';
import { formatDate, formatDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { describeDeviceReport } from '../device-report';
import { aroundSlot } from './message-parts';
import { People } from './people';

/** "A whole number from 1 to 60.", worded when the check fails (so in the language shown then). */
const idleLockInvalid = { error: () => t('team.idleLock.invalid') };

/**
 * What the lead types: digits only, as a number the shared schema of the team update
 * (`updateTeamRequestSchema`) accepts; the range lives there, not here.
 */
const idleLockFormSchema = z.object({
  minutes: z
    .string()
    .refine((typed) => /^\d+$/.test(typed) && updateTeamRequestSchema.shape.idleLockMinutes.safeParse(Number(typed)).success, idleLockInvalid)
    .transform(Number),
});

function IdleLockSetting() {
  const current = useSessionStore((s) => s.idleLockMinutes);
  const save = useTeamStore((s) => s.setIdleLockMinutes);
  const [saved, setSaved] = useState(false);
  // Checked as the lead types, as before: the rule shows beside the field straight away.
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm({ resolver: zodResolver(idleLockFormSchema), mode: 'onChange', defaultValues: { minutes: String(current) } });
  const onSubmit = handleSubmit(async ({ minutes }) => {
    await save(minutes).then(() => setSaved(true), () => undefined);
  });
  const submit = (event: FormEvent) => {
    setSaved(false);
    void onSubmit(event);
  };
  return (
    <form onSubmit={submit} noValidate className="card">
      <TextField id="idle-lock" label={t('team.idleLock.label')} hint={t('team.idleLock.range')} inputMode="numeric" error={errors.minutes?.message} registration={register('minutes')} />
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

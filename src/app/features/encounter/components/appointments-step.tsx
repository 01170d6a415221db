import { uuidv7 } from '../../../../shared/ids';
import { t } from '../../../i18n/i18n';
import type { DraftAppointment } from '../encounter-model';
import type { StepProps } from './step-props';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Appointments: date, time, place, and "I'll go with them". */
export function AppointmentsStep({ draft, update, agencies }: StepProps) {
  const set = (id: string, patch: Partial<DraftAppointment>) =>
    update((d) => ({ ...d, appointments: d.appointments.map((a) => (a.id === id ? { ...a, ...patch } : a)) }));
  const referred = agencies.filter((a) => draft.referrals.some((r) => r.agencyId === a.id));
  const add = () =>
    update((d) => ({
      ...d,
      appointments: [...d.appointments, { id: uuidv7(), agencyId: referred[0]?.id ?? null, date: tomorrow(), time: '10:00', place: referred[0]?.address ?? '', accompany: false }],
    }));
  if (draft.clientId === null || draft.consent.store !== 'given') {
    return <p className="hint">{t('encounter.appointments.noConsent')}</p>;
  }
  return (
    <>
      {draft.appointments.length === 0 && <p className="empty">{t('encounter.appointments.none')}</p>}
      {draft.appointments.map((appointment, i) => (
        <fieldset key={appointment.id}>
          <legend>{t('encounter.appointments.legend', { index: i + 1 })}</legend>
          <label htmlFor={`appt-agency-${i}`}>{t('encounter.appointments.with')}</label>
          <select id={`appt-agency-${i}`} value={appointment.agencyId ?? ''} onChange={(e) => set(appointment.id, { agencyId: e.target.value || null })}>
            <option value="">{t('encounter.appointments.notAnAgency')}</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`appt-date-${i}`}>{t('encounter.appointments.date')}</label>
          <input id={`appt-date-${i}`} type="date" value={appointment.date} onChange={(e) => set(appointment.id, { date: e.target.value })} />
          <label htmlFor={`appt-time-${i}`}>{t('encounter.appointments.time')}</label>
          <input id={`appt-time-${i}`} type="time" value={appointment.time} onChange={(e) => set(appointment.id, { time: e.target.value })} />
          <label htmlFor={`appt-place-${i}`}>{t('encounter.appointments.place')}</label>
          <input id={`appt-place-${i}`} value={appointment.place} onChange={(e) => set(appointment.id, { place: e.target.value })} />
          <label className="check">
            <input type="checkbox" checked={appointment.accompany} onChange={(e) => set(appointment.id, { accompany: e.target.checked })} />{' '}
            {t('encounter.appointments.accompany')}
          </label>
          <button type="button" onClick={() => update((d) => ({ ...d, appointments: d.appointments.filter((a) => a.id !== appointment.id) }))}>
            {t('encounter.appointments.remove', { index: i + 1 })}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" onClick={add}>
          {t('encounter.appointments.book')}
        </button>
      </div>
    </>
  );
}

import { uuidv7 } from '../../../../shared/ids';
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
    return <p className="hint">Appointments need a stored record with consent. Go on to the outcome.</p>;
  }
  return (
    <>
      {draft.appointments.length === 0 && <p className="empty">No appointment booked yet.</p>}
      {draft.appointments.map((appointment, i) => (
        <fieldset key={appointment.id}>
          <legend>Appointment {i + 1}</legend>
          <label htmlFor={`appt-agency-${i}`}>With</label>
          <select id={`appt-agency-${i}`} value={appointment.agencyId ?? ''} onChange={(e) => set(appointment.id, { agencyId: e.target.value || null })}>
            <option value="">Not an agency (e.g. GP)</option>
            {agencies.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={`appt-date-${i}`}>Date</label>
          <input id={`appt-date-${i}`} type="date" value={appointment.date} onChange={(e) => set(appointment.id, { date: e.target.value })} />
          <label htmlFor={`appt-time-${i}`}>Time</label>
          <input id={`appt-time-${i}`} type="time" value={appointment.time} onChange={(e) => set(appointment.id, { time: e.target.value })} />
          <label htmlFor={`appt-place-${i}`}>Place</label>
          <input id={`appt-place-${i}`} value={appointment.place} onChange={(e) => set(appointment.id, { place: e.target.value })} />
          <label className="check">
            <input type="checkbox" checked={appointment.accompany} onChange={(e) => set(appointment.id, { accompany: e.target.checked })} />{' '}
            I&apos;ll go with them
          </label>
          <button type="button" onClick={() => update((d) => ({ ...d, appointments: d.appointments.filter((a) => a.id !== appointment.id) }))}>
            Remove appointment {i + 1}
          </button>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" onClick={add}>
          Book an appointment
        </button>
      </div>
    </>
  );
}

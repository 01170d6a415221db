import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm } from 'react-hook-form';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { uuidv7 } from '../../../../shared/ids';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { appointmentFormSchema, type AppointmentForm, type DraftAppointment } from '../encounter-model';
import type { StepProps } from './step-props';

function tomorrow(): string {
  const d = new Date(Date.now() + 24 * 3600 * 1000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const formOf = (a: DraftAppointment): AppointmentForm => ({ agencyId: a.agencyId ?? '', date: a.date, time: a.time, place: a.place, accompany: a.accompany });

/**
 * One appointment: with whom, date, time, place, and "I'll go with them". Each change is
 * checked by the shared `appointment.book` rules (the form's schema) before it goes into the
 * draft: a refused date, time or place is shown beside its field and the draft keeps the
 * appointment as it was.
 */
function AppointmentFields({ appointment, index, agencies, update }: { appointment: DraftAppointment; index: number; agencies: readonly AgencyRecord[]; update: StepProps['update'] }) {
  const {
    register,
    getValues,
    trigger,
    formState: { errors },
  } = useForm<AppointmentForm>({ resolver: zodResolver(appointmentFormSchema), mode: 'onChange', defaultValues: formOf(appointment) });
  // One kept before these checks (a resumed draft) shows at once what the rules refuse.
  useEffect(() => {
    void trigger();
  }, [trigger]);
  const keep = () => {
    const booking = appointmentFormSchema.safeParse(getValues());
    if (!booking.success) return; // shown beside the field by the form; nothing goes into the draft
    const { agencyId, date, time, place, accompany } = booking.data;
    update((d) => ({ ...d, appointments: d.appointments.map((a) => (a.id === appointment.id ? { ...a, agencyId: agencyId || null, date, time, place, accompany } : a)) }));
  };
  const field = (name: keyof AppointmentForm) => register(name, { onChange: keep });
  return (
    <fieldset>
      <legend>{t('encounter.appointments.legend', { index: index + 1 })}</legend>
      <label htmlFor={`appt-agency-${index}`}>{t('encounter.appointments.with')}</label>
      <select
        id={`appt-agency-${index}`}
        aria-invalid={errors.agencyId ? true : undefined}
        aria-describedby={errors.agencyId ? `appt-agency-${index}-error` : undefined}
        {...field('agencyId')}
      >
        <option value="">{t('encounter.appointments.notAnAgency')}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
      {errors.agencyId && (
        <p id={`appt-agency-${index}-error`} className="field-error">
          {errors.agencyId.message}
        </p>
      )}
      <TextField id={`appt-date-${index}`} label={t('encounter.appointments.date')} type="date" error={errors.date?.message} registration={field('date')} />
      <TextField id={`appt-time-${index}`} label={t('encounter.appointments.time')} type="time" error={errors.time?.message} registration={field('time')} />
      <TextField id={`appt-place-${index}`} label={t('encounter.appointments.place')} error={errors.place?.message} registration={field('place')} />
      <label className="check">
        <input type="checkbox" {...field('accompany')} /> {t('encounter.appointments.accompany')}
      </label>
      <button type="button" onClick={() => update((d) => ({ ...d, appointments: d.appointments.filter((a) => a.id !== appointment.id) }))}>
        {t('encounter.appointments.remove', { index: index + 1 })}
      </button>
    </fieldset>
  );
}

/** Appointments: date, time, place, and "I'll go with them". */
export function AppointmentsStep({ draft, update, agencies }: StepProps) {
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
        <AppointmentFields key={appointment.id} appointment={appointment} index={i} agencies={agencies} update={update} />
      ))}
      <div className="button-row">
        <button type="button" onClick={add}>
          {t('encounter.appointments.book')}
        </button>
      </div>
    </>
  );
}

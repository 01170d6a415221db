import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { needDomainSchema } from '../../../../shared/domain/common';
import { FormFailure } from '../../../components/form-failure';
import { agencyFieldLabels, needDomainLabels } from '../../../components/labels';
import { TextField } from '../../../components/text-field';
import type { AgencyForm as AgencyFormValues } from '../agency-form-model';
import { agencyFormSchema, agencyToForm, changedAgencyFields, DAY_NAMES, emptyAgencyForm, formToAgency } from '../agency-form-model';
import { agenciesRepository } from '../../../stores/runtime';
import { t } from '../../../i18n/i18n';

const FLAGS = ['outOfHours', 'fastTrack', 'womenOnly', 'transInclusive', 'noIdNeeded', 'interpretersAvailable', 'acceptsAccompanied'] as const;

/**
 * A team lead adds an agency or edits one (works offline; syncs like any change). Opening
 * hours are sessions: a day, opening and closing times, drop-in or not; one that closes at
 * or before it opens runs past midnight.
 */
export function AgencyForm({ agency, onDone }: { agency?: AgencyRecord; onDone: () => void }) {
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    control,
    handleSubmit,
    formState: { errors, isSubmitting },
  } = useForm<AgencyFormValues>({ resolver: zodResolver(agencyFormSchema), defaultValues: agency === undefined ? emptyAgencyForm : agencyToForm(agency) });
  const sessions = useFieldArray({ control, name: 'openingHours' });
  const idBase = `agency-form-${agency?.id ?? 'new'}`;

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      if (agency === undefined) {
        await agenciesRepository.create(formToAgency(form));
      } else {
        const set = changedAgencyFields(agency, form);
        if (Object.keys(set).length > 0) await agenciesRepository.update(agency.id, set);
      }
      onDone();
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('agencies.form.failed'));
    }
  });

  const title = agency === undefined ? t('agencies.form.add') : t('agencies.form.edit', { name: agency.name });

  return (
    <form className="card agency-form" aria-label={title} onSubmit={(e) => void onSubmit(e)} noValidate>
      <h2>{title}</h2>
      <TextField id={`${idBase}-name`} label={t('agencies.form.name')} registration={register('name')} error={errors.name?.message} autoComplete="off" />
      <fieldset>
        <legend>{t('agencies.form.services')}</legend>
        {needDomainSchema.options.map((domain) => (
          <label key={domain} className="check">
            <input type="checkbox" value={domain} {...register('services')} /> {needDomainLabels[domain]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('agencies.form.openingHours')}</legend>
        <p className="hint">{t('agencies.form.overnightHint')}</p>
        {sessions.fields.length === 0 && <p className="hint">{t('agencies.form.noSessions')}</p>}
        {sessions.fields.map((field, i) => {
          const rowId = `${idBase}-session-${i}`;
          const rowErrors = errors.openingHours?.[i];
          return (
            <div key={field.id} className="session-row" role="group" aria-label={t('agencies.form.sessionLabel', { number: i + 1 })}>
              <label htmlFor={`${rowId}-day`}>{t('agencies.form.day')}</label>
              <select id={`${rowId}-day`} {...register(`openingHours.${i}.day`, { valueAsNumber: true })}>
                {DAY_NAMES.map((day, d) => (
                  <option key={day} value={d}>
                    {t(day)}
                  </option>
                ))}
              </select>
              <TextField id={`${rowId}-opens`} label={t('agencies.form.opens')} type="time" registration={register(`openingHours.${i}.opens`)} error={rowErrors?.opens?.message} />
              <TextField id={`${rowId}-closes`} label={t('agencies.form.closes')} type="time" registration={register(`openingHours.${i}.closes`)} error={rowErrors?.closes?.message} />
              <label className="check">
                <input type="checkbox" {...register(`openingHours.${i}.dropIn`)} /> {t('agencies.form.dropIn')}
              </label>
              <button type="button" onClick={() => sessions.remove(i)}>
                {t('agencies.form.removeSession', { number: i + 1 })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => sessions.append({ day: 5, opens: '20:00', closes: '23:00', dropIn: false })}>
          {t('agencies.form.addSession')}
        </button>
        {errors.openingHours?.message && <p className="field-error">{errors.openingHours.message}</p>}
      </fieldset>
      <fieldset>
        <legend>{t('agencies.form.access')}</legend>
        {FLAGS.map((flag) => (
          <label key={flag} className="check">
            <input type="checkbox" {...register(flag)} /> {agencyFieldLabels[flag]}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${idBase}-how`}>{t('agencies.form.howToRefer')}</label>
      <textarea id={`${idBase}-how`} rows={3} aria-invalid={errors.howToRefer ? true : undefined} {...register('howToRefer')} />
      {errors.howToRefer && <p className="field-error">{errors.howToRefer.message}</p>}
      <TextField id={`${idBase}-phone`} label={t('agencies.form.phone')} hint={t('agencies.form.optional')} type="tel" registration={register('phone')} error={errors.phone?.message} autoComplete="off" />
      <TextField id={`${idBase}-address`} label={t('agencies.form.address')} hint={t('agencies.form.optional')} registration={register('address')} error={errors.address?.message} autoComplete="off" />
      <FormFailure message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {agency === undefined ? t('agencies.form.submitAdd') : t('agencies.form.submitSave')}
        </button>
        <button type="button" onClick={onDone}>
          {t('agencies.form.cancel')}
        </button>
      </div>
    </form>
  );
}

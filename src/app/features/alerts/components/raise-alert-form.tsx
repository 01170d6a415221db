import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { FormFailure } from '../../../components/form-failure';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { safetyAlertsRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import {
  areaMaxLength,
  emptyRaiseAlertForm,
  expiresAtFor,
  expiryChoices,
  messageMaxLength,
  raiseAlertFormSchema,
  type RaiseAlertForm as RaiseAlertFormValues,
  type RaiseAlertFormInput,
} from '../safety-alert-model';

const FORM_NAME = 'safety-alert';

/** Raise a team-wide alert from the street; every device of the team sees it after sync. */
export function RaiseAlertForm() {
  const [raised, setRaised] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const setFormDirty = useUiStore((s) => s.setFormDirty);
  const {
    register,
    handleSubmit,
    reset,
    setValue,
    watch,
    formState: { errors, isSubmitting },
  } = useForm<RaiseAlertFormInput, unknown, RaiseAlertFormValues>({ resolver: zodResolver(raiseAlertFormSchema), defaultValues: emptyRaiseAlertForm });
  const [area, message, hours] = watch(['area', 'message', 'hours']);

  const dirty = area.trim() !== '' || message.trim() !== '';
  useEffect(() => {
    setFormDirty(FORM_NAME, dirty);
    return () => setFormDirty(FORM_NAME, false);
  }, [dirty, setFormDirty]);

  const raise = handleSubmit(
    async (form) => {
      setFailure(null);
      try {
        await safetyAlertsRepository.raise(form.area, form.message, expiresAtFor(new Date(), form.hours));
        setRaised(t('alerts.raise.done', { area: form.area, hours: form.hours }));
        reset();
      } catch (error) {
        setRaised('');
        setFailure(error instanceof Error ? error.message : t('alerts.raise.failed'));
      }
    },
    // The problems show beside their fields; an earlier save failure no longer applies.
    () => setFailure(null),
  );

  const messageError = errors.message?.message;
  return (
    <form onSubmit={(e) => void raise(e)} noValidate aria-labelledby="raise-alert-heading" className="card">
      <h2 id="raise-alert-heading">{t('alerts.raise.heading')}</h2>
      <p role="status" className={raised === '' ? 'visually-hidden' : 'banner'}>
        {raised}
      </p>
      <TextField id="alert-area" label={t('alerts.raise.area')} autoComplete="off" maxLength={areaMaxLength} error={errors.area?.message} registration={register('area')} />
      <label htmlFor="alert-message">{t('alerts.raise.message')}</label>
      <p id="alert-message-hint" className="hint">
        {t('alerts.raise.messageHint')}
      </p>
      <textarea
        id="alert-message"
        aria-invalid={messageError ? true : undefined}
        aria-describedby={messageError ? 'alert-message-hint alert-message-error' : 'alert-message-hint'}
        maxLength={messageMaxLength}
        {...register('message')}
      />
      {messageError && (
        <p id="alert-message-error" className="field-error">
          {messageError}
        </p>
      )}
      <fieldset>
        <legend>{t('alerts.raise.expiresIn')}</legend>
        <div className="choice-row">
          {expiryChoices.map((choice) => (
            <button key={choice} type="button" aria-pressed={hours === choice} onClick={() => setValue('hours', choice)}>
              {t('alerts.raise.expiryChoice', { hours: choice })}
            </button>
          ))}
        </div>
      </fieldset>
      <FormFailure message={failure} />
      <button type="submit" className="primary wide" disabled={isSubmitting}>
        {isSubmitting ? t('alerts.raise.submitting') : t('alerts.raise.submit')}
      </button>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { FormFailure } from '../../../components/form-failure';
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useForm } from 'react-hook-form';
import { MAX_LANGUAGES, type ClientRecord } from '../../../../shared/domain/client';
import { TextField } from '../../../components/text-field';
import { DuplicateWarning } from './duplicate-warning';
import { InterpreterGenderSelect, LanguagePicker, PreferredLanguageSelect } from '../../../components/language-picker';
import { clientsRepository } from '../../../stores/runtime';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { useUiStore } from '../../../stores/ui-store';
import {
  changedFields,
  clientFormSchema,
  clientToForm,
  emptyClientForm,
  formShowsField,
  formToProfile,
  type ClientForm,
} from '../client-form-model';
import { safetyFlagLabels } from '../../../components/labels';
import { t } from '../../../i18n/i18n';

const FORM_NAME = 'client-profile';

type TextFieldName = Exclude<
  keyof ClientForm,
  'mayBeUnder18' | 'safetyFlags' | 'processingRestricted' | 'languages' | 'preferredLanguage' | 'interpreterNeeded' | 'interpreterGender' | 'interpreterNotFromTheirCommunity' | 'gpRegistered'
>;


interface ClientFormProps {
  /** The client being edited; absent to add a new one. */
  readonly client?: ClientRecord;
}

/** Add a client (an alias is enough) or edit their profile. Works offline. */
export function ClientProfileForm({ client }: ClientFormProps) {
  const navigate = useRouteStore((s) => s.navigate);
  const setFormDirty = useUiStore((s) => s.setFormDirty);
  const role = useSessionStore((s) => s.user?.role ?? 'peer_volunteer');
  const shows = (name: keyof ClientForm): boolean => formShowsField(role, name);
  const [failure, setFailure] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    watch,
    setValue,
    formState: { errors, isDirty, isSubmitting },
  } = useForm<ClientForm>({
    resolver: zodResolver(clientFormSchema),
    defaultValues: client ? clientToForm(client) : emptyClientForm,
  });

  useEffect(() => {
    setFormDirty(FORM_NAME, isDirty);
    return () => setFormDirty(FORM_NAME, false);
  }, [isDirty, setFormDirty]);

  const onSubmit = handleSubmit(async (form) => {
    setFailure(null);
    try {
      const profile = formToProfile(form, role);
      let id = client?.id;
      if (client) {
        const set = changedFields(client, profile);
        if (Object.keys(set).length > 0) await clientsRepository.update(client.id, set);
      } else {
        id = (await clientsRepository.create(profile)).id;
      }
      setFormDirty(FORM_NAME, false);
      if (id) navigate({ screen: 'client', clientId: id });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('clients.form.saveFailed'));
    }
  });

  const languages = watch('languages');
  const field = (name: TextFieldName, label: string, hint: string, props: InputHTMLAttributes<HTMLInputElement> = {}) =>
    shows(name) && (
      <TextField
        id={`client-${name}`}
        label={label}
        hint={hint}
        autoComplete="off"
        error={errors[name]?.message}
        registration={register(name)}
        {...props}
      />
    );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="client-form-heading">
      <h1 id="client-form-heading">{client ? t('clients.form.headingEdit') : t('clients.form.headingAdd')}</h1>
      {field('alias', t('clients.form.alias'), t('clients.form.aliasHint'))}
      {field('usualAreas', t('clients.form.usualAreas'), t('clients.form.usualAreasHint'))}
      {!client && <DuplicateWarning alias={watch('alias')} birthYear={watch('birthYear')} usualAreas={watch('usualAreas')} />}
      {field('pronouns', t('clients.form.pronouns'), t('clients.form.optional'))}
      {field('genderIdentity', t('clients.form.genderIdentity'), t('clients.form.optional'))}
      {shows('languages') && (
        <>
          <LanguagePicker selected={languages} max={MAX_LANGUAGES} onChange={(codes) => setValue('languages', codes, { shouldDirty: true })} />
          <PreferredLanguageSelect id="client-preferredLanguage" languages={languages} {...register('preferredLanguage')} />
          <label htmlFor="client-interpreterNeeded">{t('clients.form.interpreterNeeded')}</label>
          <select id="client-interpreterNeeded" {...register('interpreterNeeded')}>
            <option value="">{t('clients.form.notAskedYet')}</option>
            <option value="yes">{t('clients.form.yes')}</option>
            <option value="no">{t('clients.form.no')}</option>
          </select>
          {watch('interpreterNeeded') === 'yes' && (
            <fieldset>
              <legend>{t('clients.form.interpreterWishes')}</legend>
              <InterpreterGenderSelect id="client-interpreterGender" {...register('interpreterGender')} />
              <label className="check">
                <input type="checkbox" {...register('interpreterNotFromTheirCommunity')} /> {t('clients.form.interpreterNotFromCommunity')}
              </label>
            </fieldset>
          )}
        </>
      )}
      {shows('gpRegistered') && (
        <>
          <label htmlFor="client-gpRegistered">{t('clients.form.gpRegistered')}</label>
          <select id="client-gpRegistered" {...register('gpRegistered')}>
            <option value="">{t('clients.form.notAskedYet')}</option>
            <option value="yes">{t('clients.form.yes')}</option>
            <option value="no">{t('clients.form.no')}</option>
          </select>
        </>
      )}
      {field('legalName', t('clients.form.legalName'), t('clients.form.legalNameHint'))}
      {field('birthYear', t('clients.form.birthYear'), t('clients.form.optional'), { inputMode: 'numeric' })}
      {shows('mayBeUnder18') && (
        <label className="check">
          <input type="checkbox" {...register('mayBeUnder18')} /> {t('clients.form.mayBeUnder18')}
        </label>
      )}
      <fieldset>
        <legend>{t('clients.form.safetyFlags')}</legend>
        {Object.entries(safetyFlagLabels).map(([value, label]) => (
          <label key={value} className="check">
            <input type="checkbox" value={value} {...register('safetyFlags')} /> {label}
          </label>
        ))}
      </fieldset>
      {shows('processingRestricted') && (
        <label className="check">
          <input type="checkbox" {...register('processingRestricted')} aria-describedby="restricted-hint" /> {t('clients.form.restricted')}
          <span id="restricted-hint" className="hint">
            {' '}
            {t('clients.form.restrictedHint')}
          </span>
        </label>
      )}
      <FormFailure message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {client ? t('clients.form.saveChanges') : t('clients.form.saveClient')}
        </button>
        <button
          type="button"
          onClick={() => navigate(client ? { screen: 'client', clientId: client.id } : { screen: 'clients' })}
        >
          {t('clients.form.cancel')}
        </button>
      </div>
    </form>
  );
}

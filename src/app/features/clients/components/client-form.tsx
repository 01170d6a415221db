import { zodResolver } from '@hookform/resolvers/zod';
import { FormFailure } from '../../../components/form-failure';
import { useEffect, useState, type InputHTMLAttributes } from 'react';
import { useForm } from 'react-hook-form';
import type { ClientRecord } from '../../../../shared/domain/client';
import { TextField } from '../../../components/text-field';
import { DuplicateWarning } from './duplicate-warning';
import { LanguagePicker } from './language-picker';
import { describeLanguage } from '../../../components/languages';
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

const FORM_NAME = 'client-profile';

type TextFieldName = Exclude<
  keyof ClientForm,
  'mayBeUnder18' | 'safetyFlags' | 'processingRestricted' | 'languages' | 'preferredLanguage' | 'interpreterNeeded' | 'interpreterGender' | 'interpreterNotFromTheirCommunity' | 'gpRegistered'
>;

/** Up to this many languages per person (the shared schema's bound). */
const MAX_LANGUAGES = 10;

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
      setFailure(error instanceof Error ? error.message : 'Saving failed; nothing was lost from the form.');
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
      <h1 id="client-form-heading">{client ? 'Edit profile' : 'Add client'}</h1>
      {field('alias', 'Alias', '(required — any name they are happy with)')}
      {field('usualAreas', 'Usual areas', '(separate with commas)')}
      {!client && <DuplicateWarning alias={watch('alias')} birthYear={watch('birthYear')} usualAreas={watch('usualAreas')} />}
      {field('pronouns', 'Pronouns', '(optional)')}
      {field('genderIdentity', 'Gender identity', '(optional)')}
      {shows('languages') && (
        <>
          <LanguagePicker selected={languages} max={MAX_LANGUAGES} onChange={(codes) => setValue('languages', codes, { shouldDirty: true })} />
          {languages.length > 1 && (
            <>
              <label htmlFor="client-preferredLanguage">Preferred language</label>
              <select id="client-preferredLanguage" {...register('preferredLanguage')}>
                <option value="">Not said</option>
                {languages.map((code) => (
                  <option key={code} value={code}>
                    {describeLanguage(code)}
                  </option>
                ))}
              </select>
            </>
          )}
          <label htmlFor="client-interpreterNeeded">Interpreter needed?</label>
          <select id="client-interpreterNeeded" {...register('interpreterNeeded')}>
            <option value="">Not asked yet</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
          {watch('interpreterNeeded') === 'yes' && (
            <fieldset>
              <legend>What they asked for in an interpreter</legend>
              <label htmlFor="client-interpreterGender">A woman or a man</label>
              <select id="client-interpreterGender" {...register('interpreterGender')}>
                <option value="">Not said</option>
                <option value="woman">A woman</option>
                <option value="man">A man</option>
                <option value="no_preference">No preference</option>
              </select>
              <label className="check">
                <input type="checkbox" {...register('interpreterNotFromTheirCommunity')} /> Not someone from their own community
              </label>
            </fieldset>
          )}
        </>
      )}
      {shows('gpRegistered') && (
        <>
          <label htmlFor="client-gpRegistered">Registered with a GP?</label>
          <select id="client-gpRegistered" {...register('gpRegistered')}>
            <option value="">Not asked yet</option>
            <option value="yes">Yes</option>
            <option value="no">No</option>
          </select>
        </>
      )}
      {field('legalName', 'Legal name', '(optional, only if they want it recorded)')}
      {field('birthYear', 'Birth year', '(optional)', { inputMode: 'numeric' })}
      {shows('mayBeUnder18') && (
        <label className="check">
          <input type="checkbox" {...register('mayBeUnder18')} /> May be under 18
        </label>
      )}
      <fieldset>
        <legend>Safety flags</legend>
        {Object.entries(safetyFlagLabels).map(([value, label]) => (
          <label key={value} className="check">
            <input type="checkbox" value={value} {...register('safetyFlags')} /> {label}
          </label>
        ))}
      </fieldset>
      {shows('processingRestricted') && (
        <label className="check">
          <input type="checkbox" {...register('processingRestricted')} aria-describedby="restricted-hint" /> Do not process (restricted)
          <span id="restricted-hint" className="hint">
            {' '}
            — they asked us to stop using their record: it is kept, but left out of searches and reports for everyone but team leads.
          </span>
        </label>
      )}
      <FormFailure message={failure} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={isSubmitting}>
          {client ? 'Save changes' : 'Save client'}
        </button>
        <button
          type="button"
          onClick={() => navigate(client ? { screen: 'client', clientId: client.id } : { screen: 'clients' })}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

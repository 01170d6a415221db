import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { noSupplies } from '../../../../shared/domain/contact';
import { uuidv7 } from '../../../../shared/ids';
import { FormFailure } from '../../../components/form-failure';
import { outcomeLabels } from '../../../components/labels';
import { ContactKindSelect } from '../../../components/contact-kind-select';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { contactsRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { useRememberedArea } from '../hooks/use-quick-contact';
import {
  buildContactArgs,
  newQuickContact,
  quickContactFormSchema,
  type ContactOutcome,
  type QuickContactForm,
} from '../quick-contact-model';
import { anySupplies, describeSupplies, setSupply, SupplyCounter, supplyKinds, supplyMax, type SupplyKind } from '../../../components/supplies';
import { ClientPicker } from './client-picker';

const FORM_NAME = 'quick-contact';
/** The outcomes with their labels, read when the form renders (in the active language). */
const outcomes = (): Array<[ContactOutcome, string]> => Object.entries(outcomeLabels) as Array<[ContactOutcome, string]>;

/** Is anything entered for this person? The area stays for the next person, so it does not count. */
const holdsInput = ({ clientId, outcome, supplies }: Pick<QuickContactForm, 'clientId' | 'outcome' | 'supplies'>): boolean =>
  clientId !== null || outcome !== 'building_trust' || anySupplies(supplies);

/** Log a street contact in under 10 seconds: anonymous by default, supplies as counters. */
export function QuickContactScreen() {
  const remembered = useRememberedArea();
  return (
    <section aria-labelledby="quick-contact-heading" className="quick-contact">
      <h1 id="quick-contact-heading">{t('contacts.screen.heading')}</h1>
      {remembered === undefined ? <p className="empty">{t('contacts.screen.opening')}</p> : <QuickContactFormView initialArea={remembered} />}
    </section>
  );
}

function QuickContactFormView({ initialArea }: { initialArea: string }) {
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const setFormDirty = useUiStore((s) => s.setFormDirty);
  const {
    register,
    control,
    handleSubmit,
    reset,
    watch,
    getValues,
    setValue,
    formState: { errors, isSubmitting },
  } = useForm<QuickContactForm>({ resolver: zodResolver(quickContactFormSchema), defaultValues: newQuickContact(initialArea) });

  const [clientId, outcome, supplies] = watch(['clientId', 'outcome', 'supplies']);
  const dirty = holdsInput({ clientId, outcome, supplies });
  useEffect(() => {
    setFormDirty(FORM_NAME, dirty);
    return () => setFormDirty(FORM_NAME, false);
  }, [dirty, setFormDirty]);

  // From the supplies as they are now, not as they were rendered: quick taps each count.
  const count = (kind: SupplyKind, delta: 1 | -1) => {
    const current = getValues('supplies');
    setValue('supplies', setSupply(current, kind, current[kind] + delta));
  };

  const onSubmit = handleSubmit(
    async (form) => {
      setFailure(null);
      try {
        const args = buildContactArgs(form, uuidv7(), new Date());
        await contactsRepository.record(args);
        setSaved(t('contacts.form.saved', { area: args.area, who: form.clientId === null ? 'anonymous' : 'client', supplies: describeSupplies(args.supplies) }));
        reset(newQuickContact(args.area, args.kind));
      } catch (error) {
        setSaved('');
        setFailure(error instanceof Error ? error.message : t('contacts.form.failed'));
      }
    },
    // The area's refusal is shown beside it; anything else the shared schema refuses has no field of its own to show it.
    (invalid) => setFailure(Object.keys(invalid).some((field) => field !== 'area') ? t('contacts.form.failed') : null),
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="quick-contact-heading">
      <p role="status" className={saved === '' ? 'visually-hidden' : 'banner quick-contact-saved'}>
        {saved}
      </p>
      <TextField
        id="quick-contact-area"
        label={t('contacts.form.area')}
        hint={t('contacts.form.areaHint')}
        autoComplete="off"
        error={errors.area?.message}
        registration={register('area')}
      />
      <Controller
        control={control}
        name="kind"
        render={({ field }) => <ContactKindSelect id="quick-contact-kind" value={field.value} onChange={field.onChange} />}
      />
      <fieldset>
        <legend>{t('contacts.form.suppliesGiven')}</legend>
        {supplyKinds.map(({ kind, label }) => (
          <SupplyCounter key={kind} kind={kind} label={label} count={supplies[kind]} max={supplyMax(kind)} onChange={count} />
        ))}
        {anySupplies(supplies) && (
          <button type="button" className="link-button" onClick={() => setValue('supplies', noSupplies)}>
            {t('contacts.form.resetSupplies')}
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('contacts.form.outcome')}</legend>
        <div className="choice-row">
          {outcomes().map(([choice, label]) => (
            <button key={choice} type="button" aria-pressed={outcome === choice} onClick={() => setValue('outcome', choice)}>
              {label}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('contacts.form.who')}</legend>
        <Controller control={control} name="clientId" render={({ field }) => <ClientPicker clientId={field.value} onPick={field.onChange} />} />
      </fieldset>
      <FormFailure message={failure} />
      <button type="submit" className="primary wide" disabled={isSubmitting}>
        {isSubmitting ? t('contacts.form.submitting') : t('contacts.form.submit')}
      </button>
    </form>
  );
}

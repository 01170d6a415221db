import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { ContactKindSelect } from '../../../components/contact-kind-select';
import { TextField } from '../../../components/text-field';
import { t } from '../../../i18n/i18n';
import { whoFormSchema, type WhoForm } from '../encounter-model';
import type { StepProps } from './step-props';

/**
 * Who: the area (the shared contact rule, its refusal beside the field as the worker types)
 * and how they met. Every change goes into the draft as typed, so it is kept on the device as
 * it stands; an area the rule refuses also stops the save (encounterProblems).
 */
export function WhoStep({ draft, update, client }: StepProps) {
  const {
    register,
    control,
    trigger,
    formState: { errors },
  } = useForm<WhoForm>({ resolver: zodResolver(whoFormSchema), mode: 'onChange', defaultValues: { area: draft.area, contactKind: draft.contactKind ?? 'street' } });
  // An area already written (a resumed draft, or back from the summary) is checked at once; an empty one waits for the worker.
  const [checkAtOnce] = useState(() => draft.area !== '');
  useEffect(() => {
    if (checkAtOnce) void trigger('area');
  }, [checkAtOnce, trigger]);
  const area = register('area', { onChange: (e: { target: { value: string } }) => update((d) => ({ ...d, area: e.target.value })) });
  return (
    <>
      <p>{client ? t('encounter.who.withClient', { alias: client.alias }) : t('encounter.who.anonymous')}</p>
      <TextField id="encounter-area" label={t('encounter.who.area')} autoComplete="off" error={errors.area?.message} registration={area} />
      <Controller
        control={control}
        name="contactKind"
        render={({ field }) => (
          <ContactKindSelect
            id="encounter-kind"
            value={field.value}
            onChange={(contactKind) => {
              field.onChange(contactKind);
              update((d) => ({ ...d, contactKind }));
            }}
          />
        )}
      />
    </>
  );
}

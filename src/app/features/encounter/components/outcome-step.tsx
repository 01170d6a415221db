import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { contactOutcomeSchema } from '../../../../shared/domain/contact';
import { outcomeLabels } from '../../../components/labels';
import { SupplyCounters } from '../../../components/supplies';
import { t } from '../../../i18n/i18n';
import { outcomeFormSchema, type OutcomeForm } from '../encounter-model';
import type { StepProps } from './step-props';

/**
 * The note for the next worker: the shared contact rule, its refusal beside the box as the
 * worker types. Every change goes into the draft as typed, so it is kept on the device as it
 * stands; a note the rule refuses also stops the save (encounterProblems).
 */
function NoteForNextWorker({ draft, update }: Pick<StepProps, 'draft' | 'update'>) {
  const {
    register,
    trigger,
    formState: { errors },
  } = useForm<OutcomeForm>({ resolver: zodResolver(outcomeFormSchema), mode: 'onChange', defaultValues: { summary: draft.summary } });
  // A note already written (a resumed draft, or back from the summary) is checked at once.
  const [checkAtOnce] = useState(() => draft.summary !== '');
  useEffect(() => {
    if (checkAtOnce) void trigger('summary');
  }, [checkAtOnce, trigger]);
  const error = errors.summary?.message;
  return (
    <>
      <label htmlFor="encounter-summary">{t('encounter.outcome.forNextWorker')}</label>
      <textarea
        id="encounter-summary"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'encounter-summary-error' : undefined}
        {...register('summary', { onChange: (e: { target: { value: string } }) => update((d) => ({ ...d, summary: e.target.value })) })}
      />
      {error && (
        <p id="encounter-summary-error" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

/** Outcome ("building trust" counts) and the supplies given. */
export function OutcomeStep({ draft, update }: StepProps) {
  return (
    <>
      <fieldset>
        <legend>{t('encounter.outcome.legend')}</legend>
        {contactOutcomeSchema.options.map((outcome) => (
          <label key={outcome} className="check">
            <input type="radio" name="outcome" checked={draft.outcome === outcome} onChange={() => update((d) => ({ ...d, outcome }))} />{' '}
            {outcomeLabels[outcome]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('encounter.outcome.supplies')}</legend>
        <SupplyCounters supplies={draft.supplies} onChange={(supplies) => update((d) => ({ ...d, supplies }))} />
      </fieldset>
      {draft.clientId !== null && draft.consent.store === 'given' && <NoteForNextWorker draft={draft} update={update} />}
    </>
  );
}

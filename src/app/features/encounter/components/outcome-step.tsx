import { contactOutcomeSchema } from '../../../../shared/domain/contact';
import { outcomeLabels } from '../../../components/labels';
import { SupplyCounters } from '../../../components/supplies';
import { t } from '../../../i18n/i18n';
import type { StepProps } from './step-props';

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
      {draft.clientId !== null && draft.consent.store === 'given' && (
        <>
          <label htmlFor="encounter-summary">{t('encounter.outcome.forNextWorker')}</label>
          <textarea id="encounter-summary" value={draft.summary} onChange={(e) => update((d) => ({ ...d, summary: e.target.value }))} />
        </>
      )}
    </>
  );
}

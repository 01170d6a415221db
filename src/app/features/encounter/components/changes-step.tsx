import { needDomainSchema, needLevelSchema, type NeedDomain } from '../../../../shared/domain/common';
import { needDomainLabels, needLevelLabels } from '../../../components/labels';
import { t } from '../../../i18n/i18n';
import type { DomainAnswer } from '../encounter-model';
import type { StepProps } from './step-props';

/**
 * What has changed: every domain starts from the last assessment and asks "still true?".
 * Every question can be skipped or answered "prefer not to say".
 */
export function ChangesStep({ draft, update }: StepProps) {
  const set = (domain: NeedDomain, patch: Partial<DomainAnswer>) =>
    update((d) => {
      const current = d.assessment[domain] ?? { need: 'not_asked', notes: '', stillTrue: null, carried: false };
      return { ...d, assessment: { ...d.assessment, [domain]: { ...current, ...patch } } };
    });
  if (draft.clientId === null || draft.consent.store !== 'given') {
    return <p className="hint">{t('encounter.changes.noConsent')}</p>;
  }
  return (
    <>
      {needDomainSchema.options.map((domain) => {
        const answer = draft.assessment[domain];
        const id = `need-${domain}`;
        return (
          <fieldset key={domain}>
            <legend>{needDomainLabels[domain]}</legend>
            {answer?.carried && (
              <div className="still-true">
                <p className="hint">
                  {answer.notes
                    ? t('encounter.changes.lastTimeWithNotes', { level: needLevelLabels[answer.need], notes: answer.notes })
                    : t('encounter.changes.lastTime', { level: needLevelLabels[answer.need] })}
                </p>
                <div className="button-row">
                  <button type="button" aria-pressed={answer.stillTrue === true} onClick={() => set(domain, { stillTrue: true })}>
                    {t('encounter.changes.stillTrue')}
                  </button>
                  <button type="button" aria-pressed={answer.stillTrue === false} onClick={() => set(domain, { stillTrue: false })}>
                    {t('encounter.changes.changed')}
                  </button>
                </div>
              </div>
            )}
            <label htmlFor={id}>{t('encounter.changes.need', { domain: needDomainLabels[domain] })}</label>
            <select id={id} value={answer?.need ?? 'not_asked'} onChange={(e) => set(domain, { need: needLevelSchema.parse(e.target.value) })}>
              {needLevelSchema.options.map((level) => (
                <option key={level} value={level}>
                  {needLevelLabels[level]}
                </option>
              ))}
            </select>
            <label htmlFor={`${id}-notes`}>{t('encounter.changes.notes', { domain: needDomainLabels[domain] })}</label>
            <textarea id={`${id}-notes`} value={answer?.notes ?? ''} onChange={(e) => set(domain, { notes: e.target.value })} />
          </fieldset>
        );
      })}
    </>
  );
}

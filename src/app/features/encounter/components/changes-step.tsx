import { needDomainSchema, needLevelSchema, type NeedDomain } from '../../../../shared/domain/common';
import { interpreterGenderSchema, MAX_LANGUAGES, type ClientRecord } from '../../../../shared/domain/client';
import { needDomainLabels, needLevelLabels } from '../../../components/labels';
import { InterpreterGenderSelect, LanguagePicker, PreferredLanguageSelect } from '../../../components/language-picker';
import { describeInterpreter, describeLanguage } from '../../../components/languages';
import { t } from '../../../i18n/i18n';
import { languageAnswerFrom, type DomainAnswer, type EncounterDraft, type LanguageAnswer, type LanguageFacts } from '../encounter-model';
import type { StepProps } from './step-props';


/** What the profile says of their languages, in a sentence; null when nothing is recorded. */
function describeFacts(client: ClientRecord): string | null {
  const spoken = (client.languages ?? []).map(describeLanguage).join(', ');
  const preferred = client.preferredLanguage == null ? null : describeLanguage(client.preferredLanguage);
  const interpreter = describeInterpreter(client);
  const parts = [
    ...(spoken === '' ? [] : [t('encounter.language.speaks', { languages: spoken })]),
    ...(preferred === null ? [] : [t('encounter.language.prefers', { language: preferred })]),
    ...(interpreter === null ? [] : [interpreter]),
  ];
  return parts.length === 0 ? null : parts.join(' · ');
}

/**
 * Their languages and interpreter need, asked "still true?" like everything else; changed,
 * they are edited here and the profile is updated with the encounter's one save.
 */
function LanguageCheck({ client, answer, update }: { client: ClientRecord; answer: LanguageAnswer | undefined; update: StepProps['update'] }) {
  const set = (change: (current: LanguageAnswer) => LanguageAnswer) =>
    update((d: EncounterDraft) => {
      return { ...d, language: change(d.language ?? languageAnswerFrom(client)) };
    });
  const setNow = (patch: Partial<LanguageFacts>) => set((current) => ({ ...current, now: { ...current.now, ...patch } }));
  const known = describeFacts(client);
  const now = answer?.now;
  return (
    <fieldset>
      <legend>{t('encounter.language.legend')}</legend>
      <div className="still-true">
        <p className="hint">{known === null ? t('encounter.language.nothingYet') : t('encounter.language.lastTime', { facts: known })}</p>
        <div className="button-row">
          <button type="button" aria-pressed={answer?.stillTrue === true} onClick={() => set((current) => ({ ...current, stillTrue: true, now: current.seen }))}>
            {t('encounter.changes.stillTrue')}
          </button>
          <button type="button" aria-pressed={answer?.stillTrue === false} onClick={() => set((current) => ({ ...current, stillTrue: false }))}>
            {known === null ? t('encounter.language.record') : t('encounter.changes.changed')}
          </button>
        </div>
      </div>
      {answer?.stillTrue === false && now !== undefined && (
        <>
          <LanguagePicker selected={now.languages} max={MAX_LANGUAGES} onChange={(codes) => setNow({ languages: codes })} />
          <PreferredLanguageSelect
            id="encounter-preferred-language"
            languages={now.languages}
            value={now.preferredLanguage ?? ''}
            onChange={(e) => setNow({ preferredLanguage: e.currentTarget.value === '' ? null : e.currentTarget.value })}
          />
          <label htmlFor="encounter-interpreter">{t('clients.form.interpreterNeeded')}</label>
          <select
            id="encounter-interpreter"
            value={now.interpreterNeeded === null ? '' : now.interpreterNeeded ? 'yes' : 'no'}
            onChange={(e) => setNow({ interpreterNeeded: e.target.value === '' ? null : e.target.value === 'yes' })}
          >
            <option value="">{t('clients.form.notAskedYet')}</option>
            <option value="yes">{t('clients.form.yes')}</option>
            <option value="no">{t('clients.form.no')}</option>
          </select>
          {now.interpreterNeeded === true && (
            <fieldset>
              <legend>{t('clients.form.interpreterWishes')}</legend>
              <InterpreterGenderSelect
                id="encounter-interpreter-gender"
                value={now.interpreterGender ?? ''}
                onChange={(e) => setNow({ interpreterGender: e.currentTarget.value === '' ? null : interpreterGenderSchema.parse(e.currentTarget.value) })}
              />
              <label className="check">
                <input
                  type="checkbox"
                  checked={now.interpreterNotFromTheirCommunity === true}
                  onChange={(e) => setNow({ interpreterNotFromTheirCommunity: e.target.checked })}
                />{' '}
                {t('clients.form.interpreterNotFromCommunity')}
              </label>
            </fieldset>
          )}
        </>
      )}
    </fieldset>
  );
}

/**
 * What has changed: every domain starts from the last assessment and asks "still true?".
 * Every question can be skipped or answered "prefer not to say".
 */
export function ChangesStep({ draft, update, client }: StepProps) {
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
      {client !== null && <LanguageCheck client={client} answer={draft.language} update={update} />}
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

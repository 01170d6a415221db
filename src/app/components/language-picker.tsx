import { forwardRef, useId, useState, type SelectHTMLAttributes } from 'react';
import { allLanguages, describeLanguage } from './languages';
import { foldForSearch } from '../db/client-index';
import { t } from '../i18n/i18n';

/** Matches shown while searching; the chosen ones are always listed. */
const MAX_MATCHES = 12;

interface LanguagePickerProps {
  readonly selected: readonly string[];
  readonly onChange: (codes: string[]) => void;
  readonly max: number;
}

/**
 * The languages a person speaks: ticked from a list found by typing any part of a
 * language's name, in its own words or the worker's (`rom`, `shqip`, `Tigrinya`).
 */
export function LanguagePicker({ selected, onChange, max }: LanguagePickerProps) {
  const [query, setQuery] = useState('');
  const hintId = useId();
  const folded = foldForSearch(query.trim());
  const matches =
    folded === ''
      ? []
      : allLanguages()
          .filter((l) => !selected.includes(l.code) && [l.own, l.worker, l.code].some((name) => foldForSearch(name).includes(folded)))
          .slice(0, MAX_MATCHES);
  const toggle = (code: string, on: boolean) => onChange(on ? [...selected, code] : selected.filter((c) => c !== code));
  const full = selected.length >= max;
  return (
    <fieldset>
      <legend>{t('clients.languages.legend')}</legend>
      {selected.map((code) => (
        <label key={code} className="check">
          <input type="checkbox" checked onChange={() => toggle(code, false)} /> {describeLanguage(code)}
        </label>
      ))}
      <label htmlFor="client-language-search">{t('clients.languages.find')}</label>
      <input
        id="client-language-search"
        type="search"
        autoComplete="off"
        value={query}
        aria-describedby={hintId}
        disabled={full}
        onChange={(e) => setQuery(e.target.value)}
      />
      <p id={hintId} className="hint">
        {full ? t('clients.languages.full', { max }) : t('clients.languages.hint')}
      </p>
      {matches.map((l) => (
        <label key={l.code} className="check">
          <input
            type="checkbox"
            checked={false}
            onChange={() => {
              toggle(l.code, true);
              setQuery('');
            }}
          />{' '}
          {describeLanguage(l.code)}
        </label>
      ))}
      {folded !== '' && matches.length === 0 && <p className="empty">{t('clients.languages.noMatch', { query: query.trim() })}</p>}
    </fieldset>
  );
}

type SelectProps = { readonly id: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'>;
type PreferredLanguageSelectProps = SelectProps & { readonly languages: readonly string[] };

/**
 * Which of a person's languages they prefer, asked once they speak more than one; the rest
 * of the props go to the select (react-hook-form's `register`, or a value and onChange).
 */
export const PreferredLanguageSelect = forwardRef<HTMLSelectElement, PreferredLanguageSelectProps>(function PreferredLanguageSelect({ id, languages, ...select }, ref) {
  if (languages.length < 2) return null;
  return (
    <>
      <label htmlFor={id}>{t('clients.form.preferredLanguage')}</label>
      <select id={id} ref={ref} {...select}>
        <option value="">{t('clients.form.notSaid')}</option>
        {languages.map((code) => (
          <option key={code} value={code}>
            {describeLanguage(code)}
          </option>
        ))}
      </select>
    </>
  );
});

/**
 * Whom they would rather have interpret: a woman, a man, or either; the rest of the props go
 * to the select, as for PreferredLanguageSelect.
 */
export const InterpreterGenderSelect = forwardRef<HTMLSelectElement, SelectProps>(function InterpreterGenderSelect({ id, ...select }, ref) {
  return (
    <>
      <label htmlFor={id}>{t('clients.form.interpreterGender')}</label>
      <select id={id} ref={ref} {...select}>
        <option value="">{t('clients.form.notSaid')}</option>
        <option value="woman">{t('clients.form.interpreterWoman')}</option>
        <option value="man">{t('clients.form.interpreterMan')}</option>
        <option value="no_preference">{t('clients.form.interpreterNoPreference')}</option>
      </select>
    </>
  );
});

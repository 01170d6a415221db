import { useEffect, useState, type FormEvent } from 'react';
import { t } from '../../../i18n/i18n';
import { safetyAlertsRepository } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { defaultExpiryHours, expiresAtFor, expiryChoices, raiseAlertProblem, type ExpiryHours } from '../safety-alert-model';

const FORM_NAME = 'safety-alert';

/** Raise a team-wide alert from the street; every device of the team sees it after sync. */
export function RaiseAlertForm() {
  const [area, setArea] = useState('');
  const [message, setMessage] = useState('');
  const [hours, setHours] = useState<ExpiryHours>(defaultExpiryHours);
  const [saving, setSaving] = useState(false);
  const [raised, setRaised] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const setFormDirty = useUiStore((s) => s.setFormDirty);

  const dirty = area.trim() !== '' || message.trim() !== '';
  useEffect(() => {
    setFormDirty(FORM_NAME, dirty);
    return () => setFormDirty(FORM_NAME, false);
  }, [dirty, setFormDirty]);

  const raise = async (event: FormEvent) => {
    event.preventDefault();
    const problem = raiseAlertProblem(area, message);
    setFailure(problem);
    if (problem !== null) return;
    setSaving(true);
    try {
      await safetyAlertsRepository.raise(area.trim(), message.trim(), expiresAtFor(new Date(), hours));
      setRaised(t('alerts.raise.done', { area: area.trim(), hours }));
      setArea('');
      setMessage('');
      setHours(defaultExpiryHours);
    } catch (error) {
      setRaised('');
      setFailure(error instanceof Error ? error.message : t('alerts.raise.failed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(e) => void raise(e)} noValidate aria-labelledby="raise-alert-heading" className="card">
      <h2 id="raise-alert-heading">{t('alerts.raise.heading')}</h2>
      <p role="status" className={raised === '' ? 'visually-hidden' : 'banner'}>
        {raised}
      </p>
      <label htmlFor="alert-area">{t('alerts.raise.area')}</label>
      <input id="alert-area" autoComplete="off" value={area} maxLength={80} onChange={(e) => setArea(e.target.value)} />
      <label htmlFor="alert-message">{t('alerts.raise.message')}</label>
      <p id="alert-message-hint" className="hint">
        {t('alerts.raise.messageHint')}
      </p>
      <textarea
        id="alert-message"
        aria-describedby="alert-message-hint"
        value={message}
        maxLength={500}
        onChange={(e) => setMessage(e.target.value)}
      />
      <fieldset>
        <legend>{t('alerts.raise.expiresIn')}</legend>
        <div className="choice-row">
          {expiryChoices.map((choice) => (
            <button key={choice} type="button" aria-pressed={hours === choice} onClick={() => setHours(choice)}>
              {t('alerts.raise.expiryChoice', { hours: choice })}
            </button>
          ))}
        </div>
      </fieldset>
      {failure !== null && (
        <p role="alert" className="banner error">
          {failure}
        </p>
      )}
      <button type="submit" className="primary wide" disabled={saving}>
        {saving ? t('alerts.raise.submitting') : t('alerts.raise.submit')}
      </button>
    </form>
  );
}

/**
 * The interface's language, chosen by each person and kept on the device (see i18n.ts). Switching loads that
 * language's catalogue (offline too: every catalogue is precached) and redraws the app.
 */
import { useId, useState } from 'react';
import { chooseUiLanguage, isUiLanguage, t, uiLanguageNames, uiLanguages, useUiLanguage } from '../../../i18n/i18n';
import { useSessionStore } from '../../../stores/session-store';

export function LanguageSwitch() {
  const language = useUiLanguage();
  const userId = useSessionStore((s) => s.user?.id);
  const [failed, setFailed] = useState(false);
  const id = useId();
  return (
    <span className="language-switch">
      <label htmlFor={id} className="visually-hidden">
        {t('shell.language.label')}
      </label>
      <select
        id={id}
        value={language}
        onChange={(e) => {
          const chosen = e.target.value;
          if (!isUiLanguage(chosen)) return;
          setFailed(false);
          chooseUiLanguage(chosen, userId).catch(() => setFailed(true));
        }}
      >
        {uiLanguages.map((code) => (
          <option key={code} value={code} lang={code}>
            {uiLanguageNames[code]}
          </option>
        ))}
      </select>
      {failed && (
        <span role="alert" className="sync-error">
          {t('shell.language.failed')}
        </span>
      )}
    </span>
  );
}

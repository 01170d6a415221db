import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { t } from '../../../i18n/i18n';
import { useAppUpdateStore } from '../../../stores/app-update-store';
import { db } from '../../../stores/runtime';
import { useUiStore } from '../../../stores/ui-store';
import { outboxSummary } from '../../../sync/outbox';
import { updateBlocker } from '../update-blocker';

/**
 * "A new version is ready". Updating reloads the page, so it is offered only when no form
 * holds unsaved input and every change has reached the server.
 */
export function UpdatePrompt() {
  const waiting = useAppUpdateStore((s) => s.waiting);
  const apply = useAppUpdateStore((s) => s.apply);
  const dirty = useUiStore((s) => s.dirtyForms.size > 0);
  const summary = useLiveQuery(() => outboxSummary(db), []);
  const [hidden, setHidden] = useState(false);
  if (!waiting || hidden || apply === null) return null;
  const blocker = updateBlocker(dirty, summary === undefined ? null : summary.pending + summary.rejected);
  return (
    <div className="banner" role="region" aria-label={t('session.update.label')}>
      <p>{t('session.update.ready')}</p>
      {blocker && <p className="hint">{blocker}</p>}
      <div className="button-row">
        <button type="button" className="primary" disabled={blocker !== null} onClick={() => void apply()}>
          {t('session.update.now')}
        </button>
        <button type="button" onClick={() => setHidden(true)}>
          {t('session.update.later')}
        </button>
      </div>
    </div>
  );
}

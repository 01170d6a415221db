import type { ReactNode } from 'react';
import { formatDateTime } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import type { DescribedEntry } from '../hooks/use-rejected-changes';

const madeAt = (ms: number) => formatDateTime(ms, { weekday: 'short', hour: '2-digit', minute: '2-digit' });

/** One change from the outbox, in words: what it is, what it holds, when it was made here. */
export function ChangeCard({ item, children }: { item: DescribedEntry; children?: ReactNode }) {
  return (
    <li className="card">
      <h2>{item.change.title}</h2>
      {item.change.details.length > 0 && (
        <ul className="change-details">
          {item.change.details.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
      )}
      <p className="hint">{t('session.changeCard.madeAt', { time: madeAt(item.entry.createdAt) })}</p>
      {children}
    </li>
  );
}

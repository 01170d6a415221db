import { useState } from 'react';
import type { ReviewChoice } from '../../../../shared/domain/review-item';
import { decodeHlc } from '../../../../shared/hlc';
import { agencyFieldLabels, clientFieldLabels } from '../../../components/labels';
import { formatDateTime, uiLocale } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { useRouteStore } from '../../../stores/route-store';
import { reviewItemsRepository } from '../../../stores/runtime';
import { useReviewQueue, type QueueEntry } from '../hooks/use-review-queue';
import { ErasureRequests } from './erasure-requests';

const isEmpty = (value: unknown): boolean => value === null || value === undefined || (Array.isArray(value) && value.length === 0);
const shown = (value: unknown): string => {
  if (isEmpty(value)) return t('review.value.empty');
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? t('review.value.yes') : t('review.value.no');
  return typeof value === 'string' || typeof value === 'number' ? String(value) : t('review.value.unshowable');
};
const writtenAt = (hlc: string) => formatDateTime(decodeHlc(hlc).wallMs);

/** A merged value can be typed for a text field (and a list, comma-separated). */
function mergeable(value: unknown): 'text' | 'list' | null {
  if (typeof value === 'string' || value === null) return 'text';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return 'list';
  return null;
}

function ReviewCard({ entry }: { entry: QueueEntry }) {
  const navigate = useRouteStore((s) => s.navigate);
  const { item, kind: about } = entry;
  const labels: Record<string, string> = about === 'agency' ? agencyFieldLabels : clientFieldLabels;
  const label = labels[item.field] ?? item.field;
  const alias = entry.name ?? (about === 'agency' ? t('review.card.unknownAgency') : t('review.card.unknownClient'));
  const kind = mergeable(item.winningValue) ?? mergeable(item.losingValue);
  const [merged, setMerged] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const resolve = async (keep: ReviewChoice) => {
    setFailure(null);
    const value = keep !== 'merged' || merged === null ? undefined : kind === 'list' ? merged.split(',').map((v) => v.trim()).filter(Boolean) : merged.trim() || null;
    try {
      await reviewItemsRepository.resolve(item.id, keep, value);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : t('review.card.resolveFailed'));
    }
  };
  const id = `review-${item.id}`;
  return (
    <li className="card" aria-labelledby={id}>
      <h2 id={id}>{t('review.card.heading', { alias, field: label })}</h2>
      <table className="review-values">
        <caption className="visually-hidden">{t('review.card.caption', { field: label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.card.now')}</th>
            <th scope="col">{t('review.card.overwritten')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{shown(item.winningValue)}</td>
            <td>{shown(item.losingValue)}</td>
          </tr>
          <tr className="hint">
            <td>{t('review.card.written', { when: writtenAt(item.winningHlc) })}</td>
            <td>{t('review.card.written', { when: writtenAt(item.losingHlc) })}</td>
          </tr>
        </tbody>
      </table>
      {merged !== null && (
        <>
          <label htmlFor={`${id}-merged`}>{t('review.card.mergedLabel', { field: label.toLocaleLowerCase(uiLocale()) })}</label>
          <input id={`${id}-merged`} value={merged} onChange={(e) => setMerged(e.target.value)} autoComplete="off" />
        </>
      )}
      {failure && <p className="field-error">{failure}</p>}
      <div className="button-row" role="group" aria-label={t('review.card.resolveGroup', { field: label, alias })}>
        <button type="button" onClick={() => void resolve('current')}>
          {t('review.card.keep', { value: shown(item.winningValue) })}
        </button>
        <button type="button" onClick={() => void resolve('other')}>
          {t('review.card.use', { value: shown(item.losingValue) })}
        </button>
        {kind !== null &&
          (merged === null ? (
            <button type="button" onClick={() => setMerged(isEmpty(item.winningValue) ? '' : shown(item.winningValue))}>
              {t('review.card.writeAnother')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void resolve('merged')}>
              {t('review.card.saveMerged')}
            </button>
          ))}
        <button type="button" className="link-button" onClick={() => navigate(about === 'agency' ? { screen: 'agencies' } : { screen: 'client', clientId: item.recordId })}>
          {about === 'agency' ? t('review.card.openDirectory') : t('review.card.openPage')}
        </button>
      </div>
    </li>
  );
}

/** Team leads: every value that lost a concurrent write, side by side with the one kept. */
export function ReviewScreen() {
  const queue = useReviewQueue();
  return (
    <section aria-labelledby="review-heading">
      <h1 id="review-heading">{t('review.screen.heading')}</h1>
      <p className="hint">{t('review.screen.hint')}</p>
      <ErasureRequests />
      {queue === undefined ? (
        <p className="empty">{t('review.screen.loading')}</p>
      ) : queue.length === 0 ? (
        <p className="empty">{t('review.screen.empty')}</p>
      ) : (
        <ul className="list" aria-label={t('review.screen.listLabel')}>
          {queue.map((entry) => (
            <ReviewCard key={entry.item.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

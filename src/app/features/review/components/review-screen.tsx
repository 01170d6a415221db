import { useState } from 'react';
import type { ReviewChoice } from '../../../../shared/domain/review-item';
import { decodeHlc } from '../../../../shared/hlc';
import { agencyFieldLabels, clientFieldLabels } from '../../../components/labels';
import { useRouteStore } from '../../../stores/route-store';
import { reviewItemsRepository } from '../../../stores/runtime';
import { useReviewQueue, type QueueEntry } from '../hooks/use-review-queue';
import { ErasureRequests } from './erasure-requests';

const shown = (value: unknown): string => {
  if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) return '(empty)';
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : 'a value this screen cannot show';
};
const writtenAt = (hlc: string) => new Date(decodeHlc(hlc).wallMs).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

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
  const alias = entry.name ?? (about === 'agency' ? 'An agency' : 'A client');
  const kind = mergeable(item.winningValue) ?? mergeable(item.losingValue);
  const [merged, setMerged] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const resolve = async (keep: ReviewChoice) => {
    setFailure(null);
    const value = keep !== 'merged' || merged === null ? undefined : kind === 'list' ? merged.split(',').map((v) => v.trim()).filter(Boolean) : merged.trim() || null;
    try {
      await reviewItemsRepository.resolve(item.id, keep, value);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : 'That did not work.');
    }
  };
  const id = `review-${item.id}`;
  return (
    <li className="card" aria-labelledby={id}>
      <h2 id={id}>
        {alias}: {label}
      </h2>
      <table className="review-values">
        <caption className="visually-hidden">Both values of {label}</caption>
        <thead>
          <tr>
            <th scope="col">Now</th>
            <th scope="col">Overwritten</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{shown(item.winningValue)}</td>
            <td>{shown(item.losingValue)}</td>
          </tr>
          <tr className="hint">
            <td>written {writtenAt(item.winningHlc)}</td>
            <td>written {writtenAt(item.losingHlc)}</td>
          </tr>
        </tbody>
      </table>
      {merged !== null && (
        <>
          <label htmlFor={`${id}-merged`}>Merged {label.toLowerCase()}</label>
          <input id={`${id}-merged`} value={merged} onChange={(e) => setMerged(e.target.value)} autoComplete="off" />
        </>
      )}
      {failure && <p className="field-error">{failure}</p>}
      <div className="button-row" role="group" aria-label={`Resolve ${label} for ${alias}`}>
        <button type="button" onClick={() => void resolve('current')}>
          Keep “{shown(item.winningValue)}”
        </button>
        <button type="button" onClick={() => void resolve('other')}>
          Use “{shown(item.losingValue)}”
        </button>
        {kind !== null &&
          (merged === null ? (
            <button type="button" onClick={() => setMerged(shown(item.winningValue) === '(empty)' ? '' : shown(item.winningValue))}>
              Write another value
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void resolve('merged')}>
              Save merged value
            </button>
          ))}
        <button type="button" className="link-button" onClick={() => navigate(about === 'agency' ? { screen: 'agencies' } : { screen: 'client', clientId: item.recordId })}>
          {about === 'agency' ? 'Open the directory' : 'Open their page'}
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
      <h1 id="review-heading">Review</h1>
      <p className="hint">
        Two people changed the same detail without seeing each other&apos;s change. Nothing was lost: choose what stays. Your
        decision syncs to the team like any other change.
      </p>
      <ErasureRequests />
      {queue === undefined ? (
        <p className="empty">Loading…</p>
      ) : queue.length === 0 ? (
        <p className="empty">Nothing to review: no two changes have collided.</p>
      ) : (
        <ul className="list" aria-label="Review items">
          {queue.map((entry) => (
            <ReviewCard key={entry.item.id} entry={entry} />
          ))}
        </ul>
      )}
    </section>
  );
}

import type { ReactNode } from 'react';
import type { DescribedEntry } from '../hooks/use-rejected-changes';

const madeAt = (ms: number) => new Date(ms).toLocaleString('en-GB', { weekday: 'short', hour: '2-digit', minute: '2-digit' });

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
      <p className="hint">Made on this device {madeAt(item.entry.createdAt)}</p>
      {children}
    </li>
  );
}

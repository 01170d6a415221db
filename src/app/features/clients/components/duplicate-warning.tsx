import { likelyDuplicates, type DuplicateReason } from '../../../../shared/domain/client-duplicates';
import { useRouteStore } from '../../../stores/route-store';
import { useClientSearch } from '../hooks/use-clients';

const reasonLabels: Record<DuplicateReason, string> = {
  same_alias: 'same alias',
  similar_alias: 'similar alias',
  same_birth_year: 'same birth year',
  shared_area: 'same area',
};

interface DuplicateWarningProps {
  readonly alias: string;
  readonly birthYear: string;
  readonly usualAreas: string;
}

/** Before a new client is created: "might they already be known?", so nobody is recorded twice. */
export function DuplicateWarning({ alias, birthYear, usualAreas }: DuplicateWarningProps) {
  const clients = useClientSearch('');
  const navigate = useRouteStore((s) => s.navigate);
  if (clients === undefined || alias.trim().length === 0) return null;
  const matches = likelyDuplicates(
    {
      alias,
      birthYear: /^\d{4}$/.test(birthYear.trim()) ? Number(birthYear) : null,
      usualAreas: usualAreas.split(',').map((a) => a.trim()).filter(Boolean),
    },
    clients,
  ).slice(0, 3);
  if (matches.length === 0) return null;
  return (
    <div className="banner" role="region" aria-label="Possible duplicates">
      <p>They might already be known. Check before adding someone new:</p>
      <ul className="list">
        {matches.map(({ client, reasons }) => (
          <li key={client.id}>
            <button type="button" className="list-item" onClick={() => navigate({ screen: 'client', clientId: client.id })}>
              <span>Open {client.alias}</span>
              <span className="meta">{reasons.map((r) => reasonLabels[r]).join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

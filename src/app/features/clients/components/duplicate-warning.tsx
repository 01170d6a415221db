import { likelyDuplicates, type DuplicateReason } from '../../../../shared/domain/client-duplicates';
import { useRouteStore } from '../../../stores/route-store';
import { useClientSearch } from '../hooks/use-clients';
import { t } from '../../../i18n/i18n';
import type { MessageId } from '../../../i18n/locales/en';

const reasonLabels: Readonly<Record<DuplicateReason, MessageId>> = {
  same_alias: 'clients.duplicate.reasonSameAlias',
  similar_alias: 'clients.duplicate.reasonSimilarAlias',
  same_birth_year: 'clients.duplicate.reasonSameBirthYear',
  shared_area: 'clients.duplicate.reasonSharedArea',
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
    <div className="banner" role="region" aria-label={t('clients.duplicate.label')}>
      <p>{t('clients.duplicate.intro')}</p>
      <ul className="list">
        {matches.map(({ client, reasons }) => (
          <li key={client.id}>
            <button type="button" className="list-item" onClick={() => navigate({ screen: 'client', clientId: client.id })}>
              <span>{t('clients.duplicate.open', { alias: client.alias })}</span>
              <span className="meta">{reasons.map((r) => t(reasonLabels[r])).join(', ')}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { agenciesRepository, clientsRepository, referralsRepository } from '../../../stores/runtime';
import { needDomainLabels, referralStatusLabels } from '../../../components/labels';
import { useRouteStore } from '../../../stores/route-store';

/**
 * The referral pack: a printable page for the agency holding only the consented summary —
 * no field the person did not agree to share (the summary was built from those alone when
 * the referral was made, and nothing else from the record is shown here).
 */
export function ReferralPack({ referralId }: { referralId: string }) {
  const navigate = useRouteStore((s) => s.navigate);
  const data = useLiveQuery(async () => {
    const referral = await referralsRepository.get(referralId);
    if (!referral) return null;
    const agency = (await agenciesRepository.list()).find((a) => a.id === referral.agencyId) ?? null;
    const client = await clientsRepository.get(referral.clientId);
    return { referral, agency, clientId: client?.id ?? null };
  }, [referralId]);
  if (data === undefined) return <p className="empty">Opening…</p>;
  if (data === null) return <p className="empty">This referral is not on this device.</p>;
  const { referral, agency } = data;
  return (
    <article className="referral-pack" aria-labelledby="pack-heading">
      <h1 id="pack-heading">Referral to {agency?.name ?? 'agency'}</h1>
      <dl>
        <dt>Need</dt>
        <dd>{needDomainLabels[referral.need]}</dd>
        <dt>Urgency</dt>
        <dd>{referral.urgency}</dd>
        <dt>Status</dt>
        <dd>{referralStatusLabels[referral.status]}</dd>
        <dt>Referred</dt>
        <dd>{new Date(referral.createdAt).toLocaleDateString('en-GB', { dateStyle: 'long' })}</dd>
      </dl>
      <h2>What they agreed to share</h2>
      <pre className="pack-summary">{referral.consentedSummary}</pre>
      {agency && (
        <>
          <h2>How to refer</h2>
          <p>{agency.howToRefer}</p>
        </>
      )}
      <p className="hint">Shared with consent, for this referral only. Do not pass on.</p>
      <div className="button-row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={() => navigate({ screen: 'client', clientId: referral.clientId })}>
          Back
        </button>
      </div>
    </article>
  );
}

import { useLiveQuery } from 'dexie-react-hooks';
import { agenciesRepository, clientsRepository, referralsRepository } from '../../../stores/runtime';
import { needDomainLabels, referralStatusLabels } from '../../../components/labels';
import { useRouteStore } from '../../../stores/route-store';
import { t } from '../../../i18n/i18n';
import { formatDate } from '../../../i18n/format';

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
  if (data === undefined) return <p className="empty">{t('clientStory.pack.opening')}</p>;
  if (data === null) return <p className="empty">{t('clientStory.pack.notHere')}</p>;
  const { referral, agency } = data;
  return (
    <article className="referral-pack" aria-labelledby="pack-heading">
      <h1 id="pack-heading">{t('clientStory.pack.heading', { agency: agency?.name ?? t('clientStory.pack.someAgency') })}</h1>
      <dl>
        <dt>{t('clientStory.pack.need')}</dt>
        <dd>{needDomainLabels[referral.need]}</dd>
        <dt>{t('clientStory.pack.urgency')}</dt>
        <dd>{t('clientStory.pack.urgencyValue', { urgency: referral.urgency })}</dd>
        <dt>{t('clientStory.pack.status')}</dt>
        <dd>{referralStatusLabels[referral.status]}</dd>
        <dt>{t('clientStory.pack.referred')}</dt>
        <dd>{formatDate(referral.createdAt, { dateStyle: 'long' })}</dd>
      </dl>
      <h2>{t('clientStory.pack.agreedToShare')}</h2>
      <pre className="pack-summary">{referral.consentedSummary}</pre>
      {agency && (
        <>
          <h2>{t('clientStory.pack.howToRefer')}</h2>
          <p>{agency.howToRefer}</p>
        </>
      )}
      <p className="hint">{t('clientStory.pack.doNotPassOn')}</p>
      <div className="button-row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('clientStory.pack.print')}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'client', clientId: referral.clientId })}>
          {t('clientStory.pack.back')}
        </button>
      </div>
    </article>
  );
}

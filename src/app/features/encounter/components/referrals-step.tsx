import { useState } from 'react';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import type { NeedDomain } from '../../../../shared/domain/common';
import { uuidv7 } from '../../../../shared/ids';
import {
  agencyFlagFilterLabels,
  filterAgencies,
  noAgencyFilters,
  toggleAgencyFlag,
  type AgencyFlagFilter,
} from '../../../components/agency-filters';
import { describeHoursOn } from '../../../components/agency-hours';
import { needDomainLabels, referralStatusLabels } from '../../../components/labels';
import { hasLanguageNeeds } from '../../../components/languages';
import { useMinuteClock } from '../../../components/use-minute-clock';
import { isOpenAt } from '../../../../shared/domain/opening-hours';
import { formatDate } from '../../../i18n/format';
import { t } from '../../../i18n/i18n';
import { currentNeeds, type DraftReferral } from '../encounter-model';
import type { StepProps } from './step-props';

function AgencyOption({ agency, need, props }: { agency: AgencyRecord; need: NeedDomain; props: StepProps }) {
  const { draft, update } = props;
  const now = useMinuteClock();
  const existing = draft.referrals.find((r) => r.agencyId === agency.id && r.need === need);
  const inProgress = props.openReferrals.find((r) => r.agencyId === agency.id && r.need === need);
  const consented = draft.consent.shareAgencyIds.includes(agency.id);
  const add = () =>
    update((d) => ({
      ...d,
      consent: consented ? d.consent : { ...d.consent, shareAgencyIds: [...d.consent.shareAgencyIds, agency.id] },
      referrals: [
        ...d.referrals,
        // Their languages go with it unless they say no: an agency cannot book an interpreter it does not know is needed.
        { id: uuidv7(), agencyId: agency.id, need, urgency: d.assessment[need]?.need === 'urgent' ? 'urgent' : 'soon', sharedDomains: [need], shareLanguage: props.client !== null && hasLanguageNeeds(props.client) },
      ],
    }));
  const remove = () => update((d) => ({ ...d, referrals: d.referrals.filter((r) => r !== existing) }));
  return (
    <li className="card">
      <p>
        <strong>{agency.name}</strong> {isOpenAt(agency.openingHours, now) ? <span className="tag ok">{t('encounter.referrals.openNow')}</span> : null}
      </p>
      <p className="hint">{describeHoursOn(agency.openingHours, now)}</p>
      {inProgress ? (
        <p>
          <span className="tag ok">{t('encounter.referrals.alreadyReferred')}</span>{' '}
          {t('encounter.referrals.statusSince', { status: referralStatusLabels[inProgress.status], date: formatDate(inProgress.createdAt, { dateStyle: 'medium' }) })}
        </p>
      ) : (
        !consented && !existing && <p className="hint">{t('encounter.referrals.askFirst', { agency: agency.name })}</p>
      )}
      {inProgress ? null : existing ? (
        <button type="button" onClick={remove}>
          {t('encounter.referrals.remove', { agency: agency.name })}
        </button>
      ) : (
        <button type="button" className="primary" onClick={add}>
          {t(consented ? 'encounter.referrals.refer' : 'encounter.referrals.agreeAndRefer', { agency: agency.name })}
        </button>
      )}
    </li>
  );
}

function SharedDomains({ referral, props }: { referral: DraftReferral; props: StepProps }) {
  const agency = props.agencies.find((a) => a.id === referral.agencyId);
  const set = (domain: NeedDomain, on: boolean) =>
    props.update((d) => ({
      ...d,
      referrals: d.referrals.map((r) =>
        r.id !== referral.id ? r : { ...r, sharedDomains: on ? [...new Set([...r.sharedDomains, domain])] : r.sharedDomains.filter((x) => x !== domain) },
      ),
    }));
  return (
    <fieldset>
      <legend>{agency ? t('encounter.referrals.shareWith', { agency: agency.name }) : t('encounter.referrals.shareWithThisAgency')}</legend>
      {currentNeeds(props.draft).map(({ domain }) => (
        <label key={domain} className="check">
          <input type="checkbox" checked={referral.sharedDomains.includes(domain)} onChange={(e) => set(domain, e.target.checked)} />{' '}
          {needDomainLabels[domain]}
        </label>
      ))}
      {props.client !== null && hasLanguageNeeds(props.client) && (
        <label className="check">
          <input
            type="checkbox"
            checked={referral.shareLanguage === true}
            onChange={(e) => props.update((d) => ({ ...d, referrals: d.referrals.map((r) => (r.id !== referral.id ? r : { ...r, shareLanguage: e.target.checked })) }))}
          />{' '}
          {t('encounter.referrals.shareLanguages')}
        </label>
      )}
    </fieldset>
  );
}

/** Referrals: agencies suggested for the needs just recorded, filterable; consent checked first. */
export function ReferralsStep(props: StepProps) {
  const [filters, setFilters] = useState(noAgencyFilters);
  const now = useMinuteClock();
  const needs = currentNeeds(props.draft);
  if (props.draft.clientId === null || props.draft.consent.store !== 'given') {
    return <p className="hint">{t('encounter.referrals.noConsent')}</p>;
  }
  const agencyName = (id: string) => props.agencies.find((a) => a.id === id)?.name ?? t('encounter.referrals.agencyNoLongerListed');
  const already = props.openReferrals.length > 0 && (
    <section aria-label={t('encounter.referrals.inProgressLabel')} className="card">
      <h2>{t('encounter.referrals.inProgressHeading')}</h2>
      <ul className="list">
        {props.openReferrals.map((r) => (
          <li key={r.id}>
            {agencyName(r.agencyId)} — {needDomainLabels[r.need]} ({referralStatusLabels[r.status]})
          </li>
        ))}
      </ul>
    </section>
  );
  if (needs.length === 0) {
    return (
      <>
        {already}
        <p className="empty">{t('encounter.referrals.noNeeds')}</p>
      </>
    );
  }
  return (
    <>
      {already}
      <div className="button-row" role="group" aria-label={t('encounter.referrals.filterLabel')}>
        {(Object.keys(agencyFlagFilterLabels) as AgencyFlagFilter[]).map((flag) => (
          <button key={flag} type="button" aria-pressed={filters[flag]} onClick={() => setFilters((f) => toggleAgencyFlag(f, flag))}>
            {agencyFlagFilterLabels[flag]}
          </button>
        ))}
      </div>
      {needs.map(({ domain, need }) => {
        const suggested = filterAgencies(props.agencies, { ...filters, needs: [domain] }, now);
        return (
          <section key={domain} aria-label={t('encounter.referrals.agenciesFor', { need: needDomainLabels[domain] })}>
            <h2>
              {needDomainLabels[domain]} {need === 'urgent' && <span className="tag">{t('encounter.referrals.urgent')}</span>}
            </h2>
            {suggested.length === 0 ? (
              <p className="empty">{t('encounter.referrals.noMatch')}</p>
            ) : (
              <ul className="list">
                {suggested.map((agency) => (
                  <AgencyOption key={agency.id} agency={agency} need={domain} props={props} />
                ))}
              </ul>
            )}
          </section>
        );
      })}
      {props.draft.referrals.map((referral) => (
        <SharedDomains key={referral.id} referral={referral} props={props} />
      ))}
    </>
  );
}

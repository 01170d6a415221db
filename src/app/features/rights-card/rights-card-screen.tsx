/**
 * The rights card: what a worker shows or prints for the person, in their language beside
 * the UK English original. It works offline (it is part of the cached app), names nobody
 * unless the worker adds the alias, and adapts to what is known: not registered with a GP
 * leads with registering; a positive NRM decision says charges do not apply to them.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { ClientRecord } from '../../../shared/domain/client';
import { nrmRemovesCharges } from '../../../shared/domain/nrm-status';
import { describeDay } from '../../components/calendar-day';
import { describeLanguage } from '../../components/languages';
import { t } from '../../i18n/i18n';
import { clientsRepository, nrmRepository } from '../../stores/runtime';
import { useRouteStore } from '../../stores/route-store';
import { useSessionStore } from '../../stores/session-store';
import {
  cardLanguages,
  cardStatements,
  cardTitles,
  isCardLanguage,
  LAST_REVIEWED,
  rightToLeft,
  sources,
  statements,
  statementText,
  type CardFacts,
  type CardLanguage,
  type Translation,
} from './rights-content';

interface CardPerson {
  readonly client: ClientRecord | null;
  readonly facts: CardFacts;
}

function useCardPerson(clientId: string | null, readsNrm: boolean): CardPerson | undefined {
  return useLiveQuery(async () => {
    const client = clientId === null ? null : ((await clientsRepository.get(clientId)) ?? null);
    const referrals = client !== null && readsNrm ? await nrmRepository.referralsFor(client.id) : [];
    return { client, facts: { gpRegistered: client?.gpRegistered ?? null, positiveNrmDecision: referrals.some((r) => nrmRemovesCharges(r.status)) } };
  }, [clientId, readsNrm]);
}

/** The language the card opens in: their preferred one, else the first they speak that the card has. */
function firstLanguage(client: ClientRecord | null): CardLanguage {
  if (isCardLanguage(client?.preferredLanguage)) return client.preferredLanguage;
  return (client?.languages ?? []).find(isCardLanguage) ?? 'en';
}

function Unreviewed({ translation }: { translation: Translation }) {
  if (translation.reviewed !== null) return null;
  return <p className="hint unreviewed">{t('rightsCard.unreviewed')}</p>;
}

/** One text in the chosen language, marked with its language and direction. */
function Localised({ language, translation, as: Tag = 'p' }: { language: CardLanguage; translation: Translation; as?: 'p' | 'h2' }) {
  return (
    <Tag lang={language} dir={rightToLeft.has(language) ? 'rtl' : 'ltr'}>
      {translation.text}
    </Tag>
  );
}

export function RightsCardScreen({ clientId }: { clientId: string | null }) {
  const readsNrm = useSessionStore((s) => s.user?.role !== 'peer_volunteer');
  const person = useCardPerson(clientId, readsNrm);
  const navigate = useRouteStore((s) => s.navigate);
  const [chosen, setChosen] = useState<CardLanguage | null>(null);
  const [withAlias, setWithAlias] = useState(false);
  if (person === undefined) return <p className="empty">{t('rightsCard.opening')}</p>;
  const language = chosen ?? firstLanguage(person.client);
  const translated = language !== 'en';
  const shown = cardStatements(person.facts);
  const cited = [...new Set(shown.flatMap((id) => statements[id].sources))];
  return (
    <section aria-labelledby="rights-heading" className="rights-card">
      <h1 id="rights-heading" className="no-print">
        {t('rightsCard.heading')}
      </h1>
      <div className="no-print">
        <label htmlFor="rights-language">{t('rightsCard.language')}</label>
        <select id="rights-language" value={language} onChange={(e) => setChosen(e.target.value as CardLanguage)}>
          {cardLanguages.map((code) => (
            <option key={code} value={code}>
              {describeLanguage(code)}
            </option>
          ))}
        </select>
        {person.client !== null && (
          <label className="check">
            <input type="checkbox" checked={withAlias} onChange={(e) => setWithAlias(e.target.checked)} /> {t('rightsCard.addAlias', { alias: person.client.alias })}
          </label>
        )}
        <p className="hint">{t('rightsCard.namesNobody')}</p>
      </div>
      <article className="card rights-text" aria-label={t('rightsCard.card')}>
        <div className={translated ? 'rights-pair' : undefined}>
          {translated && (
            <div>
              <Localised language={language} translation={cardTitles[language]} as="h2" />
              <Unreviewed translation={cardTitles[language]} />
            </div>
          )}
          <div>
            <h2 lang="en-GB">{cardTitles.en.text}</h2>
            {translated && <p className="hint">{t('rightsCard.original')}</p>}
          </div>
        </div>
        {withAlias && person.client !== null && <p className="rights-alias">{person.client.alias}</p>}
        <ol className="rights-statements">
          {shown.map((id) => {
            const translation = statementText(id, language);
            return (
              <li key={id} className={translated ? 'rights-pair' : undefined}>
                {translated && (
                  <div>
                    <Localised language={language} translation={translation} />
                    <Unreviewed translation={translation} />
                  </div>
                )}
                <p lang="en-GB">{statements[id].en}</p>
              </li>
            );
          })}
        </ol>
        <details className="rights-sources">
          <summary>{t('rightsCard.sources', { date: describeDay(LAST_REVIEWED) })}</summary>
          <ul>
            {cited.map((source) => (
              <li key={source}>{sources[source]}</li>
            ))}
          </ul>
        </details>
      </article>
      <div className="button-row no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('rightsCard.print')}
        </button>
        <button type="button" onClick={() => navigate(clientId === null ? { screen: 'clients' } : { screen: 'client', clientId })}>
          {t('rightsCard.back')}
        </button>
      </div>
    </section>
  );
}

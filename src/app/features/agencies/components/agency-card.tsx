import type { AgencyRecord } from '../../../../shared/domain/agency';
import { isOpenAt } from '../../../../shared/domain/opening-hours';
import { hasDropIn } from '../../../components/agency-filters';
import { describeHoursOn, describeWeek } from '../../../components/agency-hours';
import { needDomainLabels } from '../../../components/labels';
import { t } from '../../../i18n/i18n';

const features = (agency: AgencyRecord): string[] =>
  [
    hasDropIn(agency) ? t('agencies.card.feature.dropIn') : null,
    agency.outOfHours ? t('agencies.card.feature.outOfHours') : null,
    agency.fastTrack ? t('agencies.card.feature.fastTrack') : null,
    agency.womenOnly ? t('agencies.card.feature.womenOnly') : null,
    agency.transInclusive ? t('agencies.card.feature.transInclusive') : null,
    agency.noIdNeeded ? t('agencies.card.feature.noIdNeeded') : null,
    agency.interpretersAvailable ? t('agencies.card.feature.interpreters') : null,
    agency.acceptsAccompanied ? t('agencies.card.feature.acceptsAccompanied') : null,
  ].filter((f) => f !== null);

/** What a team lead may do with a card: edit it, archive or restore it. */
export interface AgencyCardActions {
  readonly onEdit: () => void;
  readonly onArchive: (archived: boolean) => void;
}

/** One agency: open or closed right now (worked out on the device), today's hours, how to refer. */
export function AgencyCard({ agency, now, actions }: { agency: AgencyRecord; now: Date; actions?: AgencyCardActions }) {
  const open = isOpenAt(agency.openingHours, now);
  const headingId = `agency-${agency.id}`;
  return (
    <li className="card agency">
      <h2 id={headingId}>
        {agency.name}
        {agency.isExample && <span className="tag example-tag"> {t('agencies.card.example')}</span>}
        {agency.archived === true && <span className="tag"> {t('agencies.card.archived')}</span>}
      </h2>
      <p className={open ? 'open-state open' : 'open-state closed'}>{open ? t('agencies.card.openNow') : t('agencies.card.closed')}</p>
      <dl className="agency-details">
        <dt className="hint">{t('agencies.card.today')}</dt>
        <dd>{describeHoursOn(agency.openingHours, now)}</dd>
        {agency.openingHours.length > 0 && (
          <>
            <dt className="hint">{t('agencies.card.everyWeek')}</dt>
            <dd>
              <ul className="week-hours" aria-label={t('agencies.card.weekHoursLabel', { name: agency.name })}>
                {describeWeek(agency.openingHours).map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {agency.services.length > 0 && (
          <>
            <dt className="hint">{t('agencies.card.services')}</dt>
            <dd>{agency.services.map((s) => needDomainLabels[s]).join(' · ')}</dd>
          </>
        )}
        {features(agency).length > 0 && (
          <>
            <dt className="hint">{t('agencies.card.access')}</dt>
            <dd>{features(agency).join(' · ')}</dd>
          </>
        )}
        <dt className="hint">{t('agencies.card.howToRefer')}</dt>
        <dd>{agency.howToRefer || t('agencies.card.askTheAgency')}</dd>
        {agency.phone && (
          <>
            <dt className="hint">{t('agencies.card.phone')}</dt>
            <dd>
              <a href={`tel:${agency.phone.replace(/[^\d+]/g, '')}`}>{agency.phone}</a>
            </dd>
          </>
        )}
        {agency.address && (
          <>
            <dt className="hint">{t('agencies.card.address')}</dt>
            <dd>{agency.address}</dd>
          </>
        )}
      </dl>
      {actions && (
        <div className="button-row">
          <button type="button" onClick={actions.onEdit} aria-label={t('agencies.card.editLabel', { name: agency.name })}>
            {t('agencies.card.edit')}
          </button>
          <button
            type="button"
            onClick={() => actions.onArchive(agency.archived !== true)}
            aria-label={agency.archived === true ? t('agencies.card.restoreLabel', { name: agency.name }) : t('agencies.card.archiveLabel', { name: agency.name })}
          >
            {agency.archived === true ? t('agencies.card.restore') : t('agencies.card.archive')}
          </button>
        </div>
      )}
    </li>
  );
}

import { lazy, Suspense } from 'react';
import type { ClientRecord } from '../../../../shared/domain/client';
import { useRouteStore } from '../../../stores/route-store';
import { useSessionStore } from '../../../stores/session-store';
import { safetyFlagLabels } from '../../../components/labels';
import { describeInterpreter, describeLanguage } from '../../../components/languages';
import { useClient } from '../hooks/use-clients';
import { ClientProfileForm } from './client-form';
import { ClientNotes } from './client-notes';
import { ClientStoryView } from './client-story';
import { useClientStory } from '../hooks/use-client-story';
import { t } from '../../../i18n/i18n';

// A team lead's part of the page; workers and peers never download it.
const PersonDataPanel = lazy(() => import('./person-data-panel').then((m) => ({ default: m.PersonDataPanel })));
// Trafficking cues and the NRM: opened with a person's page, not on every round.
const NrmPanel = lazy(() => import('./nrm-panel').then((m) => ({ default: m.NrmPanel })));

function Loading({ found }: { found: null | undefined }) {
  return <p className="empty">{found === undefined ? t('clients.profile.opening') : t('clients.profile.notOnDevice')}</p>;
}

function Row({ label, value }: { label: string; value: string | null | undefined }) {
  if (value == null || value === '') return null;
  return (
    <>
      <dt className="hint">{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function ClientProfileView({ client }: { client: ClientRecord }) {
  const navigate = useRouteStore((s) => s.navigate);
  // Peer volunteers never receive notes (DESIGN.md) and only add clients; the server refuses
  // their notes, encounters and profile edits too.
  const canReadNotes = useSessionStore((s) => s.user?.role !== 'peer_volunteer');
  const isLead = useSessionStore((s) => s.user?.role === 'team_lead');
  const restricted = client.processingRestricted === true;
  const mayWork = canReadNotes && (!restricted || isLead);
  const story = useClientStory(client.id, canReadNotes);
  const flags = (client.safetyFlags ?? []).map((f) => safetyFlagLabels[f]);
  return (
    <section aria-labelledby="client-heading">
      <h1 id="client-heading">{client.alias}</h1>
      {restricted && (
        <p className="banner error" role="note" aria-label={t('clients.profile.restrictedLabel')}>
          {t('clients.profile.restricted', { lead: isLead ? 'yes' : 'no' })}
        </p>
      )}
      {flags.length > 0 && (
        <div className="banner error" role="note" aria-label={t('clients.profile.safetyFlagsLabel')}>
          {flags.join(' · ')}
        </div>
      )}
      <dl className="card">
        <Row label={t('clients.profile.usualAreas')} value={(client.usualAreas ?? []).join(', ')} />
        <Row label={t('clients.profile.pronouns')} value={client.pronouns} />
        <Row label={t('clients.profile.genderIdentity')} value={client.genderIdentity} />
        <Row label={t('clients.profile.languages')} value={(client.languages ?? []).map(describeLanguage).join(', ')} />
        <Row label={t('clients.profile.prefers')} value={client.preferredLanguage == null ? null : describeLanguage(client.preferredLanguage)} />
        <Row label={t('clients.profile.interpreter')} value={describeInterpreter(client)} />
        <Row label={t('clients.profile.legalName')} value={client.legalName} />
        <Row label={t('clients.profile.birthYear')} value={client.birthYear == null ? null : String(client.birthYear)} />
        <Row label={t('clients.profile.age')} value={client.mayBeUnder18 ? t('clients.profile.mayBeUnder18') : null} />
        <Row
          label={t('clients.profile.gp')}
          value={client.gpRegistered == null ? null : client.gpRegistered ? t('clients.profile.gpRegistered') : t('clients.profile.gpNotRegistered')}
        />
      </dl>
      <div className="button-row">
        {mayWork && (
          <button type="button" className="primary" onClick={() => navigate({ screen: 'encounter', clientId: client.id })}>
            {t('clients.profile.startEncounter')}
          </button>
        )}
        {mayWork && (
          <button type="button" onClick={() => navigate({ screen: 'client-edit', clientId: client.id })}>
            {t('clients.profile.editProfile')}
          </button>
        )}
        <button type="button" onClick={() => navigate({ screen: 'rights-card', clientId: client.id })}>
          {t('clients.profile.rightsCard')}
        </button>
        <button type="button" onClick={() => navigate({ screen: 'clients' })}>
          {t('clients.profile.backToClients')}
        </button>
      </div>
      {story && <ClientStoryView clientId={client.id} data={story} readsCaseFile={canReadNotes} />}
      {canReadNotes && (
        <Suspense fallback={null}>
          <NrmPanel client={client} />
        </Suspense>
      )}
      {canReadNotes && <ClientNotes clientId={client.id} />}
      {isLead && (
        <Suspense fallback={null}>
          <PersonDataPanel client={client} />
        </Suspense>
      )}
    </section>
  );
}

/** A client's profile page. */
export function ClientScreen({ clientId }: { clientId: string }) {
  const client = useClient(clientId);
  return client ? <ClientProfileView client={client} /> : <Loading found={client} />;
}

/** Editing a client's profile. */
export function ClientEditScreen({ clientId }: { clientId: string }) {
  const client = useClient(clientId);
  return client ? <ClientProfileForm key={client.id} client={client} /> : <Loading found={client} />;
}

/** Adding a client. */
export function ClientNewScreen() {
  return <ClientProfileForm />;
}

/**
 * Spanish (Spain): every id English has (typecheck fails on a missing one; the catalogue
 * test checks each message's placeholders and plural forms).
 */
import type { MessageId } from '../en';
import { shell } from './shell';
import { session } from './session';
import { components } from './components';
import { clients } from './clients';
import { clientStory } from './client-story';
import { encounter } from './encounter';
import { agencies } from './agencies';
import { alerts } from './alerts';
import { audit } from './audit';
import { caseload } from './caseload';
import { contacts } from './contacts';
import { followUps } from './follow-ups';
import { reports } from './reports';
import { review } from './review';
import { team } from './team';
import { rightsCard } from './rights-card';

export const messages: Readonly<Record<MessageId, string>> = {
  ...shell,
  ...session,
  ...components,
  ...clients,
  ...clientStory,
  ...encounter,
  ...agencies,
  ...alerts,
  ...audit,
  ...caseload,
  ...contacts,
  ...followUps,
  ...reports,
  ...review,
  ...team,
  ...rightsCard,
};

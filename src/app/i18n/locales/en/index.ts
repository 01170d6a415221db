/**
 * The English catalogue, the one every other language is checked against: ids are
 * `area.what`, values ICU messages. A component names an id that is not here: typecheck fails.
 */
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

export const messages = {
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
} as const;

export type MessageId = keyof typeof messages;

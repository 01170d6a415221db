/**
 * May this client's story be shared with this agency? A referral names the consent event
 * it relies on. That event must be a consent to share, given, for this client, and for
 * this agency when it names one — and nothing recorded since may have taken it back:
 * a withdrawal or refusal to share (for this agency, or for every agency) decided after
 * it (or at the same moment), or any event that says it supersedes it. Consent events are append-only, so the
 * current state is read from the client's events, never from a flag.
 */
import type { ConsentRecord } from '../../../shared/domain/consent';
import { consentRecordSchema } from '../../../shared/domain/consent';
import { listTeamRecordsMentioning } from '../../storage/records-store';
import type { CommandContext, CommandOutcome } from './command';
import { rejected } from './command';
import { loadTeamRecord } from './ownership';

const coversAgency = (consent: ConsentRecord, agencyId: string): boolean =>
  consent.agencyId === null || consent.agencyId === undefined || consent.agencyId === agencyId;

/** Does this consent event allow sharing this client's referral with this agency? */
export function consentCovers(consent: ConsentRecord, clientId: string, agencyId: string): boolean {
  return consent.clientId === clientId && consent.kind === 'share' && consent.decision === 'given' && coversAgency(consent, agencyId);
}

/** Does `event` take back the consent `named` for sharing with `agencyId`? */
export function takesBack(event: ConsentRecord, named: ConsentRecord, agencyId: string): boolean {
  if (event.id === named.id || event.decision === 'given') return false;
  if (event.supersedes === named.id) return true;
  // A refusal decided at the same moment counts as after: when the order cannot be told,
  // the person's story is not shared.
  const notBefore = Date.parse(event.decidedAt) >= Date.parse(named.decidedAt);
  return event.clientId === named.clientId && event.kind === 'share' && coversAgency(event, agencyId) && notBefore;
}

async function clientConsents(ctx: CommandContext, clientId: string): Promise<ConsentRecord[]> {
  const rows = await listTeamRecordsMentioning(ctx.trx, ctx.user.teamId, 'consents', clientId);
  return rows.flatMap((row) => {
    const parsed = consentRecordSchema.safeParse(row.data);
    return parsed.success && parsed.data.clientId === clientId ? [parsed.data] : [];
  });
}

/** Null when the named consent allows the referral, else the `forbidden` rejection. */
export async function consentToShareProblem(ctx: CommandContext, consentId: string, clientId: string, agencyId: string): Promise<CommandOutcome | null> {
  const refuse = (why: string) => rejected('forbidden', `no consent to share with this agency: ${why}`);
  const consent = await loadTeamRecord(ctx, 'consents', consentId, consentRecordSchema);
  if (consent === undefined || !consentCovers(consent, clientId, agencyId)) return refuse('record the person’s consent to share first');
  const events = await clientConsents(ctx, clientId);
  if (events.some((event) => takesBack(event, consent, agencyId))) return refuse('the person has since withdrawn or refused it');
  return null;
}

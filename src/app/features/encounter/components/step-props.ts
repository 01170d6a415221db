import type { AgencyRecord } from '../../../../shared/domain/agency';
import type { ClientRecord } from '../../../../shared/domain/client';
import type { ReferralRecord } from '../../../../shared/domain/referral';
import type { EncounterDraft } from '../encounter-model';

/** What every step of the encounter receives. */
export interface StepProps {
  readonly draft: EncounterDraft;
  readonly update: (change: (draft: EncounterDraft) => EncounterDraft) => void;
  readonly client: ClientRecord | null;
  readonly agencies: readonly AgencyRecord[];
  /** The client's referrals still in progress, so nobody refers them twice. */
  readonly openReferrals: readonly ReferralRecord[];
}

/**
 * How long the organisation keeps what (the README's configuration table explains each
 * default). Years and days, never less than one.
 */
export interface RetentionPolicy {
  /** A person nothing has been written about for this long is erased (as by a team lead). */
  readonly peopleYears: number;
  /** Anonymous contacts (and the anonymised contacts of erased people) older than this go. */
  readonly anonymousContactsYears: number;
  /** Audit rows, and decided erasure requests, older than this go. */
  readonly auditYears: number;
  /** Devices revoked, tokens expired and refusals made longer ago than this go. */
  readonly devicesDays: number;
  /**
   * How long a deletion is kept for devices that have not synced since. After it, the
   * tombstone goes and such a device is told to refresh everything (409 resync).
   */
  readonly tombstonesDays: number;
}

/**
 * Outreach charities commonly keep case records six years after the last contact (the
 * limitation period for most claims); the audit log is kept as long as the records it
 * explains. Devices and sign-in tokens are kept 90 days after they stop working, long
 * enough to answer "which phone was that?". A phone that has not synced for 90 days
 * refreshes all its data instead of receiving deletions one by one.
 */
export const DEFAULT_RETENTION: RetentionPolicy = {
  peopleYears: 6,
  anonymousContactsYears: 6,
  auditYears: 6,
  devicesDays: 90,
  tombstonesDays: 90,
};

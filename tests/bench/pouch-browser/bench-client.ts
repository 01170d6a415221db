/**
 * The record both sides of the PouchDB bench store: a client of 446–458 bytes of JSON once
 * keyed (`_id` or `id`), near the 440 bytes the first-sync bench gives a Lantern client. One
 * field clock, not one per field, keeps it at that size.
 */
export interface BenchClient {
  readonly alias: string;
  readonly legalName: string;
  readonly usualAreas: readonly string[];
  readonly pronouns: string;
  readonly genderIdentity: string;
  readonly safetyFlags: readonly string[];
  readonly teamId: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly clocks: { readonly alias: string };
}

/** Who wrote the records and when: the same for a whole seeded team. */
export interface BenchTeam {
  readonly teamId: string;
  readonly createdBy: string;
  readonly deviceId: string;
  readonly at: number;
}

export function benchTeam(): BenchTeam {
  return { teamId: crypto.randomUUID(), createdBy: crypto.randomUUID(), deviceId: crypto.randomUUID().replaceAll('-', ''), at: Date.now() };
}

/** A 22-character clock in the form of Lantern's HLC, `wall:counter:device`, with a short device. */
function clock(team: BenchTeam, i: number): string {
  return `${team.at.toString(36).padStart(11, '0')}:${(i % 36 ** 5).toString(36).padStart(5, '0')}:${team.deviceId.slice(0, 4)}`;
}

export function benchClient(i: number, team: BenchTeam): BenchClient {
  const when = new Date(team.at).toISOString();
  return {
    alias: `Client ${i} ${'abcdefghij'.repeat(2)}`,
    legalName: `Given${i} Family${i} Lastname`,
    usualAreas: ['Station Road', 'Docks'],
    pronouns: 'she/her',
    genderIdentity: 'woman',
    safetyFlags: [],
    teamId: team.teamId,
    createdBy: team.createdBy,
    createdAt: when,
    updatedAt: when,
    clocks: { alias: clock(team, i) },
  };
}

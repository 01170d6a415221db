/**
 * "Is this person already known?" — checked before a new client is created, so someone
 * met by two workers does not end up with two stories. Pure: the device runs it over its
 * decrypted caseload.
 *
 * A match needs a similar alias, or the same birth year AND a shared usual area. Aliases
 * are compared folded (case and accents ignored): the same, one containing the other, or
 * at most two edits apart; fuzzy comparisons need at least 3 characters on both sides, so
 * "Jo" does not match every "Jon". Between short aliases (4 characters or fewer) two edits
 * would match almost anything ("Sam"/"Kim", "Rose"/"Zoe"), so there only one edit counts.
 */
import type { ClientRecord } from './client';

export interface DuplicateCandidate {
  readonly alias: string;
  readonly birthYear?: number | null;
  readonly usualAreas?: readonly string[];
}

export type DuplicateReason = 'same_alias' | 'similar_alias' | 'same_birth_year' | 'shared_area';

export interface DuplicateMatch {
  readonly client: ClientRecord;
  readonly reasons: readonly DuplicateReason[];
  /** Higher is more likely the same person. */
  readonly score: number;
}

const MIN_FUZZY_LENGTH = 3;
const MAX_EDITS = 2;
const SHORT_ALIAS = 4;
const weights: Readonly<Record<DuplicateReason, number>> = { same_alias: 4, similar_alias: 3, same_birth_year: 1, shared_area: 1 };

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase().trim().replace(/\s+/g, ' ');
}

/** Levenshtein distance, giving up (returning max + 1) once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function aliasReason(candidate: string, known: string): DuplicateReason | null {
  if (candidate === '' || known === '') return null;
  if (candidate === known) return 'same_alias';
  if (candidate.length < MIN_FUZZY_LENGTH || known.length < MIN_FUZZY_LENGTH) return null;
  if (candidate.includes(known) || known.includes(candidate)) return 'similar_alias';
  const edits = Math.min(candidate.length, known.length) <= SHORT_ALIAS ? 1 : MAX_EDITS;
  return editDistance(candidate, known, edits) <= edits ? 'similar_alias' : null;
}

function reasonsFor(candidate: DuplicateCandidate, areas: ReadonlySet<string>, client: ClientRecord): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  const alias = aliasReason(fold(candidate.alias), fold(client.alias));
  if (alias !== null) reasons.push(alias);
  if (candidate.birthYear != null && candidate.birthYear === client.birthYear) reasons.push('same_birth_year');
  if ((client.usualAreas ?? []).some((area) => areas.has(fold(area)))) reasons.push('shared_area');
  return reasons;
}

function isMatch(reasons: readonly DuplicateReason[]): boolean {
  const aliasLike = reasons.includes('same_alias') || reasons.includes('similar_alias');
  return aliasLike || (reasons.includes('same_birth_year') && reasons.includes('shared_area'));
}

/** Known clients who may be `candidate`, most likely first (ties: by alias). */
export function likelyDuplicates(candidate: DuplicateCandidate, clients: readonly ClientRecord[]): DuplicateMatch[] {
  const areas = new Set((candidate.usualAreas ?? []).map(fold).filter((area) => area !== ''));
  const matches: DuplicateMatch[] = [];
  for (const client of clients) {
    const reasons = reasonsFor(candidate, areas, client);
    if (!isMatch(reasons)) continue;
    matches.push({ client, reasons, score: reasons.reduce((sum, reason) => sum + weights[reason], 0) });
  }
  return matches.sort((a, b) => b.score - a.score || a.client.alias.localeCompare(b.client.alias) || a.client.id.localeCompare(b.client.id));
}

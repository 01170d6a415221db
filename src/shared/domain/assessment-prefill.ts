/**
 * "Tell it once": a new assessment starts from what is already known. Per domain it
 * carries the last known answer (need, notes, details) from the client's assessments,
 * with "still true?" not yet asked, and says when that answer was given. A domain never
 * answered starts as `not_asked`. A `not_asked` answer is not knowledge, so it never hides
 * an earlier real one; an assessment that has been corrected is ignored (its correction
 * counts instead).
 */
import type { AssessmentRecord, domainAssessmentSchema } from './assessment';
import { needDomainSchema, type NeedDomain, type NeedLevel } from './common';
import type { z } from 'zod';

type DomainAnswer = z.infer<typeof domainAssessmentSchema>;

export interface PrefilledDomain {
  readonly need: NeedLevel;
  readonly notes?: string;
  readonly details?: DomainAnswer['details'];
  /** "Still true?": null until the worker asks. */
  readonly stillTrue: boolean | null;
  /** When the carried answer was given; null for a domain never asked. */
  readonly assessedAt: string | null;
  /** The assessment it came from; null for a domain never asked. */
  readonly fromAssessmentId: string | null;
}

export type AssessmentPrefill = Readonly<Record<NeedDomain, PrefilledDomain>>;

const notAsked: PrefilledDomain = { need: 'not_asked', stillTrue: null, assessedAt: null, fromAssessmentId: null };

/** Oldest first, by when assessed (then created, then id). */
function chronological(a: AssessmentRecord, b: AssessmentRecord): number {
  return Date.parse(a.assessedAt) - Date.parse(b.assessedAt) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/** The starting point of a new assessment, from a client's assessments in any order. */
export function prefillAssessment(assessments: readonly AssessmentRecord[]): AssessmentPrefill {
  const corrected = new Set(assessments.flatMap((a) => (a.corrects == null ? [] : [a.corrects])));
  const prefill = Object.fromEntries(needDomainSchema.options.map((domain) => [domain, notAsked])) as Record<NeedDomain, PrefilledDomain>;
  for (const assessment of [...assessments].filter((a) => !corrected.has(a.id)).sort(chronological)) {
    for (const domain of needDomainSchema.options) {
      const answer = assessment.domains[domain];
      if (answer === undefined || answer.need === 'not_asked') continue;
      prefill[domain] = {
        need: answer.need,
        ...(answer.notes === undefined ? {} : { notes: answer.notes }),
        ...(answer.details === undefined ? {} : { details: answer.details }),
        stillTrue: null,
        assessedAt: assessment.assessedAt,
        fromAssessmentId: assessment.id,
      };
    }
  }
  return prefill;
}

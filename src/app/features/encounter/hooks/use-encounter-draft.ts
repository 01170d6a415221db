import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { prefillAssessment, type AssessmentPrefill } from '../../../../shared/domain/assessment-prefill';
import type { ClientRecord } from '../../../../shared/domain/client';
import type { NeedDomain, NeedLevel } from '../../../../shared/domain/common';
import { discardDraft, loadDraft, saveDraft } from '../../../db/drafts';
import { agenciesRepository, assessmentsRepository, cipher, clientsRepository, db } from '../../../stores/runtime';
import { newEncounterDraft, type EncounterDraft } from '../encounter-model';

const AUTOSAVE_MS = 400;

export interface EncounterDraftState {
  readonly draft: EncounterDraft | null;
  /** Set when an interrupted encounter was resumed from its saved draft. */
  readonly resumedAt: number | null;
  readonly update: (change: (draft: EncounterDraft) => EncounterDraft) => void;
  readonly discard: () => Promise<void>;
}

/** The answers worth asking "still true?" about (never-asked domains start empty). */
function knownAnswers(prefill: AssessmentPrefill): Partial<Record<NeedDomain, { need: NeedLevel; notes?: string }>> {
  const known: Partial<Record<NeedDomain, { need: NeedLevel; notes?: string }>> = {};
  for (const [domain, answer] of Object.entries(prefill) as [NeedDomain, AssessmentPrefill[NeedDomain]][]) {
    if (answer.need !== 'not_asked') known[domain] = { need: answer.need, ...(answer.notes ? { notes: answer.notes } : {}) };
  }
  return known;
}

const draftId = (clientId: string | null) => `encounter:${clientId ?? 'anonymous'}`;

/**
 * The encounter being recorded, autosaved (sealed) on the device as the worker goes, so an
 * interrupted encounter resumes where it stopped. Starts from the last assessment.
 */
export function useEncounterDraft(clientId: string | null): EncounterDraftState {
  const [draft, setDraft] = useState<EncounterDraft | null>(null);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const saved = (await loadDraft(db, cipher, draftId(clientId))) as { draft?: EncounterDraft; savedAt?: number } | undefined;
      if (cancelled) return;
      if (saved?.draft) {
        setDraft(saved.draft);
        setResumedAt(saved.savedAt ?? Date.now());
        return;
      }
      const history = clientId === null ? [] : await assessmentsRepository.forClient(clientId);
      if (!cancelled) setDraft(newEncounterDraft(clientId, knownAnswers(prefillAssessment(history))));
    })();
    return () => {
      cancelled = true;
    };
  }, [clientId]);

  const update = useCallback(
    (change: (current: EncounterDraft) => EncounterDraft) => {
      setDraft((current) => {
        if (current === null) return current;
        const next = change(current);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => {
          void saveDraft(db, cipher, draftId(clientId), { draft: next, savedAt: Date.now() });
        }, AUTOSAVE_MS);
        return next;
      });
    },
    [clientId],
  );

  const discard = useCallback(async () => {
    clearTimeout(timer.current);
    await discardDraft(db, draftId(clientId));
  }, [clientId]);

  useEffect(() => () => clearTimeout(timer.current), []);
  return { draft, resumedAt, update, discard };
}

export function useEncounterClient(clientId: string | null): ClientRecord | null | undefined {
  return useLiveQuery(async () => (clientId === null ? null : ((await clientsRepository.get(clientId)) ?? null)), [clientId]);
}

export function useAgencies(): AgencyRecord[] | undefined {
  return useLiveQuery(() => agenciesRepository.list(), []);
}

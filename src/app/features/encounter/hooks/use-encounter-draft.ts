import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgencyRecord } from '../../../../shared/domain/agency';
import { prefillAssessment, type AssessmentPrefill } from '../../../../shared/domain/assessment-prefill';
import type { ClientRecord } from '../../../../shared/domain/client';
import type { ReferralRecord } from '../../../../shared/domain/referral';
import { isReferralOpen } from '../../../../shared/domain/referral-status';
import type { NeedDomain, NeedLevel } from '../../../../shared/domain/common';
import type { Command } from '../../../../shared/sync/commands';
import { encounterDraftKey, loadDraft } from '../../../db/drafts';
import type { EncounterSaveOutcome } from '../../../db/repositories/encounters';
import { agenciesRepository, assessmentsRepository, cipher, clientsRepository, consentsRepository, db, encountersRepository, referralsRepository } from '../../../stores/runtime';
import { newEncounterDraft, resumeEncounterDraft, type EncounterDraft, type StoredEncounterDraft } from '../encounter-model';

const AUTOSAVE_MS = 400;

export interface EncounterDraftState {
  readonly draft: EncounterDraft | null;
  /** Set when an interrupted encounter was resumed from its saved draft. */
  readonly resumedAt: number | null;
  /**
   * True when this encounter is already recorded (its draft outlived the save, or another
   * save got there first): it is shown, never saved again, and its draft is cleared.
   */
  readonly alreadySaved: boolean;
  /** When the draft was last kept on the device (autosaved), or null before the first keep. */
  readonly keptAt: number | null;
  readonly update: (change: (draft: EncounterDraft) => EncounterDraft) => void;
  /** Records the encounter and deletes its draft in one transaction (once: see EncountersRepository). */
  readonly record: (commands: readonly Command[]) => Promise<EncounterSaveOutcome>;
}

interface KeptDraft {
  readonly draft?: StoredEncounterDraft;
  readonly savedAt?: number;
}

/** The answers worth asking "still true?" about (never-asked domains start empty). */
function knownAnswers(prefill: AssessmentPrefill): Partial<Record<NeedDomain, { need: NeedLevel; notes?: string }>> {
  const known: Partial<Record<NeedDomain, { need: NeedLevel; notes?: string }>> = {};
  for (const [domain, answer] of Object.entries(prefill) as [NeedDomain, AssessmentPrefill[NeedDomain]][]) {
    if (answer.need !== 'not_asked') known[domain] = { need: answer.need, ...(answer.notes ? { notes: answer.notes } : {}) };
  }
  return known;
}

const draftId = encounterDraftKey;

/**
 * The encounter being recorded, autosaved (sealed) on the device as the worker goes, so an
 * interrupted encounter resumes where it stopped. Starts from the last assessment.
 */
export function useEncounterDraft(clientId: string | null): EncounterDraftState {
  const [draft, setDraft] = useState<EncounterDraft | null>(null);
  const [resumedAt, setResumedAt] = useState<number | null>(null);
  const [alreadySaved, setAlreadySaved] = useState(false);
  const [keptAt, setKeptAt] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The autosave waiting for its timer: run at once if the screen closes first.
  const pendingKeep = useRef<(() => void) | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const saved = (await loadDraft(db, cipher, draftId(clientId))) as KeptDraft | undefined;
      if (saved?.draft) {
        // Reopened after a crash or in another tab, a draft may be of an encounter already recorded.
        const resumed = resumeEncounterDraft(saved.draft);
        const recorded = await encountersRepository.isRecorded(resumed.id);
        if (cancelled) return;
        setDraft(resumed);
        setResumedAt(saved.savedAt ?? Date.now());
        setAlreadySaved(recorded);
        return;
      }
      if (cancelled) return;
      const [history, consents] = clientId === null ? [[], []] : await Promise.all([assessmentsRepository.forClient(clientId), consentsRepository.forClient(clientId)]);
      if (cancelled) return;
      setDraft(newEncounterDraft(clientId, knownAnswers(prefillAssessment(history)), consents));
      setResumedAt(null);
      setAlreadySaved(false);
    })();
    return () => {
      cancelled = true;
    };
  }, [clientId]);

  // A recorded encounter's leftover draft is cleared once it is on screen (not while
  // loading, so a re-run of the load still finds it).
  const savedId = alreadySaved ? draft?.id : undefined;
  useEffect(() => {
    if (savedId !== undefined) void encountersRepository.clearIfRecorded(draftId(clientId), savedId);
  }, [clientId, savedId]);

  const update = useCallback(
    (change: (current: EncounterDraft) => EncounterDraft) => {
      setDraft((current) => {
        if (current === null) return current;
        const next = change(current);
        clearTimeout(timer.current);
        const keep = () => {
          pendingKeep.current = null;
          const savedAt = Date.now();
          // Never written once the encounter is recorded: a late autosave cannot bring it back.
          void encountersRepository.keepDraft(draftId(clientId), next.id, { draft: next, savedAt }).then((kept) => {
            if (kept) setKeptAt(savedAt);
          });
        };
        pendingKeep.current = keep;
        timer.current = setTimeout(keep, AUTOSAVE_MS);
        return next;
      });
    },
    [clientId],
  );

  const record = useCallback(
    async (commands: readonly Command[]) => {
      if (draft === null) throw new Error('no encounter to save');
      clearTimeout(timer.current);
      pendingKeep.current = null;
      const outcome = await encountersRepository.saveFromDraft({ draftKey: draftId(clientId), encounterId: draft.id, commands });
      if (outcome === 'already-recorded') setAlreadySaved(true);
      return outcome;
    },
    [clientId, draft],
  );

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pendingKeep.current?.(); // leaving mid-typing keeps what was typed
    },
    [],
  );
  return { draft, resumedAt, alreadySaved, keptAt, update, record };
}

export function useEncounterClient(clientId: string | null): ClientRecord | null | undefined {
  return useLiveQuery(async () => (clientId === null ? null : ((await clientsRepository.get(clientId)) ?? null)), [clientId]);
}

/** The client's referrals still in progress (none for an anonymous contact). */
export function useOpenReferrals(clientId: string | null): ReferralRecord[] | undefined {
  return useLiveQuery(async () => (clientId === null ? [] : (await referralsRepository.forClient(clientId)).filter((r) => isReferralOpen(r.status))), [clientId]);
}

export function useAgencies(): AgencyRecord[] | undefined {
  return useLiveQuery(() => agenciesRepository.offered(), []);
}

// A milestone submission being edited: server copy, typed copy (kept in localStorage as typed),
// saving at the loaded version, and a conflict that keeps what was typed.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { type FileKind, type Submission, submissionsApi } from '../../api/reports';
import { useDraft } from '../../hooks/useDraft';

export interface DraftFile {
  attachmentId: number;
  kind: FileKind;
  name: string;
  mime: string;
}

export interface SubmissionDraft {
  content: string;
  experience: string;
  institutions: string;
  files: DraftFile[];
}

export type TextKey = 'content' | 'experience' | 'institutions';

export function draftOf(s: Submission): SubmissionDraft {
  return {
    content: s.content,
    experience: s.experience,
    institutions: s.institutions,
    files: s.files.map((f) => ({ attachmentId: f.id, kind: f.kind, name: f.name, mime: f.mime })),
  };
}

const same = (a: SubmissionDraft, b: SubmissionDraft) => JSON.stringify(a) === JSON.stringify(b);

export function useSubmissionEditor(key: { campaignId: number; milestoneId: number; unitId: number }) {
  const local = useDraft<SubmissionDraft>(
    `paicha.submission.${key.campaignId}.${key.milestoneId}.${key.unitId}`,
  );
  const [view, setView] = useState<Submission>();
  const [draft, setDraft] = useState<SubmissionDraft>();
  const [loadError, setLoadError] = useState<unknown>();
  const [conflict, setConflict] = useState<Submission>();
  const [restored, setRestored] = useState(false);

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      return await submissionsApi.get(key.campaignId, key.milestoneId, key.unitId);
    } catch (e) {
      setLoadError(e);
      return undefined;
    }
  }, [key.campaignId, key.milestoneId, key.unitId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore the local copy once per submission.
  useEffect(() => {
    let live = true;
    void load().then((v) => {
      if (!live || !v) return;
      setView(v);
      const kept = local.restored?.values;
      if (kept && v.can.save && !same(kept, draftOf(v))) {
        setDraft(kept);
        setRestored(true);
      } else setDraft(draftOf(v));
    });
    return () => {
      live = false;
    };
  }, [load]);

  const dirty = useMemo(() => !!view && !!draft && !same(draft, draftOf(view)), [view, draft]);

  const update = useCallback(
    (fn: (d: SubmissionDraft) => SubmissionDraft) =>
      setDraft((d) => {
        if (!d) return d;
        const next = fn(d);
        local.save(next);
        return next;
      }),
    [local],
  );

  const adopt = useCallback(
    (v: Submission) => {
      setView(v);
      setDraft(draftOf(v));
      setConflict(undefined);
      setRestored(false);
      local.clear();
    },
    [local],
  );

  const save = useCallback(
    async (overVersion?: number) => {
      if (!view || !draft) return undefined;
      try {
        const saved = await submissionsApi.save(key.campaignId, key.milestoneId, key.unitId, {
          version: overVersion ?? view.version,
          content: draft.content,
          experience: draft.experience,
          institutions: draft.institutions,
          files: draft.files.map((f) => ({ attachmentId: f.attachmentId, kind: f.kind })),
        });
        adopt(saved);
        return saved;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'version_conflict') setConflict(await load());
        throw e;
      }
    },
    [view, draft, key, adopt, load],
  );

  const discard = useCallback(async () => {
    const latest = conflict ?? (await load());
    if (latest) adopt(latest);
  }, [conflict, load, adopt]);

  return { view, draft, dirty, loadError, conflict, restored, update, save, discard, adopt, reload: load };
}

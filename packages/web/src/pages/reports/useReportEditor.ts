// The report being edited: what the server holds, what the clerk typed (kept in localStorage as
// they type, so a failed save, a conflict or a closed tab never loses it), and saving with the
// version it was loaded at. A conflict keeps the typed text and fetches the latest version.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError } from '../../api/client';
import { type MonthlyReport, type ReportInput, reportsApi } from '../../api/reports';
import { useDraft } from '../../hooks/useDraft';
import type { RowTexts, TextField } from './ReportTable';

export interface Draft {
  fillerName: string;
  reviewerName: string;
  phone: string;
  rows: Record<number, RowTexts>;
}

export type MetaField = 'fillerName' | 'reviewerName' | 'phone';

export function draftOf(v: MonthlyReport): Draft {
  return {
    fillerName: v.fillerName,
    reviewerName: v.reviewerName,
    phone: v.phone,
    rows: Object.fromEntries(
      v.rows.map((r) => [r.seq, { situation: r.situation, measures: r.measures, progress: r.progress }]),
    ),
  };
}

/**
 * Only what the clerk changed since `base` is sent, so saving over someone else's newer version
 * (after a conflict) applies these edits and keeps theirs everywhere else.
 */
export function inputOf(d: Draft, base: Draft, version: number): ReportInput {
  const input: ReportInput = { version, rows: [] };
  for (const f of ['fillerName', 'reviewerName', 'phone'] as const) if (d[f] !== base[f]) input[f] = d[f];
  for (const [seq, t] of Object.entries(d.rows))
    if (JSON.stringify(t) !== JSON.stringify(base.rows[Number(seq)]))
      input.rows.push({ seq: Number(seq), ...t });
  return input;
}

const same = (a: Draft, b: Draft) => JSON.stringify(a) === JSON.stringify(b);

export interface Conflict {
  latest: MonthlyReport;
  /** Rows whose server text differs from what this copy was based on. */
  changedRows: Set<number>;
}

export function useReportEditor(key: { campaignId: number; period: string; unitId: number }) {
  const storageKey = `paicha.report.${key.campaignId}.${key.period}.${key.unitId}`;
  const local = useDraft<{ draft: Draft; version: number }>(storageKey);
  const [view, setView] = useState<MonthlyReport>();
  const [draft, setDraft] = useState<Draft>();
  const [loadError, setLoadError] = useState<unknown>();
  const [conflict, setConflict] = useState<Conflict>();
  const [restoredAt, setRestoredAt] = useState<string>();

  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      return await reportsApi.get(key.campaignId, key.period, key.unitId);
    } catch (e) {
      setLoadError(e);
      return undefined;
    }
  }, [key.campaignId, key.period, key.unitId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore the local copy once per report.
  useEffect(() => {
    let live = true;
    void load().then((v) => {
      if (!live || !v) return;
      setView(v);
      const kept = local.restored?.values;
      if (kept && v.can.save && !same(kept.draft, draftOf(v))) {
        setDraft(kept.draft);
        setRestoredAt(local.restored?.savedAt);
      } else setDraft(draftOf(v));
    });
    return () => {
      live = false;
    };
  }, [load]);

  const dirty = useMemo(() => !!view && !!draft && !same(draft, draftOf(view)), [view, draft]);

  const update = useCallback(
    (fn: (d: Draft) => Draft) => {
      setDraft((d) => {
        if (!d) return d;
        const next = fn(d);
        local.save({ draft: next, version: view?.version ?? 0 });
        return next;
      });
    },
    [local, view?.version],
  );
  const setCell = useCallback(
    (seq: number, field: TextField, value: string) =>
      update((d) => ({ ...d, rows: { ...d.rows, [seq]: { ...(d.rows[seq] as RowTexts), [field]: value } } })),
    [update],
  );
  const setMeta = useCallback(
    (field: MetaField, value: string) => update((d) => ({ ...d, [field]: value })),
    [update],
  );

  /** Adopts the server's answer as the new base; typed text is cleared only when it matches. */
  const adopt = useCallback(
    (v: MonthlyReport) => {
      setView(v);
      setDraft(draftOf(v));
      setConflict(undefined);
      setRestoredAt(undefined);
      local.clear();
    },
    [local],
  );

  /** Saves what was typed. On a version conflict the typed text stays and the latest is fetched. */
  const save = useCallback(
    async (overVersion?: number): Promise<MonthlyReport | undefined> => {
      if (!view || !draft) return undefined;
      try {
        const saved = await reportsApi.save(
          key.campaignId,
          key.period,
          key.unitId,
          inputOf(draft, draftOf(view), overVersion ?? view.version),
        );
        adopt(saved);
        return saved;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const latest = await load();
          if (latest) {
            const base = draftOf(view);
            const now = draftOf(latest);
            const changedRows = new Set(
              Object.keys(now.rows)
                .map(Number)
                .filter((s) => JSON.stringify(now.rows[s]) !== JSON.stringify(base.rows[s])),
            );
            setConflict({ latest, changedRows });
          }
        }
        throw e;
      }
    },
    [view, draft, key, adopt, load],
  );

  /** Drops what was typed and shows the latest version. */
  const discard = useCallback(async () => {
    const latest = conflict?.latest ?? (await load());
    if (latest) adopt(latest);
  }, [conflict, load, adopt]);

  return {
    view,
    draft,
    dirty,
    loadError,
    conflict,
    restoredAt,
    setCell,
    setMeta,
    save,
    discard,
    adopt,
    reload: load,
  };
}

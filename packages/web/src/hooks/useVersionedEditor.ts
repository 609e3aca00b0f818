// A record edited in place and saved with the version it was loaded at: what the server holds
// (`view`), what the clerk typed (`draft`, kept in localStorage as they type, so a failed save, a
// conflict or a closed tab never loses it), and a version conflict that keeps the typed draft and
// fetches the latest version (`conflict`) for the clerk to save over or take.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useDraft } from './useDraft';

interface Versioned {
  version: number;
  can: { save: boolean };
}

export interface VersionedSpec<V extends Versioned, D> {
  /** Where the typed draft is kept; also the record's identity (a new key loads anew). */
  storageKey: string;
  load: () => Promise<V>;
  /** The editable part of what the server holds. */
  draftOf: (view: V) => D;
  /** Sends the draft; `base` is the view it was typed against, `version` the one to save over. */
  save: (draft: D, base: V, version: number) => Promise<V>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function useVersionedEditor<V extends Versioned, D>(spec: VersionedSpec<V, D>) {
  const { storageKey } = spec;
  // The latest render's functions; the record's identity is the storage key.
  const fns = useRef(spec);
  fns.current = spec;
  const local = useDraft<{ draft: D; version: number }>(storageKey);
  const [view, setView] = useState<V>();
  const [draft, setDraft] = useState<D>();
  const [loadError, setLoadError] = useState<unknown>();
  const [conflict, setConflict] = useState<V>();
  const [restoredAt, setRestoredAt] = useState<string>();

  // biome-ignore lint/correctness/useExhaustiveDependencies: one load function per record (storageKey).
  const load = useCallback(async () => {
    setLoadError(undefined);
    try {
      return await fns.current.load();
    } catch (e) {
      setLoadError(e);
      return undefined;
    }
  }, [storageKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: restore the local copy once per record.
  useEffect(() => {
    let live = true;
    void load().then((v) => {
      if (!live || !v) return;
      setView(v);
      const kept = keptDraft<D>(local.restored?.values);
      const loaded = fns.current.draftOf(v);
      if (kept && v.can.save && !same(kept, loaded)) {
        setDraft(kept);
        setRestoredAt(local.restored?.savedAt);
      } else setDraft(loaded);
    });
    return () => {
      live = false;
    };
  }, [load]);

  const dirty = useMemo(() => !!view && !!draft && !same(draft, fns.current.draftOf(view)), [view, draft]);

  /** Changes the draft (and its local copy). */
  const update = useCallback(
    (fn: (d: D) => D) =>
      setDraft((d) => {
        if (d === undefined) return d;
        const next = fn(d);
        local.save({ draft: next, version: view?.version ?? 0 });
        return next;
      }),
    [local, view?.version],
  );

  /** Adopts the server's answer as the new base; the local copy is dropped. */
  const adopt = useCallback(
    (v: V) => {
      setView(v);
      setDraft(fns.current.draftOf(v));
      setConflict(undefined);
      setRestoredAt(undefined);
      local.clear();
    },
    [local],
  );

  /** Saves what was typed. On a version conflict the typed draft stays and the latest is fetched. */
  const save = useCallback(
    async (overVersion?: number): Promise<V | undefined> => {
      if (!view || draft === undefined) return undefined;
      try {
        const saved = await fns.current.save(draft, view, overVersion ?? view.version);
        adopt(saved);
        return saved;
      } catch (e) {
        if (e instanceof ApiError && e.code === 'version_conflict') {
          const latest = await load();
          if (latest) setConflict(latest);
        }
        throw e;
      }
    },
    [view, draft, adopt, load],
  );

  /** Drops what was typed and shows the latest version. */
  const discard = useCallback(async () => {
    const latest = conflict ?? (await load());
    if (latest) adopt(latest);
  }, [conflict, load, adopt]);

  return { view, draft, dirty, loadError, conflict, restoredAt, update, save, discard, adopt, reload: load };
}

export type VersionedEditor<V extends Versioned, D> = ReturnType<typeof useVersionedEditor<V, D>>;

/**
 * The typed copy in localStorage: `{ draft, version }`. Milestone submissions typed before the
 * editors were one kept the draft itself (texts and files, no `draft` key) — still restored, so
 * nothing typed on the old build is lost.
 */
export function keptDraft<D>(values: unknown): D | undefined {
  if (!values || typeof values !== 'object') return undefined;
  return 'draft' in values ? (values as { draft: D }).draft : (values as D);
}

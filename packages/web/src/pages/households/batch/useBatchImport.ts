// A whole delivery of household files: each uploaded with its source recognised by the server,
// changeable, then imported one after another — each all or nothing on its own, a failing file
// never stopping the next. The list (uploads live on the server for a day) is kept as a draft, so
// a reload or leaving the page loses nothing picked, and an import under way is watched again.
import type { HouseholdSource } from '@paicha/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../../../api/client';
import { householdsApi } from '../../../api/households';
import type { ImportJob, UploadPreview } from '../../../api/householdTypes';
import { useDraft } from '../../../hooks/useDraft';

const POLL_MS = 500;

export interface BatchFile {
  key: string;
  fileName: string;
  size: number;
  /** Upload percent while sending; undefined once the server answered (or failed). */
  uploading?: number;
  preview?: UploadPreview;
  /** The source the file will be imported as: recognised, or chosen by the clerk. */
  source: HouseholdSource | null;
  /** How the server recognised it when the file arrived (kept when the clerk changes it). */
  recognisedBy?: 'headers' | 'name' | null;
  recognisedSource?: HouseholdSource | null;
  /** A failed upload, source change or start: the file's own message. */
  error?: string;
  job?: ImportJob;
  /** Asking the server again (a changed source) or waiting in the import queue. */
  busy?: boolean;
}

/** Ready to import: a source, headers that satisfy it, not imported yet. */
export const importable = (f: BatchFile) =>
  !!f.preview?.ok && f.source !== null && !f.job && !f.busy && f.uploading === undefined;

let counter = 0;
const newKey = () => `${Date.now().toString(36)}-${(counter++).toString(36)}`;

export function useBatchImport(onImported: () => void) {
  const draft = useDraft<BatchFile[]>('households-batch-import');
  const [files, setFiles] = useState<BatchFile[]>(() =>
    // An upload cut off by the reload never reached the server: say so rather than spin forever.
    (draft.restored?.values ?? []).map((f) => {
      const settled = { ...f, busy: undefined };
      return f.uploading !== undefined
        ? { ...settled, uploading: undefined, error: '上传被中断，请重新选择此文件' }
        : settled;
    }),
  );
  const [running, setRunning] = useState(false);
  const alive = useRef(true);
  const uploads = useRef<Promise<unknown>>(Promise.resolve());
  const latest = useRef(files);
  latest.current = files;
  const onDone = useRef(onImported);
  onDone.current = onImported;

  const patch = useCallback((key: string, change: Partial<BatchFile>) => {
    setFiles((list) => list.map((f) => (f.key === key ? { ...f, ...change } : f)));
  }, []);

  const { save } = draft;
  useEffect(() => save(files), [files, save]);

  /** Polls one job until it ends; resolves with the last state seen (or undefined when gone). */
  const watch = useCallback(
    async (key: string, id: number): Promise<ImportJob | undefined> => {
      for (;;) {
        if (!alive.current) return undefined;
        try {
          const job = await householdsApi.importJob(id);
          patch(key, { job, error: undefined });
          if (job.status !== 'running') return job;
        } catch (e) {
          patch(key, { error: errorMessage(e) });
          // A job that no longer exists will not come back; anything else (network) is retried.
          if (e instanceof ApiError && e.status === 404) return undefined;
        }
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
    },
    [patch],
  );

  // A job the draft remembers as running (the page was reloaded mid-import) is watched again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, for what the draft restored.
  useEffect(() => {
    alive.current = true;
    for (const f of latest.current) if (f.job?.status === 'running') void watch(f.key, f.job.id);
    return () => {
      alive.current = false;
    };
  }, []);

  /** Files picked or dropped: each uploaded in turn, the server recognising its source. */
  const add = useCallback(
    (picked: File[]) => {
      const entries = picked.map((file) => ({ file, key: newKey() }));
      setFiles((list) => [
        ...list,
        ...entries.map(({ file, key }) => ({
          key,
          fileName: file.name,
          size: file.size,
          uploading: 0,
          source: null,
        })),
      ]);
      for (const { file, key } of entries) {
        uploads.current = uploads.current.then(async () => {
          try {
            const preview = await householdsApi.upload(undefined, file, {
              onProgress: (p) => patch(key, { uploading: p }),
            });
            patch(key, {
              uploading: undefined,
              preview,
              source: preview.source,
              recognisedBy: preview.recognised?.by ?? null,
              recognisedSource: preview.source,
            });
          } catch (e) {
            patch(key, { uploading: undefined, error: errorMessage(e) });
          }
        });
      }
    },
    [patch],
  );

  /** The clerk names the file's source: the server matches its headers for that source. */
  const choose = useCallback(
    async (key: string, source: HouseholdSource) => {
      const file = latest.current.find((f) => f.key === key);
      if (!file?.preview) return;
      patch(key, { busy: true, source, error: undefined });
      try {
        const preview = await householdsApi.preview(file.preview.upload.id, source, {});
        patch(key, { busy: false, preview, source });
      } catch (e) {
        patch(key, { busy: false, error: errorMessage(e) });
      }
    },
    [patch],
  );

  const remove = useCallback((key: string) => {
    setFiles((list) => list.filter((f) => f.key !== key));
  }, []);

  /** Every ready file, one after another; a file refused or failing leaves the rest going. */
  const start = useCallback(async () => {
    const queue = latest.current.filter(importable).map((f) => f.key);
    if (queue.length === 0) return;
    setRunning(true);
    for (const key of queue) patch(key, { busy: true });
    try {
      for (const key of queue) {
        if (!alive.current) return;
        const f = latest.current.find((x) => x.key === key);
        if (!f?.preview || !f.source) continue;
        try {
          const job = await householdsApi.startImport({
            uploadId: f.preview.upload.id,
            source: f.source,
            mapping: {},
          });
          patch(key, { job, busy: false, error: undefined });
          await watch(key, job.id);
        } catch (e) {
          patch(key, { busy: false, error: errorMessage(e) });
        }
      }
    } finally {
      if (alive.current) {
        setRunning(false);
        onDone.current();
      }
    }
  }, [patch, watch]);

  /** A file whose headers were mapped by hand and started from the mapping step: watched here. */
  const adopt = useCallback(
    (key: string, job: ImportJob) => {
      patch(key, { job, error: undefined });
      void watch(key, job.id).then(() => alive.current && onDone.current());
    },
    [patch, watch],
  );

  const clear = useCallback(() => {
    setFiles([]);
    draft.clear();
  }, [draft]);

  return { files, running, add, choose, remove, start, adopt, clear };
}

// The phone's outbox as React state, shared by the visit pages: the drafts waiting (待上传),
// and sending them — at once after saving, when the browser says the network is back, and every
// half minute while any wait (a signal that comes and goes fires no event).
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { filesApi } from '../../api/problems';
import { verificationApi } from '../../api/verification';
import { useUser } from '../../auth/AuthContext';
import { outbox, type VisitDraft } from './outbox';

const RETRY_MS = 30_000;

/** Sends one draft; true when the server has it (now or from an earlier try). */
async function send(d: VisitDraft): Promise<boolean> {
  for (const p of d.photos) {
    if (p.attachmentId !== undefined) continue;
    const file = new File([p.blob], p.name, { type: p.blob.type || 'image/jpeg' });
    p.attachmentId = (await filesApi.upload(file)).id;
    // Kept at once: a failure later must not upload this photo again.
    await outbox.put(d);
  }
  await verificationApi.recordVisit(d.householdId, {
    ...d.visit,
    clientId: d.clientId,
    attachmentIds: d.photos.map((p) => p.attachmentId as number),
  });
  await outbox.remove(d.clientId);
  return true;
}

/** A failure worth trying again later (no network, a server hiccup, a concurrent edit). */
function transient(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true;
  return e.status === 0 || e.status === 401 || e.status === 409 || e.status === 429 || e.status >= 500;
}

interface OutboxState {
  drafts: VisitDraft[];
  online: boolean;
  syncing: boolean;
  save: (d: VisitDraft) => Promise<void>;
  remove: (clientId: string) => Promise<void>;
  sync: () => Promise<void>;
  /** Bumped after a visit reached the server, so pages reload what they show. */
  sent: number;
}

const Ctx = createContext<OutboxState | null>(null);

export function OutboxProvider({ children }: { children: ReactNode }) {
  const user = useUser();
  const [drafts, setDrafts] = useState<VisitDraft[]>([]);
  const [online, setOnline] = useState(navigator.onLine);
  const [syncing, setSyncing] = useState(false);
  const [sent, setSent] = useState(0);
  const running = useRef<Promise<void> | null>(null);

  const refresh = useCallback(async () => setDrafts(await outbox.all(user.id)), [user.id]);

  const sync = useCallback(() => {
    running.current ??= (async () => {
      setSyncing(true);
      try {
        for (const d of await outbox.all(user.id)) {
          if (d.error || !navigator.onLine) continue;
          try {
            if (await send(d)) setSent((n) => n + 1);
          } catch (e) {
            if (transient(e)) break;
            await outbox.put({ ...d, error: e instanceof Error ? e.message : String(e) });
          }
        }
      } finally {
        await refresh();
        setSyncing(false);
        running.current = null;
      }
    })();
    return running.current;
  }, [user.id, refresh]);

  useEffect(() => {
    void refresh().then(sync);
    const up = () => {
      setOnline(true);
      void sync();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => void sync(), RETRY_MS);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [refresh, sync]);

  const save = useCallback(
    async (d: VisitDraft) => {
      await outbox.put(d);
      await refresh();
      void sync();
    },
    [refresh, sync],
  );
  const remove = useCallback(
    async (clientId: string) => {
      await outbox.remove(clientId);
      await refresh();
    },
    [refresh],
  );

  return (
    <Ctx.Provider value={{ drafts, online, syncing, save, remove, sync, sent }}>{children}</Ctx.Provider>
  );
}

export function useOutbox(): OutboxState {
  const s = useContext(Ctx);
  if (!s) throw new Error('useOutbox outside OutboxProvider');
  return s;
}

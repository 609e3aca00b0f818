// Visits recorded on the phone wait here (IndexedDB, photos as Blobs) until they reach the
// server: nothing typed is lost to a weak connection, a closed tab or a restarted phone. Each
// draft carries the id the phone made for the visit, so sending it again after a lost answer is
// recorded once; photos uploaded before a failure keep their attachment ids and are not sent twice.
import type { NewVisit } from '../../api/verification';

export interface DraftPhoto {
  name: string;
  blob: Blob;
  /** Set once uploaded: the attachment the visit claims. */
  attachmentId?: number;
}

export interface VisitDraft {
  clientId: string;
  householdId: string;
  /** The user who recorded it: another user signing in on the phone does not send it. */
  userId: number;
  visit: Omit<NewVisit, 'clientId' | 'attachmentIds'>;
  photos: DraftPhoto[];
  /** The server's refusal (not a network failure): shown, kept until the user deletes it. */
  error?: string;
}

const DB = 'paicha-visits';
const STORE = 'drafts';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: 'clientId' });
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export const outbox = {
  put: (d: VisitDraft) => run('readwrite', (s) => s.put(d)).then(() => undefined),
  remove: (clientId: string) => run('readwrite', (s) => s.delete(clientId)).then(() => undefined),
  all: async (userId: number) =>
    ((await run('readonly', (s) => s.getAll())) as VisitDraft[]).filter((d) => d.userId === userId),
};

/** An id for a new visit, made on the phone (crypto.randomUUID needs a secure context). */
export function newClientId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

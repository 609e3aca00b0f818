// What the phone last loaded (the queue, each household's card), kept in localStorage so a cadre
// who opened the list at the office can still read and record at a door without signal. Only a
// network failure falls back to the copy; any answer from the server is shown as it is.
import { ApiError } from '../../api/client';

export interface Loaded<T> {
  data: T;
  /** When the copy shown was loaded, if it is not fresh from the server. */
  staleSince?: string;
}

interface Stored<T> {
  data: T;
  at: string;
}

function read<T>(key: string): Stored<T> | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : undefined;
  } catch {
    return undefined;
  }
}

function write<T>(key: string, data: T) {
  try {
    window.localStorage.setItem(key, JSON.stringify({ data, at: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the page works online, only the offline copy is missing.
  }
}

export async function cached<T>(key: string, load: () => Promise<T>): Promise<Loaded<T>> {
  try {
    const data = await load();
    write(key, data);
    return { data };
  } catch (e) {
    const copy = e instanceof ApiError && e.status === 0 ? read<T>(key) : undefined;
    if (!copy) throw e;
    return { data: copy.data, staleSince: copy.at };
  }
}

/** Keeps a copy for later unless a recent one exists (the queue's households, fetched ahead). */
export async function keepAhead<T>(key: string, load: () => Promise<T>, maxAgeMs: number) {
  const copy = read<T>(key);
  if (copy && Date.now() - new Date(copy.at).getTime() < maxAgeMs) return;
  write(key, await load());
}

export const cacheKey = (userId: number, ...parts: string[]) => ['visit-cache', userId, ...parts].join(':');

// A form's unsaved input kept in localStorage, so a failed save, a closed tab or a reload never
// loses what a clerk typed. Cleared only after the server accepted the input.
import { useCallback, useEffect, useMemo, useRef } from 'react';

interface Stored<T> {
  values: T;
  savedAt: string;
}

function read<T>(key: string): Stored<T> | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Stored<T>) : undefined;
  } catch {
    return undefined;
  }
}

export interface Draft<T> {
  /** What was stored when the form opened (undefined: no draft). */
  restored: Stored<T> | undefined;
  save: (values: T) => void;
  clear: () => void;
}

export function useDraft<T>(key: string): Draft<T> {
  const restored = useMemo(() => read<T>(key), [key]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  /** Values waiting for the debounce: written at once if the page goes away meanwhile. */
  const pending = useRef<{ values: T } | undefined>(undefined);

  const write = useCallback(() => {
    const p = pending.current;
    pending.current = undefined;
    if (!p) return;
    try {
      window.localStorage.setItem(
        key,
        JSON.stringify({ values: p.values, savedAt: new Date().toISOString() }),
      );
    } catch {
      // Storage full or disabled: the form still works, only the safety net is missing.
    }
  }, [key]);

  // A reload or a closed tab within the debounce would lose the last change.
  useEffect(() => {
    window.addEventListener('pagehide', write);
    return () => window.removeEventListener('pagehide', write);
  }, [write]);

  const save = useCallback(
    (values: T) => {
      clearTimeout(timer.current);
      pending.current = { values };
      // Debounced: every keystroke would otherwise rewrite the whole draft.
      timer.current = setTimeout(write, 300);
    },
    [write],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    pending.current = undefined;
    window.localStorage.removeItem(key);
  }, [key]);

  return { restored, save, clear };
}

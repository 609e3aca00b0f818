import { type DependencyList, useCallback, useEffect, useRef, useState } from 'react';

export interface AsyncState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/**
 * Runs `load` when `deps` change and after `reload()`. Answers of superseded runs are dropped,
 * so switching campaigns quickly never shows the previous campaign's data.
 */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const runId = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass the deps `load` reads.
  useEffect(() => {
    const id = ++runId.current;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (id !== runId.current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (id !== runId.current) return;
        setError(e);
        setLoading(false);
      },
    );
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { problemsApi } from '../../../api/problems';
import type { ProblemDetail } from '../../../api/problemTypes';

/**
 * One problem with its history. Every step answers with the new detail, which replaces the
 * shown one (`set`), so the version the next step carries is always the latest known.
 */
export function useProblemDetail(id: number) {
  const [detail, setDetail] = useState<ProblemDetail>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const run = useRef(0);

  const reload = useCallback(async () => {
    const mine = ++run.current;
    setLoading(true);
    try {
      const d = await problemsApi.get(id);
      if (mine === run.current) {
        setDetail(d);
        setError(undefined);
      }
      return d;
    } catch (e) {
      if (mine === run.current) setError(e);
      return undefined;
    } finally {
      if (mine === run.current) setLoading(false);
    }
  }, [id]);

  useEffect(() => {
    setDetail(undefined);
    void reload();
  }, [reload]);

  const set = useCallback((d: ProblemDetail) => {
    run.current++;
    setDetail(d);
    setError(undefined);
    setLoading(false);
  }, []);

  return { detail, error, loading, reload, set };
}

import { inspectionsApi } from '../../api/inspections';
import { useAsync } from '../../hooks/useAsync';

/** One visit by its id from the URL; an invalid id loads nothing. */
export function useInspection(id: number) {
  return useAsync(async () => (Number.isInteger(id) && id > 0 ? inspectionsApi.get(id) : undefined), [id]);
}

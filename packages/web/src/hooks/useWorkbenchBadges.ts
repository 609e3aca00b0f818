// The side menu's counts, from the same endpoint as the 待办 page so both always agree: asked
// again on every page change, every few minutes, and when a page says something was dealt with.
import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { WORKBENCH_CHANGED, workbenchApi } from '../api/workbench';
import { useCampaign } from '../campaign/CampaignContext';

const POLL_MS = 3 * 60_000;

export interface WorkbenchBadges {
  /** Count per menu path (only paths with something waiting). */
  byPath: ReadonlyMap<string, number>;
  total: number;
}

const NONE: WorkbenchBadges = { byPath: new Map(), total: 0 };

export function useWorkbenchBadges(): WorkbenchBadges {
  const { campaignId } = useCampaign();
  const { pathname } = useLocation();
  const [badges, setBadges] = useState<WorkbenchBadges>(NONE);

  const refresh = useCallback(async () => {
    if (campaignId === undefined) return;
    try {
      const w = await workbenchApi.get(campaignId);
      setBadges({ byPath: new Map(w.badges.map((b) => [b.path, b.count])), total: w.total });
    } catch {
      // A missed count is harmless: the next page change or poll asks again.
    }
  }, [campaignId]);

  useEffect(() => {
    const timer = setInterval(() => void refresh(), POLL_MS);
    const onChange = () => void refresh();
    window.addEventListener(WORKBENCH_CHANGED, onChange);
    return () => {
      clearInterval(timer);
      window.removeEventListener(WORKBENCH_CHANGED, onChange);
    };
  }, [refresh]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a page change is the trigger.
  useEffect(() => {
    void refresh();
  }, [pathname, refresh]);

  return badges;
}

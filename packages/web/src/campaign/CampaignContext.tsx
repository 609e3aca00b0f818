// The campaign the user is looking at, shared by every page and remembered across visits.
// Most districts run one campaign at a time, so the selector only appears when there are more.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { campaignsApi } from '../api/endpoints';
import type { CampaignSummary } from '../api/types';
import { useAsync } from '../hooks/useAsync';

const STORAGE_KEY = 'paicha.campaignId';

interface CampaignState {
  campaigns: CampaignSummary[] | undefined;
  error: unknown;
  /** The chosen campaign's id; undefined while loading or when none exists. */
  campaignId: number | undefined;
  select: (id: number) => void;
  reload: () => void;
}

const CampaignContext = createContext<CampaignState | null>(null);

function storedId(): number | undefined {
  const v = Number(window.localStorage.getItem(STORAGE_KEY));
  return Number.isInteger(v) && v > 0 ? v : undefined;
}

export function CampaignProvider({ children }: { children: ReactNode }) {
  const { data: campaigns, error, reload } = useAsync(() => campaignsApi.list(), []);
  const [chosen, setChosen] = useState<number | undefined>(storedId);

  // Fall back to the newest campaign when nothing (or a since-deleted one) was chosen.
  const campaignId = useMemo(() => {
    if (!campaigns?.length) return undefined;
    if (chosen !== undefined && campaigns.some((c) => c.id === chosen)) return chosen;
    return Math.max(...campaigns.map((c) => c.id));
  }, [campaigns, chosen]);

  const select = useCallback((id: number) => {
    window.localStorage.setItem(STORAGE_KEY, String(id));
    setChosen(id);
  }, []);

  const value = useMemo(
    () => ({ campaigns, error, campaignId, select, reload }),
    [campaigns, error, campaignId, select, reload],
  );
  return <CampaignContext.Provider value={value}>{children}</CampaignContext.Provider>;
}

export function useCampaign(): CampaignState {
  const ctx = useContext(CampaignContext);
  if (!ctx) throw new Error('useCampaign outside CampaignProvider');
  return ctx;
}

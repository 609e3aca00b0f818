// The campaign the user is looking at, shared by every page. Which one that is, is the server's
// answer (GET /api/campaigns/current): the person's explicit choice, kept on the server so it
// follows them across reloads and browsers, or else the campaign of the day by core's rule.
// Creating a campaign therefore moves nobody. The selector only appears when there are several.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { campaignsApi } from '../api/endpoints';
import type { CampaignChoice, CampaignSummary } from '../api/types';
import { useAsync } from '../hooks/useAsync';

interface CampaignState {
  campaigns: CampaignSummary[] | undefined;
  error: unknown;
  /** The campaign shown; undefined while loading or when none exists. */
  campaignId: number | undefined;
  /** The campaign of the day (what everyone sees who chose none). */
  currentId: number | undefined;
  /** Whether the person chose a campaign explicitly (rather than following the current one). */
  chosen: boolean;
  /** Keeps the person's choice on the server; null goes back to the current campaign. */
  select: (id: number | null) => Promise<void>;
  reload: () => void;
}

const CampaignContext = createContext<CampaignState | null>(null);

async function loadBoth() {
  const [campaigns, choice] = await Promise.all([campaignsApi.list(), campaignsApi.current()]);
  return { campaigns, choice };
}

export function CampaignProvider({ children }: { children: ReactNode }) {
  const { data, error, reload } = useAsync(loadBoth, []);
  // The answer of the last save, until a newer load (which already reflects it) arrives.
  const [saved, setSaved] = useState<{ over: typeof data; choice: CampaignChoice }>();
  const choice = saved && saved.over === data ? saved.choice : data?.choice;

  const select = useCallback(
    async (id: number | null) => {
      const answer = await campaignsApi.choose(id);
      setSaved({ over: data, choice: answer });
    },
    [data],
  );

  const value = useMemo(
    () => ({
      campaigns: data?.campaigns,
      error,
      campaignId: choice?.campaignId ?? undefined,
      currentId: choice?.currentId ?? undefined,
      chosen: (choice?.chosenId ?? null) !== null,
      select,
      reload,
    }),
    [data, error, choice, select, reload],
  );
  return <CampaignContext.Provider value={value}>{children}</CampaignContext.Provider>;
}

export function useCampaign(): CampaignState {
  const ctx = useContext(CampaignContext);
  if (!ctx) throw new Error('useCampaign outside CampaignProvider');
  return ctx;
}

// The campaign's structure as the editors share it: its version and whether it has started (then
// every edit needs the reason typed once above the tabs), and `run`, which sends an edit with both,
// reports the outcome and reloads — after a refusal too, so a version conflict shows the latest.
import type { StructureEdit } from '@paicha/core/api/campaign-structure';
import { App } from 'antd';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../../../api/client';
import { structureApi } from '../../../../api/endpoints';
import { useAsync } from '../../../../hooks/useAsync';

export function useStructure(campaignId: number) {
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  // Moved by every edit: the item, phase and rule tables reload on it.
  const [tick, setTick] = useState(0);
  const { data: state, reload } = useAsync(() => structureApi.state(campaignId), [campaignId, tick]);

  const run = useCallback(
    async <T>(done: string, send: (edit: StructureEdit) => Promise<T>): Promise<T | undefined> => {
      if (!state) return undefined;
      const trimmed = reason.trim();
      try {
        const result = await send({ version: state.version, ...(trimmed ? { reason: trimmed } : {}) });
        message.success(done);
        return result;
      } catch (e) {
        message.error(errorMessage(e));
        return undefined;
      } finally {
        setTick((n) => n + 1);
      }
    },
    [state, reason, message],
  );

  return { state, reason, setReason, run, tick, reload };
}

export type Structure = ReturnType<typeof useStructure>;

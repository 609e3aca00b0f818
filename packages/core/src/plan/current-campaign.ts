// Which campaign everyone works in when nobody chose one: written once here, used by the server's
// campaign resolution (every area and CLI command) and, through the server's answer, by the web.

export interface CampaignSpan {
  id: number;
  startDate: string;
  endDate: string;
}

/**
 * The current campaign on `today` (YYYY-MM-DD): the one running (start ≤ today ≤ end; of two
 * running, the later start), else the next to start, else the last ended. Creating a campaign
 * that starts later therefore moves nobody until its first day. Ties break towards the higher id
 * so the answer never depends on the order the caller passes.
 */
export function currentCampaignId(campaigns: readonly CampaignSpan[], today: string): number | undefined {
  const later = (a: CampaignSpan, b: CampaignSpan, key: 'startDate' | 'endDate') =>
    a[key] > b[key] || (a[key] === b[key] && a.id > b.id);
  let running: CampaignSpan | undefined;
  let next: CampaignSpan | undefined;
  let ended: CampaignSpan | undefined;
  for (const c of campaigns) {
    if (c.startDate <= today && today <= c.endDate) {
      if (!running || later(c, running, 'startDate')) running = c;
    } else if (c.startDate > today) {
      if (!next || c.startDate < next.startDate || (c.startDate === next.startDate && c.id > next.id))
        next = c;
    } else if (!ended || later(c, ended, 'endDate')) ended = c;
  }
  return (running ?? next ?? ended)?.id;
}

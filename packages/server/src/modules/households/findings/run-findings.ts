// Reading a screening run's findings back page by page (`paicha screen --json`, tests): the run
// keeps them in screening_run_findings, so however many it found, a reader holds one page.
import type { Executor } from '../../../db/transaction.js';
import { type RunFindingRow, runFindingsAfter } from './run-filing.repository.js';

export type { RunFindingRow };

/** Pages of the run's findings in the order found (only the latest run's are kept). */
export async function* runFindingPages(db: Executor, runId: number, pageSize = 1000) {
  for (let seq = 0; ; ) {
    const page = await runFindingsAfter(db, runId, seq, pageSize);
    if (page.length === 0) return;
    seq = page[page.length - 1]?.seq ?? seq;
    yield page;
  }
}

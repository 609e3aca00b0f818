// Worker threads handed back after a clean finish and kept a moment for the next job of the same
// kind in this process: the SQLite import writer (row-sink.ts), whose thread costs ~20 ms to come
// online plus loading better-sqlite3 before it writes a row, while both cores wait. A seven-file
// `paicha import` of a million people, four runs each, A/B: 12.41 → 12.21 s, peak RSS 372–378 →
// 365–369 MB. Keeping the CSV reader's thread as well was no faster and raised the peak to
// 389–396 MB (a kept reader holds its grown heap through the index builds), so it is started per
// file. A kept worker is unref'd, so it never holds the process open, and ends after KEEP_MS
// unused. The worker itself must accept a new job by message (sqlite-writer.worker.mjs).
import type { Worker } from 'node:worker_threads';

const KEEP_MS = 5000;

interface Kept {
  worker: Worker;
  timer: NodeJS.Timeout;
  onEnd: () => void;
}

export class IdleWorkers {
  private idle: Kept[] = [];

  constructor(private readonly start: () => Promise<Worker>) {}

  /** A kept worker (its listeners gone, referenced again) or a new one. */
  async take(): Promise<Worker> {
    const kept = this.idle.pop();
    if (!kept) return this.start();
    clearTimeout(kept.timer);
    kept.worker.off('exit', kept.onEnd);
    kept.worker.off('error', kept.onEnd);
    kept.worker.ref();
    return kept.worker;
  }

  /**
   * Keeps `worker` for the next take. Only for a worker whose job ended cleanly: the caller's
   * listeners are removed here, so nothing of its job reaches the next one.
   */
  give(worker: Worker): void {
    worker.removeAllListeners('message');
    worker.removeAllListeners('error');
    worker.removeAllListeners('exit');
    worker.removeAllListeners('online');
    // A kept worker that fails or stops is forgotten.
    const onEnd = () => {
      this.idle = this.idle.filter((k) => k.worker !== worker);
    };
    worker.on('exit', onEnd);
    worker.on('error', onEnd);
    const timer = setTimeout(() => {
      onEnd();
      void worker.terminate();
    }, KEEP_MS);
    timer.unref();
    worker.unref();
    this.idle.push({ worker, timer, onEnd });
  }
}

// Worker threads with a young generation of their own size. The server and the CLI run the main
// thread with 32 MB semi-spaces (`--max-semi-space-size=32`: npm start, bin/paicha.mjs), and V8
// applies that flag to every isolate the process creates, ignoring a worker's
// resourceLimits.maxYoungGenerationSizeMb (measured on Node 24: a reader thread with a 4 MB limit
// still grew a 64 MB new space). A thread that lives for a whole import grows its new space to the
// maximum, so a million-person import carried ~100 MB of young generation in its CSV reader alone.
// The flag is process-wide: it is lowered while the worker's isolate is created and put back once
// the worker runs; creations are serialised so no other worker starts in the window.
import v8 from 'node:v8';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const FLAG = '--max-semi-space-size=';

/** The semi-space size the process was started with (0: V8's default), from its command line. */
function processSemiSpaceMb(): number {
  const arg = process.execArgv.findLast((a) => a.startsWith(FLAG));
  return arg ? Number(arg.slice(FLAG.length)) || 0 : 0;
}

let queue: Promise<unknown> = Promise.resolve();

/** A worker whose young generation is at most `youngMb`, whatever the main thread's flag says. */
export function startWorker(url: URL, options: WorkerOptions, youngMb: number): Promise<Worker> {
  const start = async () => {
    const resourceLimits = { ...options.resourceLimits, maxYoungGenerationSizeMb: youngMb };
    const semi = processSemiSpaceMb();
    if (semi === 0) return new Worker(url, { ...options, resourceLimits });
    // 0 lets the isolate's own resource limits decide.
    v8.setFlagsFromString(`${FLAG}0`);
    const worker = new Worker(url, { ...options, resourceLimits });
    // A failure before 'online' (the module did not load) is the caller's, as a rejection.
    let failure: Error | null = null;
    const onError = (err: Error) => {
      failure = err;
    };
    worker.on('error', onError);
    try {
      // 'online': the thread runs JavaScript, so its heap is configured; 'exit' if it never got there.
      await new Promise<void>((resolve) => {
        worker.once('online', resolve);
        worker.once('exit', () => resolve());
      });
    } finally {
      v8.setFlagsFromString(`${FLAG}${semi}`);
      worker.off('error', onError);
    }
    if (failure) {
      await worker.terminate();
      throw failure;
    }
    return worker;
  };
  const started = queue.then(start, start);
  queue = started.catch(() => undefined);
  return started;
}

// Loaded into a benchmarked child process with `node --import`: at exit it writes the process's
// peak resident set (getrusage ru_maxrss, KB — worker threads included, they share the process)
// to the file PAICHA_BENCH_RSS_FILE names, so the benchmark reads each child's own peak. With
// PAICHA_BENCH_MEM_TRACE=1 it also samples this thread's heap every 20 ms and writes its peaks.
import { writeFileSync } from 'node:fs';

const file = process.env.PAICHA_BENCH_RSS_FILE;
const peak = { heapUsed: 0, external: 0, arrayBuffers: 0 };
if (process.env.PAICHA_BENCH_MEM_TRACE === '1')
  setInterval(() => {
    const m = process.memoryUsage();
    for (const k of Object.keys(peak)) peak[k] = Math.max(peak[k], m[k]);
  }, 20).unref();
if (file)
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
    if (process.env.PAICHA_BENCH_MEM_TRACE === '1')
      writeFileSync(
        `${file}.heap`,
        JSON.stringify(
          Object.fromEntries(Object.entries(peak).map(([k, v]) => [k, Math.round(v / 1048576)])),
        ),
      );
  });

// Loaded into a benchmarked child process with `node --import`: at exit it writes the process's
// peak resident set (getrusage ru_maxrss, KB — worker threads included, they share the process)
// to the file PAICHA_BENCH_RSS_FILE names, so the benchmark reads each child's own peak.
import { writeFileSync } from 'node:fs';

const file = process.env.PAICHA_BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));

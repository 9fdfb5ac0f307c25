// Preloaded with `node --import` into a measured schema-lint process: at exit it writes the
// process's peak resident set size (kilobytes, all threads included) to $BENCH_RSS_FILE.
// Measuring inside the process works wherever Node runs, with or without /usr/bin/time.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}

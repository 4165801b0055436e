// `node --import ./bench/report-rss.mjs …`: writes the process's peak RSS (MB, all threads) to the file
// named by BENCH_RSS_FILE when it exits, so a benchmark can measure a command it runs unchanged.
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));

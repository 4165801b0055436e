/**
 * The editor of the read-isolation benchmark (read-isolation.ts), in its own process so that its
 * requests never delay the load generator's event loop (which would show up as read latency):
 * saves changes at WRITER_RATE a second until it receives SIGTERM, then prints
 * {"writes":N,"next":N,"failed":[…],"seconds":S} on stdout and exits (S: from its first write).
 *
 * It alternates a ratification save and a national-profile edit of two States the readers never
 * look at; every write changes something (a unique legal act; a profile age that alternates).
 */
const base = process.env.WRITER_BASE ?? '';
const cookie = process.env.WRITER_COOKIE ?? '';
const csrf = process.env.WRITER_CSRF ?? '';
const rate = Number(process.env.WRITER_RATE ?? 18);
const tag = process.env.WRITER_TAG ?? 'isolation';
let n = Number(process.env.WRITER_START ?? 0);

const TARGETS = [
  { country: 'BRA', instrument: 'C098' },
  { country: 'THA', instrument: 'C100' },
];

let stop = false;
process.on('SIGTERM', () => {
  stop = true;
});

let writes = 0;
const failed: string[] = [];
const interval = 1000 / rate;
const started = performance.now();
for (let i = 0; !stop; i++) {
  const wait = started + i * interval - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  if (stop) break;
  const { country, instrument } = TARGETS[n % 2] as (typeof TARGETS)[number];
  const [path, body] =
    n % 4 < 2
      ? [`/api/ratifications/${country}/${instrument}`, { legalAct: `Isolation act ${tag}-${n}`, source: 'Load test: NORMLEX' }]
      : [`/api/countries/${country}/profile`, { compulsoryEducationAge: 14 + (Math.floor(n / 4) % 2), source: 'Load test: law' }];
  n++;
  try {
    const res = await fetch(`${base}${path}`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, reason: `isolation-${tag}-${n}` }),
    });
    const text = await res.text();
    if (res.status === 200) writes++;
    else failed.push(`${path}: ${res.status} ${text.slice(0, 200)}`);
  } catch (error) {
    failed.push(`${path}: ${(error as Error).message}`);
  }
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ writes, next: n, failed, seconds })}\n`);

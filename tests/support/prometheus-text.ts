/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), for the tests: it
 * throws, naming the line, on anything a Prometheus server would reject or that breaks the
 * format's rules (a sample before its TYPE, a family split in two, a repeated series, a bad
 * escape, histogram buckets that are not cumulative or whose +Inf bucket is not the count).
 */
export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface MetricFamily {
  name: string;
  type: MetricType;
  help: string | null;
  samples: Sample[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const TYPES = new Set<MetricType>(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

export function parsePrometheusText(text: string): Map<string, MetricFamily> {
  if (text.length > 0 && !text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, MetricFamily>();
  const seriesSeen = new Set<string>();
  let current: MetricFamily | null = null;
  const lines = text.split('\n').slice(0, -1);
  lines.forEach((line, index) => {
    const where = `line ${index + 1} ("${line.slice(0, 80)}")`;
    if (line.trim() === '') return;
    if (line.startsWith('#')) {
      const m = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
      if (!m) return; // a plain comment
      const [, keyword, name, rest = ''] = m as unknown as [string, 'HELP' | 'TYPE', string, string?];
      if (!METRIC_NAME.test(name)) throw new Error(`${where}: bad metric name ${name}`);
      let family = families.get(name);
      if (family && family !== current && family.samples.length) throw new Error(`${where}: ${name} appears in two places`);
      if (!family) {
        family = { name, type: 'untyped', help: null, samples: [] };
        families.set(name, family);
      }
      if (keyword === 'HELP') {
        if (family.help !== null) throw new Error(`${where}: second HELP for ${name}`);
        family.help = unescapeHelp(rest, where);
      } else {
        if (family.samples.length) throw new Error(`${where}: TYPE of ${name} after its samples`);
        if (!TYPES.has(rest.trim() as MetricType)) throw new Error(`${where}: unknown type "${rest}"`);
        family.type = rest.trim() as MetricType;
      }
      current = family;
      return;
    }
    const sample = parseSample(line, where);
    const family = familyOf(sample.name, current);
    if (!family) throw new Error(`${where}: ${sample.name} has no TYPE line before it`);
    const series = `${sample.name}${JSON.stringify(Object.entries(sample.labels).sort())}`;
    if (seriesSeen.has(series)) throw new Error(`${where}: series repeated`);
    seriesSeen.add(series);
    if (family.type === 'counter' && !(sample.value >= 0)) throw new Error(`${where}: a counter cannot be ${sample.value}`);
    family.samples.push(sample);
  });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

/** The samples of a family must follow its TYPE line, together: `x_bucket`, `x_sum`, `x_count` for a histogram. */
function familyOf(sampleName: string, current: MetricFamily | null): MetricFamily | null {
  if (!current) return null;
  if (sampleName === current.name) return current.type === 'histogram' ? null : current;
  const suffix = sampleName.slice(current.name.length);
  if (!sampleName.startsWith(current.name)) return null;
  if (current.type === 'histogram' && ['_bucket', '_sum', '_count'].includes(suffix)) return current;
  if (current.type === 'summary' && ['_sum', '_count'].includes(suffix)) return current;
  return null;
}

function parseSample(line: string, where: string): Sample {
  const nameMatch = /^[a-zA-Z_:][a-zA-Z0-9_:]*/.exec(line);
  if (!nameMatch) throw new Error(`${where}: no metric name`);
  const name = nameMatch[0];
  let rest = line.slice(name.length);
  const labels: Record<string, string> = {};
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.trimStart();
      if (rest.startsWith('}')) {
        rest = rest.slice(1);
        break;
      }
      const label = /^([^=\s]+)\s*=\s*"/.exec(rest);
      if (!label?.[1] || !LABEL_NAME.test(label[1])) throw new Error(`${where}: bad label`);
      if (label[1] in labels) throw new Error(`${where}: label ${label[1]} twice`);
      rest = rest.slice(label[0].length);
      let value = '';
      for (;;) {
        const ch = rest[0];
        if (ch === undefined) throw new Error(`${where}: unterminated label value`);
        rest = rest.slice(1);
        if (ch === '"') break;
        if (ch === '\\') {
          const escaped = rest[0];
          rest = rest.slice(1);
          if (escaped === '\\' || escaped === '"') value += escaped;
          else if (escaped === 'n') value += '\n';
          else throw new Error(`${where}: bad escape \\${escaped}`);
        } else value += ch;
      }
      labels[label[1]] = value;
      rest = rest.trimStart();
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}')) throw new Error(`${where}: expected , or } after a label`);
    }
  }
  const fields = rest.trim().split(/\s+/);
  if (!rest.startsWith(' ') || fields.length < 1 || fields.length > 2)
    throw new Error(`${where}: expected a value and an optional timestamp`);
  const value = parseValue(fields[0] as string, where);
  if (fields[1] !== undefined && !/^-?\d+$/.test(fields[1])) throw new Error(`${where}: bad timestamp`);
  return { name, labels, value };
}

/** As Go's strconv.ParseFloat, which Prometheus uses: NaN and Inf in any case (prom-client writes "Nan"). */
function parseValue(raw: string, where: string): number {
  if (/^\+?inf(inity)?$/i.test(raw)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(raw)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(raw)) return Number.NaN;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(raw)) throw new Error(`${where}: bad value "${raw}"`);
  return Number(raw);
}

function unescapeHelp(raw: string, where: string): string {
  return raw.replace(/\\(.)/g, (_, ch: string) => {
    if (ch === '\\') return '\\';
    if (ch === 'n') return '\n';
    throw new Error(`${where}: bad escape in HELP`);
  });
}

function checkHistogram(family: MetricFamily): void {
  const bySeries = new Map<string, { buckets: { le: number; value: number }[]; count?: number; sum?: number }>();
  for (const s of family.samples) {
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const series = bySeries.get(key) ?? { buckets: [] };
    bySeries.set(key, series);
    if (s.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${family.name}: a bucket without le`);
      series.buckets.push({ le: parseValue(le, family.name), value: s.value });
    } else if (s.name.endsWith('_count')) series.count = s.value;
    else series.sum = s.value;
  }
  for (const [labels, series] of bySeries) {
    const where = `${family.name}${labels}`;
    if (series.count === undefined || series.sum === undefined) throw new Error(`${where}: _count or _sum missing`);
    for (let i = 1; i < series.buckets.length; i++) {
      const [previous, bucket] = [series.buckets[i - 1], series.buckets[i]] as [
        { le: number; value: number },
        { le: number; value: number },
      ];
      if (!(bucket.le > previous.le)) throw new Error(`${where}: buckets out of order`);
      if (bucket.value < previous.value) throw new Error(`${where}: buckets are not cumulative`);
    }
    const last = series.buckets.at(-1);
    if (last?.le !== Number.POSITIVE_INFINITY) throw new Error(`${where}: no +Inf bucket`);
    if (last.value !== series.count) throw new Error(`${where}: the +Inf bucket (${last.value}) is not the count (${series.count})`);
  }
}

/** The value of the one sample of `name` whose labels include `labels`; 0 when there is none (a counter not yet moved). */
export function sampleValue(families: Map<string, MetricFamily>, name: string, labels: Record<string, string> = {}): number {
  const matches = [...families.values()]
    .flatMap((f) => f.samples)
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
  if (matches.length > 1) throw new Error(`${matches.length} samples of ${name} match ${JSON.stringify(labels)}`);
  return matches[0]?.value ?? 0;
}

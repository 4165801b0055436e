import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createServices, type Services } from '../../src/container.ts';
import { WORK_KINDS } from '../../src/domain/child-labour/types.ts';
import { isOpenApiRequest } from '../../src/http/api/write-access.ts';
import { createApp } from '../../src/http/app.ts';
import { NUL_IN_URL } from '../../src/http/nul.ts';
import { OPERATOR } from '../../src/services/cases/unit-service.ts';
import { type Client, PASSWORD, signIn, testHasher } from '../support/accounts.ts';
import { allDatabases } from '../support/databases.ts';
import { addMember, generateCases, insertGenerated, insertUnit } from '../support/monitoring-fixture.ts';
import { assertPlainProblem } from '../support/problems.ts';

/**
 * Bounded fuzzing generated from /api/openapi.json: for every path and method, requests are built
 * from the parameter and body schemas (valid values, boundaries, wrong types, missing required
 * fields, random unicode, huge numbers, malformed JSON, wrong content types), plus the portal's
 * read routes. Never a 5xx; every 4xx from /api is problem+json; an anonymous client changes
 * nothing; a focal point for IDN changes nothing outside IDN.
 *
 * Sizes: ANON_RUNS + AUTH_RUNS requests per database (seeded, so a failure replays), which keeps
 * each database under a minute on a 2-core machine. FUZZ_ANON_RUNS, FUZZ_AUTH_RUNS and FUZZ_SEED
 * override them; FUZZ_DEBUG=1 prints every request with its status.
 */
const ANON_RUNS = Number(process.env.FUZZ_ANON_RUNS ?? 2500);
const AUTH_RUNS = Number(process.env.FUZZ_AUTH_RUNS ?? 600);
const SEED = Number(process.env.FUZZ_SEED ?? 9457);

type Schema = Record<string, any>;
interface Param {
  name: string;
  in: string;
  required: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  params: Param[];
  body: { required: boolean; contentType: string; schema: Schema } | null;
}
interface FuzzRequest {
  label: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

// ---------------------------------------------------------------------------------------------
// Values from schemas

/** Realistic values by field name, so a share of the requests reach the service layer. */
const HINTS: Record<string, unknown[]> = {
  country: ['IDN', 'MYS', 'FRA', 'idn', 'XXX', 'TLS'],
  iso3: ['IDN', 'MYS', 'FRA', 'idn', 'XXX'],
  instrument: ['C138', 'C182', 'C155', 'P029', 'c138', 'C999', 'R146'],
  code: ['C138', 'C182', 'C155', 'P029', 'R146', 'r190', 'C999'],
  work: [...WORK_KINDS, 'LIGHT', 'nap'],
  email: ['idn@example.org', 'nobody@example.org', 'IDN@Example.org', 'not-an-email'],
  role: ['admin', 'secretariat', 'focal_point', 'root'],
  countries: [['IDN'], ['MYS'], [], ['XXX', 'IDN']],
  registrationDate: ['1999-06-07', '2026', '2026-02-30', '0000-00-00', '9999-12-31', '1919'],
  date: ['2026-01-01', '1999-06-07', '2026', '1800-01-01', '2026-13-45'],
  birthDate: ['2012-03-01', '2012-02-29', '2013-02-29', '1900-01-01', '3000-01-01'],
  on: ['2026-06-01', '2026-02-29', '2020-02-29', '1970-01-01'],
  from: ['2026-01-01', '2026-01-01T00:00:00Z', '1900-01-01'],
  to: ['2026-12-31', '2100-01-01'],
  age: [0, 5, 12, 13, 14, 15, 16, 17, 18, 120, -1, 14.5],
  value: [13, 14, 15, 16, 17, 18, 0, -5, 200],
  generalMinimumAge: [14, 15, 16, 0, 99],
  hazardousMinimumAge: [18, 16, 0],
  compulsoryEducationAge: [15, 16, 18],
  hoursPerDay: [0, 2, 8, 24, 25, -1],
  source: ['Fuzz source: NORMLEX', 'Fuzz source: UU 13/2003', 'Fuzz source: ILO NORMLEX 2026', '', ' '],
  id: [1, 2, 3, 5, 10, 50],
  page: [1, 2, 100000],
  pageSize: [1, 20, 200],
  // Monitoring unit metrics and case export (issue 11, decisions 223-224).
  identifying: ['true', 'false', 'TRUE'],
  reason: ['audit', '', ' '],
};

const JUNK_STRINGS = [
  '',
  ' ',
  '\u0000',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  "' or 1=1 --",
  '"; drop table users; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '${7*7}',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9'.repeat(400),
  '💥🧒',
  'İstanbul ß ǅ',
  '\uD800',
  'a'.repeat(5000),
  'null',
  'true',
  '[]',
  '{}',
];
const HUGE_NUMBERS = [
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 63,
  0.1,
  -0,
  5e-324,
];

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...JUNK_STRINGS),
  fc.constantFrom(...HUGE_NUMBERS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 500 }),
  fc.string({ maxLength: 10 }),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

function createValues(doc: Schema, overrides: Record<string, unknown[]> = {}, strict = false) {
  const hintsFor = (name: string): unknown[] | undefined => overrides[name] ?? HINTS[name];
  const deref = (schema: Schema | undefined): Schema => {
    let s = schema ?? {};
    for (let i = 0; i < 10 && typeof s.$ref === 'string'; i++) {
      const name = s.$ref.replace('#/components/schemas/', '');
      s = doc.components?.schemas?.[name] ?? {};
    }
    return s;
  };
  const typesOf = (s: Schema): string[] => {
    if (Array.isArray(s.type)) return s.type;
    if (typeof s.type === 'string') return [s.type];
    if (s.properties) return ['object'];
    return [];
  };

  const valid = (schema: Schema | undefined, name: string, depth: number): fc.Arbitrary<unknown> => {
    const s = deref(schema);
    const options: fc.Arbitrary<unknown>[] = [];
    if (Array.isArray(s.enum)) options.push(fc.constantFrom(...s.enum));
    else if (s.const !== undefined) options.push(fc.constant(s.const));
    else {
      for (const type of typesOf(s)) options.push(validOfType(type, s, name, depth));
      if (options.length === 0) options.push(fc.jsonValue({ maxDepth: 2 }));
    }
    if (s.example !== undefined) options.push(fc.constant(s.example));
    const hints = hintsFor(name);
    if (hints && strict) return fc.constantFrom(...hints);
    // Realistic values first, so that a good share of the requests gets past validation.
    return hints
      ? fc.oneof({ arbitrary: fc.constantFrom(...hints), weight: 3 }, { arbitrary: fc.oneof(...options), weight: 1 })
      : fc.oneof(...options);
  };

  const validOfType = (type: string, s: Schema, name: string, depth: number): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1000, max: Math.min(s.maximum ?? 1000, 2 ** 31) });
      case 'number':
        return fc.oneof(
          fc.integer({ min: s.minimum ?? -100, max: s.maximum ?? 100 }),
          fc.double({ min: s.minimum ?? -100, max: s.maximum ?? 100, noNaN: true }),
        );
      case 'string': {
        const max = Math.min(s.maxLength ?? 40, 60);
        if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).map((x) => x.slice(0, s.maxLength ?? 100));
        return fc.string({ maxLength: max });
      }
      case 'array':
        return depth > 3 ? fc.constant([]) : fc.array(valid(s.items, name, depth + 1), { maxLength: Math.min(s.maxItems ?? 4, 4) });
      case 'object':
        return depth > 3 ? fc.constant({}) : strict ? cleanObject(s) : object(s, depth + 1);
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  };

  const boundary = (schema: Schema | undefined): fc.Arbitrary<unknown> => {
    const s = deref(schema);
    const values: unknown[] = [];
    for (const type of typesOf(s)) {
      if (type === 'string') {
        values.push('', ' ');
        if (typeof s.maxLength === 'number') values.push('x'.repeat(s.maxLength), 'x'.repeat(s.maxLength + 1), 'é'.repeat(s.maxLength));
      } else if (type === 'integer' || type === 'number') {
        values.push(0, -1, 1.5);
        for (const bound of [s.minimum, s.maximum]) if (typeof bound === 'number') values.push(bound, bound - 1, bound + 1);
      } else if (type === 'array') {
        values.push([]);
        if (typeof s.maxItems === 'number') values.push(Array.from({ length: s.maxItems + 1 }, () => 'IDN'));
      } else if (type === 'object') values.push({});
    }
    return values.length ? fc.constantFrom(...values) : fc.constant(null);
  };

  /** Mostly valid, sometimes at or past a boundary, of the wrong type, or plain junk. */
  const value = (schema: Schema | undefined, name: string, depth = 0): fc.Arbitrary<unknown> =>
    fc.oneof(
      { arbitrary: valid(schema, name, depth), weight: 6 },
      { arbitrary: boundary(schema), weight: 2 },
      { arbitrary: wrongType, weight: 1 },
      { arbitrary: junk, weight: 1 },
    );

  const object = (s: Schema, depth: number): fc.Arbitrary<Record<string, unknown>> => {
    const properties = (s.properties ?? {}) as Record<string, Schema>;
    const clean: Record<string, fc.Arbitrary<unknown>> = {};
    const mixed: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, prop] of Object.entries(properties)) {
      clean[key] = valid(prop, key, depth);
      mixed[key] = value(prop, key, depth);
    }
    const required = ((s.required ?? []) as string[]).filter((k) => k in mixed);
    return fc
      .tuple(
        fc.oneof(
          // Every field plausible, every required field present.
          { arbitrary: fc.record(clean, { requiredKeys: required }), weight: 4 },
          // Some fields at a boundary, of the wrong type or junk.
          { arbitrary: fc.record(mixed, { requiredKeys: required }), weight: 4 },
          // Required fields missing.
          { arbitrary: fc.record(mixed, { requiredKeys: [] }), weight: 2 },
        ),
        fc.oneof(
          { arbitrary: fc.constant({}), weight: 6 },
          { arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }), weight: 1 },
          { arbitrary: fc.constant(JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": 1}}')), weight: 1 },
        ),
      )
      .map(([known, extra]) => Object.assign(Object.create(null), extra, known) as Record<string, unknown>);
  };

  /** Every field plausible and every required field present: requests that should mostly succeed. */
  const cleanObject = (s: Schema, depth = 1): fc.Arbitrary<Record<string, unknown>> => {
    const clean: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) clean[key] = valid(prop, key, depth + 1);
    return fc.record(clean, { requiredKeys: ((s.required ?? []) as string[]).filter((k) => k in clean) });
  };

  return { deref, value, valid, object, cleanObject };
}

// ---------------------------------------------------------------------------------------------
// Requests from operations

function operationsOf(doc: Schema): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const content = op.requestBody?.content as Record<string, { schema: Schema }> | undefined;
      const contentType = content ? Object.keys(content)[0] : undefined;
      ops.push({
        method: method.toUpperCase(),
        path,
        params: ((op.parameters ?? []) as Param[]).map((p) => ({ ...p, required: Boolean(p.required) })),
        body:
          content && contentType
            ? { required: Boolean(op.requestBody.required), contentType, schema: content[contentType]?.schema ?? {} }
            : null,
      });
    }
  }
  return ops;
}

/** Lone surrogates (random unicode) cannot be percent-encoded as they are; make them U+FFFD first. */
const encodeSegment = (s: string): string => encodeURIComponent((s as string & { toWellFormed(): string }).toWellFormed());

const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined ? '' : (JSON.stringify(v) ?? String(v)));

const RAW_QUERY_TAILS = ['', '', '', '', '&%', '&=x', '&page=%E0%A4%A', '&&&', '&pageSize=1&pageSize=2', '&q=%00', '#frag'];
const HUGE_BODY = `{"source":"${'a'.repeat(300 * 1024)}"}`;
const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=----x',
  'text/csv',
  'application/xml',
  'application/json-seq',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  '*/*',
  ';;;',
];
const CSV_LINES = [
  'worker_id,country,birth_date,work',
  'worker_id,country,birth_date,work,hours_per_day,night',
  'w1,IDN,2012-03-01,light',
  'w2,MYS,2010-01-01,hazardous,8,true',
  'w3,XXX,not-a-date,nap',
  '"w4",IDN,2013-02-29,regular,,',
  '"unterminated,IDN',
  ',,,',
  '\uFEFFworker_id,country',
];

function requestArbitrary(doc: Schema, op: Operation): fc.Arbitrary<FuzzRequest> {
  const values = createValues(doc);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');

  const pathArb = fc
    .tuple(
      ...pathParams.map((p) =>
        fc.oneof(
          { arbitrary: values.value(p.schema, p.name).map(asText), weight: 8 },
          { arbitrary: fc.constantFrom('', '..', '%2F', '%2e%2e', ' ', '%'), weight: 1 },
        ),
      ),
    )
    .map((segments) =>
      pathParams.reduce(
        (path, p, i) =>
          path.replace(`{${p.name}}`, /^%|^\.\.$/.test(segments[i] ?? '') ? (segments[i] ?? '') : encodeSegment(segments[i] ?? '')),
        `/api${op.path}`,
      ),
    );

  const queryArb = fc
    .tuple(
      ...queryParams.map((p) => fc.option(values.value(p.schema, p.name), { freq: p.required ? 8 : 2, nil: undefined })),
      fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })), { maxLength: 2 }),
      fc.constantFrom(...RAW_QUERY_TAILS),
    )
    .map((parts) => {
      const tail = parts.pop() as string;
      const extra = parts.pop() as [string, string][];
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (parts[i] !== undefined) search.append(p.name, asText(parts[i]));
      });
      for (const [k, v] of extra) search.append(k, v);
      const qs = search.toString() + tail;
      return qs ? `?${qs}` : '';
    });

  let bodyArb: fc.Arbitrary<{ body?: string; contentType?: string; kind: string }> = fc.constant({ kind: 'none' });
  if (op.body?.contentType === 'application/json') {
    const json = fc.oneof(
      { arbitrary: values.object(values.deref(op.body.schema), 0) as fc.Arbitrary<unknown>, weight: 8 },
      { arbitrary: wrongType, weight: 1 },
    );
    bodyArb = fc.oneof(
      { arbitrary: json.map((v) => ({ body: JSON.stringify(v), contentType: 'application/json', kind: 'json' })), weight: 240 },
      {
        arbitrary: fc
          .tuple(json, fc.nat(40), fc.constantFrom('', '}', ',', '{', '\u0000', 'garbage', ']'))
          .map(([v, cut, tail]) => ({ body: JSON.stringify(v).slice(0, cut) + tail, contentType: 'application/json', kind: 'malformed' })),
        weight: 40,
      },
      {
        arbitrary: fc
          .tuple(json, fc.constantFrom(...WRONG_CONTENT_TYPES))
          .map(([v, contentType]) => ({ body: JSON.stringify(v), contentType, kind: 'wrong-type' })),
        weight: 40,
      },
      {
        arbitrary: fc.constantFrom(
          { body: '', contentType: 'application/json', kind: 'empty' },
          { body: 'source=x&_csrf=y', contentType: 'application/x-www-form-urlencoded', kind: 'form' },
          { body: '\uFEFF{"source":"bom"}', contentType: 'application/json', kind: 'bom' },
          { kind: 'none' },
        ),
        weight: 20,
      },
      { arbitrary: fc.constant({ body: HUGE_BODY, contentType: 'application/json', kind: 'huge' }), weight: 1 },
    );
  } else if (op.body?.contentType === 'multipart/form-data') {
    // The document upload (POST /api/documents): form fields from the schema, and a file whose content may or may not match its name.
    const boundary = '----fuzzboundary7MA4YWxk';
    const part = (name: string, value: string, filename?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n\r\n${value}\r\n`;
    bodyArb = fc.oneof(
      {
        arbitrary: fc
          .tuple(
            values.object(values.deref(op.body.schema), 0) as fc.Arbitrary<unknown>,
            fc.constantFrom('%PDF-1.4\n', '<!doctype html><p>x', 'plain words', '\u0000\u0001binary', ''),
            fc.string({ maxLength: 40 }),
            fc.constantFrom('a.pdf', 'a.html', 'a.txt', 'a.exe', '../../a.pdf', 'a\r\nb.pdf', ''),
          )
          .map(([fields, head, tail, filename]) => {
            const entries = fields && typeof fields === 'object' ? Object.entries(fields as Record<string, unknown>) : [];
            const body =
              entries.map(([k, v]) => part(k, typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))).join('') +
              part('file', head + tail, filename) +
              `--${boundary}--\r\n`;
            return { body, contentType: `multipart/form-data; boundary=${boundary}`, kind: 'multipart' };
          }),
        weight: 6,
      },
      {
        arbitrary: fc
          .tuple(
            fc.string({ maxLength: 80 }),
            fc.constantFrom(`multipart/form-data; boundary=${boundary}`, 'multipart/form-data', 'application/json'),
          )
          .map(([body, contentType]) => ({ body, contentType, kind: 'multipart-junk' })),
        weight: 2,
      },
      { arbitrary: fc.constant({ kind: 'none' }), weight: 1 },
    );
  } else if (op.body?.contentType === 'text/csv') {
    bodyArb = fc.oneof(
      {
        arbitrary: fc
          .tuple(
            fc.array(fc.oneof(fc.constantFrom(...CSV_LINES), fc.string({ maxLength: 30 })), { maxLength: 8 }),
            fc.constantFrom('\n', '\r\n'),
          )
          .map(([lines, eol]) => ({ body: lines.join(eol), contentType: 'text/csv', kind: 'csv' })),
        weight: 6,
      },
      {
        arbitrary: fc
          .tuple(
            fc.string({ unit: 'binary', maxLength: 60 }),
            fc.constantFrom('text/csv', 'text/csv; charset=utf-8', 'application/json', 'text/plain'),
          )
          .map(([body, contentType]) => ({ body, contentType, kind: 'csv-junk' })),
        weight: 2,
      },
      { arbitrary: fc.constant({ kind: 'none' }), weight: 1 },
    );
  }

  return fc.tuple(pathArb, queryArb, bodyArb).map(([path, query, b]) => {
    const headers: Record<string, string> = {};
    if (b.contentType) headers['content-type'] = b.contentType;
    return {
      label: `${op.method} ${op.path} [${b.kind}]`,
      method: op.method,
      url: `${path}${query}`,
      headers,
      body: b.body,
    };
  });
}

/**
 * A well-formed request (plausible path, query and JSON body, right content type), with field
 * hints overridden, e.g. to aim a focal point's writes at its own country.
 */
function cleanRequestArbitrary(doc: Schema, op: Operation, overrides: Record<string, unknown[]>): fc.Arbitrary<FuzzRequest> {
  const values = createValues(doc, overrides, true);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  return fc
    .tuple(
      fc.tuple(...pathParams.map((p) => values.valid(p.schema, p.name, 0).map(asText))),
      fc.tuple(...queryParams.map((p) => fc.option(values.valid(p.schema, p.name, 0), { freq: 2, nil: undefined }))),
      op.body?.contentType === 'application/json' ? values.cleanObject(values.deref(op.body.schema)) : fc.constant(undefined),
    )
    .map(([segments, query, body]) => {
      const path = pathParams.reduce((acc, p, i) => acc.replace(`{${p.name}}`, encodeSegment(segments[i] ?? '')), `/api${op.path}`);
      const search = new URLSearchParams();
      queryParams.forEach((p, i) => {
        if (query[i] !== undefined) search.append(p.name, asText(query[i]));
      });
      const qs = search.toString();
      return {
        label: `${op.method} ${op.path} [clean]`,
        method: op.method,
        url: qs ? `${path}?${qs}` : path,
        headers: (body === undefined ? {} : { 'content-type': 'application/json' }) as Record<string, string>,
        body: body === undefined ? undefined : JSON.stringify(body),
      };
    });
}

/** The portal's read routes, as tests/integration/http-fuzz.test.ts lists them. */
const PORTAL_PREFIXES = [
  '/en/',
  '/id/',
  '/en/instruments',
  '/id/instruments/',
  '/en/countries/',
  '/id/countries',
  '/en/search',
  '/id/search',
  '/en/documents',
  '/id/documents/',
  '/',
  '/en',
  '/static/site.css',
  // The secretariat's forms of decisions 200-201 (an anonymous GET is sent to sign in).
  '/en/programmes/',
  '/id/programmes/new',
  '/id/office/',
];
const PORTAL_KEYS = ['type', 'status', 'category', 'subject', 'q', 'page', 'pageSize', 'region', 'lang'];
const portalArbitrary: fc.Arbitrary<FuzzRequest> = fc
  .tuple(
    fc.constantFrom(...PORTAL_PREFIXES),
    fc.oneof(fc.constantFrom('C138', 'IDN', 'c138', 'idn', 'R999', 'XYZ', 'C138/', ''), junk.map(asText)),
    fc.array(fc.tuple(fc.constantFrom(...PORTAL_KEYS), fc.oneof(junk.map(asText), fc.constantFrom('1', '2', 'up-to-date', 'Asia'))), {
      maxLength: 4,
    }),
    fc.constantFrom('GET', 'GET', 'GET', 'HEAD'),
  )
  .map(([prefix, segment, pairs, method]) => {
    const path = prefix.endsWith('/') && prefix.length > 1 ? `${prefix}${encodeSegment(segment)}` : prefix;
    const qs = new URLSearchParams(pairs).toString();
    return { label: `${method} ${prefix}* (portal)`, method, url: qs ? `${path}?${qs}` : path, headers: {} };
  });

/** Headers an attacker or a confused client adds: forged cookies and tokens, other sites. */
const anonymousHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  { arbitrary: fc.constant({}), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      { cookie: 'tripartite_session=forged' },
      { cookie: `tripartite_session=${'a'.repeat(300)}` },
      { cookie: 'tripartite_session=; other=1' },
      { authorization: 'Bearer trp_forged' },
      { authorization: 'Bearer ' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: `Bearer trp_${'x'.repeat(300)}` },
      { 'x-csrf-token': 'forged' },
      { 'sec-fetch-site': 'cross-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'x-request-id': 'fuzz-request-1' },
      { 'x-request-id': '../../ x;<script>' },
      { 'x-request-id': 'x'.repeat(65) },
    ) as unknown as fc.Arbitrary<Record<string, string>>,
    weight: 2,
  },
  {
    arbitrary: fc.record({ cookie: fc.string({ maxLength: 40 }).map((v) => `tripartite_session=${encodeURIComponent(v)}`) }),
    weight: 1,
  },
  { arbitrary: fc.record({ authorization: fc.string({ maxLength: 40 }).map((v) => `Bearer ${v}`) }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------

/** Plausible values only, aimed at IDN (MYS now and then: it must be refused). */
const AIM_AT_IDN: Record<string, unknown[]> = {
  country: ['IDN', 'IDN', 'IDN', 'idn', 'MYS'],
  iso3: ['IDN', 'IDN', 'idn', 'MYS'],
  instrument: ['C138', 'C182', 'C155', 'P029', 'C029', 'c087'],
  code: ['C138', 'C155'],
  id: [1, 2, 3, 4],
  registrationDate: ['1999-06-07', '2026', '2000-03-28', null],
  status: ['in_force', 'not_in_force', null],
  date: ['2026-01-01', '2025-06-30'],
  value: [14, 15, 16],
  article: ['C138 Art 2(1)'],
  generalMinimumAge: [14, 15, 16, null],
  hazardousMinimumAge: [17, 18],
  compulsoryEducationAge: [15, 16, 18, null],
  source: ['Fuzz source: NORMLEX', 'Fuzz source: UU 13/2003'],
  reason: ['fuzz', null],
  name: ['fuzz token'],
  email: ['idn@example.org'],
  password: ['wrong password, long enough'],
  current: ['wrong password, long enough'],
  next: ['another password, long enough'],
  role: ['secretariat'],
};

const sha = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);

for (const database of await allDatabases()) {
  describe(`OpenAPI fuzz on ${database.name}`, { skip: database.skip }, () => {
    let services: Services;
    let app: ReturnType<typeof createApp>;
    let doc: Schema;
    let ops: Operation[];
    let focal: Client;
    let focalId: number;
    const unexpected: unknown[] = [];
    const request = (path: string, init?: RequestInit) => app.request(`http://localhost${path}`, init);

    before(async () => {
      services = await createServices(database.config, { hasher: testHasher });
      app = createApp({ ...services, onUnexpectedError: (e) => unexpected.push(e) });
      const user = await services.accounts.createUser(
        { email: 'idn@example.org', password: PASSWORD, role: 'focal_point', countries: ['IDN'] },
        new Date(),
      );
      focalId = user.id;
      // A monitoring unit the focal point manages, so fuzzed unit routes reach the services (issue 11).
      const unit = await insertUnit(services.handle.db, 'Fuzz unit');
      await insertGenerated(services.handle.db, unit, generateCases(30, 5));
      await addMember(services.handle.db, unit, user.id, 'case_manager');
      // A monitoring unit (issue 11) the focal point administers, so its routes are fuzzed past the unit gate.
      const adminUnit = await services.units.create(OPERATOR, { name: 'Fuzz unit', country: 'IDN' }, new Date());
      await services.units.addMember(OPERATOR, adminUnit.id, { userId: user.id, role: 'unit_admin' }, new Date());
      // Signed in first: the anonymous phase fills the login rate limit of this (in-process) address.
      focal = await signIn(request, 'idn@example.org');
      const res = await request('/api/openapi.json');
      assert.equal(res.status, 200);
      doc = (await res.json()) as Schema;
      ops = operationsOf(doc);
      assert.ok(ops.length >= 20, `the OpenAPI document lists ${ops.length} operations`);
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    async function send(req: FuzzRequest, stats: Map<string, number>): Promise<Response> {
      const init: RequestInit = { method: req.method, headers: req.headers };
      if (req.body !== undefined && req.method !== 'GET' && req.method !== 'HEAD') init.body = req.body;
      const res = await request(req.url, init);
      const text = req.method === 'HEAD' ? '' : await res.text();
      const where = `${req.label}: ${req.method} ${req.url.slice(0, 300)} ${JSON.stringify(req.headers)} body=${(req.body ?? '').slice(0, 300)}`;
      assert.ok(res.status < 500, `${where} → ${res.status} ${text.slice(0, 500)} ${String((unexpected.at(-1) as Error)?.stack ?? '')}`);
      // As the server sees it: '/api/x/../../denounce' is '/denounce', a portal page.
      const path = new URL(`http://localhost${req.url}`).pathname;
      if (res.status >= 400 && (path === '/api' || path.startsWith('/api/'))) {
        assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/, `${where} → ${res.status} without problem+json`);
        if (req.method !== 'HEAD') {
          // RFC 9457 with every member, in plain words (no validator phrasing), naming the request.
          const problem = JSON.parse(text) as Record<string, unknown>;
          assertPlainProblem(problem, res.status, `${where} → ${text.slice(0, 300)}`);
          assert.equal(problem.instance, path, where);
        }
      }
      assert.ok(res.headers.get('x-request-id'), `${where}: no x-request-id`);
      // FUZZ_DEBUG=1: every request and the start of its answer, to see what the generators reach.
      if (process.env.FUZZ_DEBUG) console.log(res.status, req.label, req.url, (req.body ?? '').slice(0, 200), text.slice(0, 200));
      const key = `${res.status}`;
      stats.set(key, (stats.get(key) ?? 0) + 1);
      return res;
    }

    async function instrumentsWithoutCounts(): Promise<unknown[]> {
      const items: unknown[] = [];
      for (let page = 1; page < 50; page++) {
        const body = (await (await request(`/api/instruments?pageSize=200&page=${page}`)).json()) as {
          items: Record<string, unknown>[];
          total: number;
        };
        for (const { recordedRatifications: _count, coverage, ...rest } of body.items) {
          // coverage.shown counts the recorded ratifications too (IDN's among them), like recordedRatifications.
          const { shown: _shown, ...otherCoverage } = (coverage ?? {}) as Record<string, unknown>;
          items.push({ ...rest, coverage: otherCoverage });
        }
        if (items.length >= body.total || body.items.length === 0) break;
      }
      return items;
    }

    async function registrySnapshot() {
      const csv = await (await request('/api/ratifications?format=csv')).text();
      const history = (await (await request('/api/history?pageSize=1')).json()) as { total: number };
      return {
        ratificationsCsv: sha(csv),
        historyTotal: history.total,
        dataVersion: await services.repo.dataVersion(),
        instruments: sha(await instrumentsWithoutCounts()),
        profiles: sha(await services.repo.listNationalProfiles()),
        users: sha(await services.accounts.listUsers()),
        mys: sha(await (await request('/api/countries/MYS')).json()),
      };
    }

    function summary(stats: Map<string, number>, started: number, total: number): string {
      const byStatus = [...stats.entries()].sort().map(([s, n]) => `${s}:${n}`);
      return `${total} requests in ${((performance.now() - started) / 1000).toFixed(1)} s (${byStatus.join(' ')})`;
    }

    test('anonymous requests from every schema: no 5xx, problem+json 4xx, no change to the registry', async (t) => {
      const beforeRun = await registrySnapshot();
      const stats = new Map<string, number>();
      const routes = new Map<string, number>();
      const started = performance.now();
      let sent = 0;
      const arbitrary = fc.oneof(...ops.map((op) => ({ arbitrary: requestArbitrary(doc, op), weight: 4 })), {
        arbitrary: portalArbitrary,
        weight: 8,
      });
      await fc.assert(
        fc.asyncProperty(arbitrary, anonymousHeaders, async (req, headers) => {
          const version = req.method === 'GET' || req.method === 'HEAD' ? null : await services.repo.dataVersion();
          const res = await send({ ...req, headers: { ...headers, ...req.headers } }, stats);
          // Authentication before validation: an anonymous write is 401 whatever its body, path or headers.
          const path = new URL(`http://localhost${req.url}`).pathname;
          if (path.startsWith('/api/') && !isOpenApiRequest(req.method, path)) assert.equal(res.status, 401, `${req.label} ${req.url}`);
          // Monitoring units are never public, reads included (issue 11).
          // (404: no route matches the junk path; 414 and the NUL refusal read no parameter and come first.)
          if (path.startsWith('/api/units/'))
            assert.ok(
              [401, 404, 414].includes(res.status) || (res.status === 400 && NUL_IN_URL.test(req.url)),
              `${req.label} ${req.url}: ${res.status}`,
            );
          sent++;
          routes.set(req.label.split(' [')[0] ?? req.label, (routes.get(req.label.split(' [')[0] ?? req.label) ?? 0) + 1);
          if (version !== null) assert.equal(await services.repo.dataVersion(), version, `${req.method} ${req.url} changed the registry`);
        }),
        { numRuns: ANON_RUNS, seed: SEED, endOnFailure: true },
      );
      t.diagnostic(`${database.name} anonymous: ${summary(stats, started, sent)}`);
      for (const op of ops) assert.ok((routes.get(`${op.method} ${op.path}`) ?? 0) > 0, `${op.method} ${op.path} was never fuzzed`);
      assert.deepEqual(await registrySnapshot(), beforeRun, 'an anonymous request changed registry data');
      assert.deepEqual(unexpected, []);
    });

    test('a focal point for IDN (cookie + CSRF): no 5xx, and nothing outside IDN changes', async (t) => {
      const ratificationsOutsideIdn = async () =>
        sha((await services.registry.listRatifications({}, null)).items.filter((r) => r.country !== 'IDN'));
      const profilesOutsideIdn = async () => sha((await services.repo.listNationalProfiles()).filter((p) => p.iso3 !== 'IDN'));
      const countries = ['MYS', 'FRA', 'TLS', 'USA'];
      const reads = async () => ({
        ratifications: await ratificationsOutsideIdn(),
        profiles: await profilesOutsideIdn(),
        instruments: sha(await instrumentsWithoutCounts()),
        users: sha(await services.accounts.listUsers()),
        countries: Object.fromEntries(
          await Promise.all(countries.map(async (c) => [c, sha(await (await request(`/api/countries/${c}`)).json())])),
        ),
      });
      const beforeRun = await reads();
      const historyBefore = ((await (await request('/api/history?pageSize=1')).json()) as { total: number }).total;

      // Signing out would end the phase early; those routes are covered by the anonymous phase.
      const writable = ops.filter((op) => !op.path.startsWith('/auth/logout'));
      const stats = new Map<string, number>();
      const started = performance.now();
      let sent = 0;
      const arbitrary = fc.oneof(
        ...writable.map((op) => ({ arbitrary: requestArbitrary(doc, op), weight: op.method === 'GET' ? 2 : 4 })),
        // Well-formed writes aimed mostly at IDN (and some at MYS, which must be refused).
        ...writable.filter((op) => op.method !== 'GET').map((op) => ({ arbitrary: cleanRequestArbitrary(doc, op, AIM_AT_IDN), weight: 4 })),
        { arbitrary: portalArbitrary, weight: 2 },
      );
      const credentials = fc.oneof(
        { arbitrary: fc.constant({ cookie: focal.cookie, 'x-csrf-token': focal.csrf }), weight: 10 },
        { arbitrary: fc.constant({ cookie: focal.cookie }), weight: 1 },
        { arbitrary: fc.constant({ cookie: focal.cookie, 'x-csrf-token': 'wrong' }), weight: 1 },
        { arbitrary: fc.constant({ cookie: focal.cookie, 'x-csrf-token': focal.csrf, 'sec-fetch-site': 'cross-site' }), weight: 1 },
      );
      await fc.assert(
        fc.asyncProperty(arbitrary, credentials, async (req, headers) => {
          await send({ ...req, headers: { ...headers, ...req.headers } }, stats);
          sent++;
        }),
        { numRuns: AUTH_RUNS, seed: SEED + 1, endOnFailure: true },
      );
      t.diagnostic(`${database.name} focal point IDN: ${summary(stats, started, sent)}`);
      assert.ok((stats.get('200') ?? 0) > 0, 'some writes and reads succeeded');

      assert.deepEqual(await reads(), beforeRun, 'a focal point for IDN changed data outside IDN');
      const totalAfter = ((await (await request('/api/history?pageSize=1')).json()) as { total: number }).total;
      const fresh: { country: string | null; userId: number | null; recordKey: string }[] = [];
      for (let page = 1; fresh.length < totalAfter - historyBefore; page++) {
        const got = await services.edits.history({}, { page, pageSize: 200 });
        if (got.items.length === 0) break;
        fresh.push(...(got.items as typeof fresh).slice(0, totalAfter - historyBefore - fresh.length));
      }
      for (const event of fresh) {
        assert.equal(event.country, 'IDN', `event on ${event.recordKey} outside IDN`);
        assert.equal(event.userId, focalId);
      }
      t.diagnostic(`${database.name}: ${fresh.length} change events by the focal point, all on IDN`);
      assert.deepEqual(unexpected, []);
    });
  });
}

// Generated requests for the API fuzz test: every parameter and body field of an operation gets
// its sample value, a random value its schema allows, or a hostile one (out-of-range numbers,
// bad dates, wrong types, very long or odd text, arrays where scalars go), and whole bodies are
// sometimes replaced by broken JSON, other content types or multipart uploads.

import { INT_MAX, INT_MIN } from '@paicha/core/api/integers';
import fc from 'fast-check';
import { baseRequest, type JsonSchema, type Operation, type RequestParts, sampleOf } from './openapi.js';

const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

const BAD_TEXT = [
  String(INT_MAX + 1),
  String(INT_MAX),
  String(INT_MIN - 1),
  '9223372036854775808',
  '99999999999999999999999',
  '-1',
  '0',
  '-0',
  '1.5',
  '1e3',
  '1e309',
  '0x10',
  'NaN',
  'Infinity',
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '%',
  '%00',
  '\u0000',
  '../../etc/passwd',
  "'; DROP TABLE problems; --",
  '=HYPERLINK("http://x")',
  '2019-02-30',
  '2019-13-01',
  '2019-12-32',
  '0000-00-00',
  '9999-12-31',
  '2019-1-1',
  '2019-13',
  '0000-00',
  '2019-12-20T25:61:00Z',
  '😀👨‍👩‍👧',
  '𠮷'.repeat(300),
  '中'.repeat(2000),
  'x'.repeat(5000),
];

/** Text for a path or query parameter. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...BAD_TEXT) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.bigInt().map(String) },
  { weight: 1, arbitrary: fc.double().map(String) },
);

const BAD_JSON: unknown[] = [
  INT_MAX + 1,
  INT_MIN - 1,
  INT_MAX,
  INT_MIN,
  2 ** 53,
  -(2 ** 53),
  2 ** 64,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  0,
  -1,
  0.5,
  1.5,
  '1',
  String(INT_MAX + 1),
  null,
  true,
  false,
  [],
  {},
  [null],
  [1, 'x', {}],
  { a: { b: { c: [] } } },
  { __proto__: { admin: true } },
  nested(500),
  '中'.repeat(70_000),
  'x'.repeat(10_000),
  '\ud800',
];

/** A JSON value for a body field. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...BAD_JSON) },
  { weight: 4, arbitrary: hostileText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 1, arbitrary: fc.array(hostileText, { maxLength: 3 }) },
);

const DATES = ['2019-12-20', '2019-12-01', '2020-01-31', '2020-06-30', '2019-12', '2020-02-29'];

/** A random value the schema allows (as far as its JSON Schema tells: refinements are not in it). */
export function validArb(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  const arb = baseArb(s, depth);
  return s.nullable ? fc.option(arb, { nil: null, freq: 5 }) : arb;
}

function baseArb(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.anyOf?.length) return fc.oneof(...s.anyOf.map((a) => validArb(a, depth)));
  switch (s.type) {
    case 'integer': {
      const min = s.minimum ?? INT_MIN;
      const max = s.maximum ?? INT_MAX;
      const low = Math.max(min, Math.min(max, 0));
      return fc.oneof(fc.integer({ min: low, max: Math.min(max, low + 20) }), fc.constantFrom(min, max));
    }
    case 'number':
      return fc.double({ min: s.minimum ?? -1e9, max: s.maximum ?? 1e9, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'string': {
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern));
      const minLength = s.minLength ?? 0;
      const maxLength = Math.min(s.maxLength ?? 60, 60);
      return fc.oneof(
        fc.constantFrom(...DATES).filter((d) => d.length >= minLength && d.length <= (s.maxLength ?? 99)),
        fc.string({ minLength, maxLength: Math.max(minLength, maxLength) }),
        fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) }),
      );
    }
    case 'array': {
      if (depth > 3) return fc.constant([]);
      const minLength = s.minItems ?? 0;
      return fc.array(validArb(s.items ?? {}, depth + 1), {
        minLength,
        maxLength: Math.max(minLength, Math.min(s.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (depth > 3) return fc.constant({});
      const props = s.properties ?? {};
      const keys = Object.keys(props);
      if (keys.length === 0 && typeof s.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ maxLength: 12 }), validArb(s.additionalProperties, depth + 1), {
          maxKeys: 3,
        });
      }
      const shape = Object.fromEntries(keys.map((k) => [k, validArb(props[k] ?? {}, depth + 1)]));
      return fc.record(shape, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** One field: its sample, a random allowed value, a hostile value, or left out. */
function fieldArb(s: JsonSchema, name: string): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(sampleOf(s, name)) },
    { weight: 3, arbitrary: validArb(s) },
    { weight: 3, arbitrary: hostileJson },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

function paramArb(
  s: JsonSchema,
  name: string,
  required: boolean,
): fc.Arbitrary<string | string[] | undefined> {
  const text = fc.oneof(
    { weight: 3, arbitrary: fc.constant(String(sampleOf(s, name))) },
    { weight: 2, arbitrary: validArb(s).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))) },
    { weight: 4, arbitrary: hostileText },
  );
  return fc.oneof(
    { weight: 8, arbitrary: text },
    { weight: 1, arbitrary: fc.array(text, { minLength: 2, maxLength: 3 }) },
    { weight: required ? 0 : 2, arbitrary: fc.constant(undefined) },
  );
}

function multipart(fields: [string, string][], file: { name: string; content: Buffer } | null) {
  const boundary = 'fuzzboundary7f3a';
  const chunks: Buffer[] = [];
  for (const [k, v] of fields) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, payload: Buffer.concat(chunks) };
}

/** Files for multipart routes: real spreadsheets given by the test, and broken ones. */
export function fileArb(realFiles: Buffer[]): fc.Arbitrary<{ name: string; content: Buffer }> {
  const content = fc.oneof(
    fc.constantFrom(...realFiles),
    fc.constantFrom(
      Buffer.alloc(0),
      Buffer.from('PK\u0003\u0004broken zip'),
      Buffer.from('姓名,身份证号\n=1+1,110101199001011234\n'),
      Buffer.from('%PDF-1.4\n%%EOF'),
    ),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  );
  const name = fc.constantFrom(
    '台账.xlsx',
    'a.csv',
    '../../x.xlsx',
    '',
    'x'.repeat(300),
    'scan.pdf',
    'a.exe',
  );
  return fc.record({ name, content });
}

/** A whole-body replacement: no JSON object at all, or not JSON. */
function rawArb(files: fc.Arbitrary<{ name: string; content: Buffer }>): fc.Arbitrary<RequestParts['raw']> {
  const json = (payload: string) => ({ contentType: 'application/json', payload });
  return fc.oneof(
    fc.constantFrom(
      json('{"version": 1e999, "campaignId": 1e999, "id": -1e999}'),
      json('{"campaignId": 99999999999999999999999}'),
      json('{"a":1,"a":2'),
      json(''),
      json('NaN'),
      { contentType: 'text/plain', payload: 'hello' },
      { contentType: 'application/x-www-form-urlencoded', payload: 'version=1&id=2147483648' },
      { contentType: 'application/json; charset=gbk', payload: '{}' },
    ),
    hostileJson.map((v) => json(JSON.stringify(v) ?? 'null')),
    fc
      .tuple(
        fc.array(fc.tuple(fc.constantFrom('source', 'kind', 'campaignId', 'file'), hostileText), {
          maxLength: 2,
        }),
        fc.option(files),
      )
      .map(([fields, file]) => multipart(fields, file)),
  );
}

/** Requests for one operation: fields mixed from samples, allowed and hostile values. */
export function requestArb(op: Operation, files: fc.Arbitrary<{ name: string; content: Buffer }>) {
  const base = baseRequest(op);
  const params = Object.fromEntries(
    op.params.map((p) => [`${p.in}:${p.name}`, paramArb(p.schema, p.name, p.in === 'path' || p.required)]),
  );
  const props = op.body?.properties ?? {};
  const fields = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fieldArb(s, k)]));
  const body = fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .record(fields)
        .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))),
    },
    { weight: 2, arbitrary: op.body ? validArb(op.body) : fc.constant(undefined) },
    { weight: 1, arbitrary: fc.constant(base.body) },
    { weight: 1, arbitrary: fc.constant({}) },
  );
  const whole = fc.oneof(
    { weight: 8, arbitrary: fc.record({ body, raw: fc.constant(undefined) }) },
    {
      weight: op.method === 'GET' ? 1 : 3,
      arbitrary: fc.record({ body: fc.constant(undefined), raw: rawArb(files) }),
    },
  );
  return fc.record({ params: fc.record(params), whole }).map(({ params: values, whole }): RequestParts => {
    const parts: RequestParts = { path: {}, query: {} };
    for (const p of op.params) {
      const v = values[`${p.in}:${p.name}`];
      if (v === undefined) continue;
      // A path parameter has one value: an "array" there becomes a comma list.
      parts[p.in][p.name] = p.in === 'path' && Array.isArray(v) ? v.join(',') : (v as string);
    }
    if (op.body || op.method !== 'GET') {
      parts.body = op.body ? whole.body : undefined;
      parts.raw = whole.raw;
    }
    return parts;
  });
}

// Generated requests for the API fuzz test: every parameter and body field of an operation gets
// its sample value, a random value its schema allows, or a hostile one (fuzz-values.ts), and whole
// bodies are sometimes replaced by broken JSON, other content types or multipart uploads.
import fc from 'fast-check';
import { hostileJson, hostileText, validArb } from './fuzz-values.js';
import { baseRequest, type JsonSchema, type Operation, type RequestParts, sampleOf } from './openapi.js';

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

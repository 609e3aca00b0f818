// Values for the API fuzz test's requests (fuzz-requests.ts): a random value a JSON Schema
// allows, or a hostile one — out-of-range numbers, bad dates, wrong types, very long or odd
// text, arrays where scalars go.

import { INT_MAX, INT_MIN } from '@paicha/core/api/integers';
import fc from 'fast-check';
import type { JsonSchema } from './openapi.js';

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

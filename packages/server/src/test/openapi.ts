// The app's own OpenAPI document as a list of operations, and requests built from it: tests that
// must cover "every route" read the routes from here, so a new route is covered the day it lands.

import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import type { TestApp } from './harness.js';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  default?: unknown;
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
}

interface Parameter {
  in: 'path' | 'query';
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, `{name}` for path parameters. */
  path: string;
  params: Parameter[];
  /** The JSON body's schema, or null when the route takes none (or takes multipart). */
  body: JsonSchema | null;
}

/** One request, before it is turned into inject options. Query values may repeat (arrays). */
export interface RequestParts {
  path: Record<string, string>;
  query: Record<string, string | string[]>;
  /** undefined: no body at all. */
  body?: unknown;
  /** A raw payload sent as-is with this content type (overrides body). */
  raw?: { contentType: string; payload: string | Buffer };
}

export async function readOperations(t: TestApp): Promise<Operation[]> {
  const spec = (await t.request('GET', '/api/openapi.json')).json() as {
    paths: Record<string, Record<string, Record<string, unknown>>>;
  };
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema: JsonSchema }> } | undefined)
        ?.content;
      ops.push({
        method: method.toUpperCase() as Operation['method'],
        path,
        params: ((op.parameters as Parameter[] | undefined) ?? []).map((p) => ({
          in: p.in,
          name: p.name,
          required: Boolean(p.required),
          schema: p.schema,
        })),
        body: content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

// Realistic values for well-known names, so a base request gets past validation and reaches the
// database (a fuzzed slot then meets real rows, not a validation error on a neighbour).
const KNOWN: Record<string, unknown> = {
  period: '2019-12',
  username: 'fuzz_user',
  password: 'fuzz-password-2026',
  newPassword: 'fuzz-password-2027',
  email: '',
  name: '某某街道',
  phone: '0518-85882331',
};

/** A valid value for a schema: its default, a known value, the minimum, the first enum member. */
export function sampleOf(schema: JsonSchema, name = ''): unknown {
  if (schema.default !== undefined) return schema.default;
  if (name in KNOWN) return KNOWN[name];
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.[0]) return sampleOf(schema.anyOf[0], name);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(schema.minItems ?? 0, 1) }, () => sampleOf(schema.items ?? {}));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, s] of Object.entries(schema.properties ?? {})) out[key] = sampleOf(s, key);
      return out;
    }
    case 'string':
      if (schema.pattern)
        return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { seed: 1, numRuns: 1 })[0];
      // A date is a valid value for most text fields and the only valid one for date fields.
      if ((schema.maxLength ?? 10) >= 10) return '2019-12-20';
      return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
    default:
      return null;
  }
}

/** A request with every parameter and body field at its sample value. */
export function baseRequest(op: Operation): RequestParts {
  const parts: RequestParts = { path: {}, query: {} };
  for (const p of op.params) parts[p.in][p.name] = String(sampleOf(p.schema, p.name));
  if (op.body) parts.body = sampleOf(op.body);
  return parts;
}

/** Where an integer goes in a request: a path or query parameter, or a JSON path in the body. */
export type Slot = { in: 'path' | 'query'; name: string } | { in: 'body'; at: (string | number)[] };

export function integerSlots(op: Operation): Slot[] {
  const slots: Slot[] = op.params.filter((p) => isInteger(p.schema)).map((p) => ({ in: p.in, name: p.name }));
  const walk = (s: JsonSchema, at: (string | number)[]) => {
    if (isInteger(s)) slots.push({ in: 'body', at });
    for (const [key, child] of Object.entries(s.properties ?? {})) walk(child, [...at, key]);
    if (s.items) walk(s.items, [...at, 0]);
    for (const alt of s.anyOf ?? []) walk(alt, at);
  };
  if (op.body) walk(op.body, []);
  return slots;
}

function isInteger(s: JsonSchema): boolean {
  return s.type === 'integer' || Boolean(s.anyOf?.some(isInteger));
}

/** A copy of `value` with `replacement` at the JSON path (creating containers on the way). */
export function setAt(value: unknown, at: (string | number)[], replacement: unknown): unknown {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at;
  if (typeof head === 'number') {
    const arr = Array.isArray(value) ? [...value] : [];
    arr[head] = setAt(arr[head], rest, replacement);
    return arr;
  }
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? { ...value } : {};
  (obj as Record<string, unknown>)[head as string] = setAt(
    (obj as Record<string, unknown>)[head as string],
    rest,
    replacement,
  );
  return obj;
}

/** Inject options for a request: path parameters URL-encoded, repeated query keys for arrays. */
export function toInject(op: Operation, parts: RequestParts, cookie?: string): InjectOptions {
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(parts.path[name] ?? ''));
  const search = new URLSearchParams();
  for (const [key, v] of Object.entries(parts.query)) {
    for (const one of Array.isArray(v) ? v : [v]) search.append(key, one);
  }
  const query = search.toString();
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const options: InjectOptions = { method: op.method, url: query ? `${url}?${query}` : url, headers };
  if (parts.raw) {
    headers['content-type'] = parts.raw.contentType;
    options.payload = parts.raw.payload;
  } else if (parts.body !== undefined) {
    headers['content-type'] = 'application/json';
    options.payload = JSON.stringify(parts.body);
  }
  return options;
}

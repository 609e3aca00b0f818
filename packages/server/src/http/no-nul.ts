// A request carrying NUL (U+0000) anywhere in its path, query or JSON body is refused with 400
// before validation. PostgreSQL refuses NUL in a text parameter ("invalid byte sequence"), so any
// string that reached a query answered 500 there (measured: a search for %00 on the ledger, the
// findings and the notices; a household id of %00), while SQLite took it. No clerk types NUL:
// one rule here instead of a refinement on every string of the contract.
import { AppError } from '@paicha/core';
import type { FastifyInstance } from 'fastify';

function holdsNul(value: unknown): boolean {
  const stack = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) stack.push(...v);
    else if (v !== null && typeof v === 'object') {
      for (const [k, inner] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}

export function registerNulGuard(app: FastifyInstance): void {
  // preValidation: after the session and the access gate (onRequest) and the body's parsing, so a
  // caller refused by role learns nothing more from this answer than from validation's.
  app.addHook('preValidation', async (request) => {
    if (holdsNul(request.params) || holdsNul(request.query) || holdsNul(request.body))
      throw new AppError('validation_failed', '请求中含有无效字符（NUL），请检查后重试');
  });
}

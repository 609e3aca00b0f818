import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

/**
 * Puts the server's field errors (`error.details: [{path: '/deadline', message}]`) beside the
 * form's fields. Returns the messages that matched no field, to be shown above the form.
 */
export function applyFieldErrors(form: FormInstance, e: unknown): string[] {
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return [];
  // Only fields on screen: an error for a hidden field must still be shown somewhere.
  const known = new Set(Object.keys(form.getFieldsValue() as object));
  const unmatched: string[] = [];
  const byField = new Map<string, string[]>();
  for (const d of e.details as { path?: unknown; message?: unknown }[]) {
    const field = typeof d.path === 'string' ? d.path.replace(/^\//, '').split('/')[0] : '';
    const message = typeof d.message === 'string' ? d.message : '';
    if (field && known.has(field)) byField.set(field, [...(byField.get(field) ?? []), message]);
    else if (message) unmatched.push(message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}

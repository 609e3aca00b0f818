import type { FormInstance } from 'antd';

/**
 * The form's values, or null when a field is invalid. antd rejects validateFields() on invalid
 * input after already showing the messages beside the fields, so the rejection carries no news
 * and must not surface as an unhandled error.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

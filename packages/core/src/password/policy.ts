// One password policy for the server (API, CLI) and the web forms, so a form never accepts what
// the server then refuses, and the message the user reads is the same everywhere.
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** What a form shows under the password field before anything is typed. */
export const PASSWORD_POLICY_HINT = `至少${PASSWORD_MIN_LENGTH}个字符；不能是常见密码，不能由同一个字符重复组成，不能与用户名相同`;

/**
 * Why the password is refused, in words for the user, or null when it is acceptable.
 * Length is counted in characters (a Chinese character counts as one), not UTF-16 units.
 */
export function passwordProblem(password: string, username?: string): string | null {
  const chars = [...password];
  if (password.trim() === '') return '密码不能为空或全是空格';
  if (chars.length < PASSWORD_MIN_LENGTH) return `密码至少需要${PASSWORD_MIN_LENGTH}个字符`;
  if (chars.length > PASSWORD_MAX_LENGTH) return `密码不能超过${PASSWORD_MAX_LENGTH}个字符`;
  if (new Set(chars).size === 1) return '密码不能由同一个字符重复组成';
  const lower = password.trim().toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return '密码过于常见，很容易被猜中，请换一个';
  const name = username?.trim().toLowerCase();
  // "zhangsan2024" is the username plus a year: as guessable as the username itself.
  if (name && (lower === name || (lower.startsWith(name) && /^\d*$/.test(lower.slice(name.length))))) {
    return '密码不能与用户名相同，也不能只是在用户名后加数字';
  }
  return null;
}

// 联系电话 on a report: a mainland mobile number or a landline with its area code, so the office
// can call back from any district. One function for the server's schema and the web's form.

/** 13812345678, +86 138 1234 5678 */
const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
/** 0518-85882331, (0518)85882331, 010-12345678, 051885882331; an extension after 转 or -. */
const LANDLINE = /^(0\d{2,3})-?[1-9]\d{6,7}((-|转)\d{1,6})?$/;

export const PHONE_HINT = '11位手机号，或带区号的固定电话（如 0518-85882331）';

/** Why the phone number is refused, or null when it is acceptable (empty is the caller's call). */
export function phoneProblem(phone: string): string | null {
  const compact = phone
    .trim()
    .replace(/[\s\u3000]/g, '')
    .replace(/[（(](0\d{2,3})[）)]-?/, '$1-')
    .replace(/[—－–]/g, '-');
  if (compact === '') return null;
  if (MOBILE.test(compact) || LANDLINE.test(compact)) return null;
  if (/^[2-9]\d{6,7}$/.test(compact)) return '固定电话请加区号，例如 0518-85882331';
  if (/^1\d*$/.test(compact)) return '手机号应为1开头的11位数字';
  return `联系电话格式不正确，请填写${PHONE_HINT}`;
}

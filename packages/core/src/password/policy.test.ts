import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH, passwordProblem } from './policy.js';

describe('password policy', () => {
  it('refuses the passwords the hardening review got accepted', () => {
    expect(passwordProblem('aaaaaaaa')).toBe(`密码至少需要${PASSWORD_MIN_LENGTH}个字符`);
    expect(passwordProblem('12345678')).toBe(`密码至少需要${PASSWORD_MIN_LENGTH}个字符`);
    expect(passwordProblem('        ')).toBe('密码不能为空或全是空格');
  });

  it('refuses a short password, counting characters not UTF-16 units', () => {
    expect(passwordProblem('Xk9#mQ2$v')).toMatch(/至少需要10个字符/);
    expect(passwordProblem('Xk9#mQ2$vL')).toBeNull();
    // Nine astral characters are 18 UTF-16 units but still nine characters.
    expect(passwordProblem('𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇𠀈')).toMatch(/至少需要10个字符/);
    expect(passwordProblem('排查密码排查密码排查密')).toBeNull();
  });

  it('refuses whitespace only and one repeated character, whatever the length', () => {
    expect(passwordProblem(' '.repeat(20))).toBe('密码不能为空或全是空格');
    expect(passwordProblem('\t\n '.repeat(5))).toBe('密码不能为空或全是空格');
    expect(passwordProblem('a'.repeat(12))).toBe('密码不能由同一个字符重复组成');
    expect(passwordProblem('密'.repeat(12))).toBe('密码不能由同一个字符重复组成');
  });

  it('refuses common passwords in any letter case', () => {
    for (const p of ['1234567890', 'Password123', 'QWERTYUIOP', '123456789a', 'woaini1314', '1qaz2wsx3edc']) {
      expect(passwordProblem(p), p).toBe('密码过于常见，很容易被猜中，请换一个');
    }
  });

  it('refuses the username and the username plus digits, not a password merely containing it', () => {
    const msg = '密码不能与用户名相同，也不能只是在用户名后加数字';
    expect(passwordProblem('zhangsan-zy', 'zhangsan-zy')).toBe(msg);
    expect(passwordProblem('ZhangSan-ZY', 'zhangsan-zy')).toBe(msg);
    expect(passwordProblem('zhangsan2024', 'zhangsan')).toBe(msg);
    expect(passwordProblem('zhangsan-password', 'zhangsan')).toBeNull();
    expect(passwordProblem('zhangsan2024')).toBeNull();
  });

  it('refuses more than the maximum length', () => {
    expect(passwordProblem('ab'.repeat(129))).toMatch(/不能超过256个字符/);
  });
});

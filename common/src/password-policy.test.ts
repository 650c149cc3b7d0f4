import { describe, expect, it } from 'vitest';
import { passwordProblem, quickPasswordProblem } from './password-policy';

const holder = { username: 'wangjianguo', name: '王建国', phone: '13907150842' };

describe('the password rule', () => {
  it.each([
    ['1234567890', 'sequential'],
    ['0987654321', 'sequential'],
    ['abcdefghijk', 'sequential'],
    ['qwertyuiop', 'sequential'],
    ['aaaaaaaaaa', 'repeated'],
    ['1212121212', 'repeated'],
    ['          ', 'whitespace'],
    ['short', 'tooShort'],
    ['password123', 'common'],
    ['qq5201314', 'tooShort'],
    ['a123456789', 'common'],
    ['1qaz2wsx3edc', 'sequential'],
    ['qq5201314520', 'guessable'],
    ['woaini1314520', 'common'],
    ['wangjianguo12', 'personal'],
    ['WangJianGuo!!', 'personal'],
    ['13907150842ab', 'personal'],
    ['王建国王建国12345', 'personal'],
    ['woaini1314!!', 'common'],
    ['woaini1314abc', 'guessable'],
    ['5201314woaini', 'guessable'],
    ['zhangwei1990', 'guessable'],
  ] as const)('refuses %j as %s', async (password, problem) => {
    expect(await passwordProblem(password, holder)).toBe(problem);
  });

  it('refuses the current password again', async () => {
    const current = 'a river by the old mill';
    expect(await passwordProblem(current, { ...holder, current })).toBe('current');
  });

  it.each([
    'correct-horse-battery',
    'lianxin-e2e-demo',
    'matrix-password-1',
    'village-cadre-pass',
    'a-much-longer-password',
    'horse staple battery river',
    '我爱我的家乡汉滨区关庙镇',
    'Sifa-Staff-2026',
  ])('accepts %j (passphrases and the test passwords)', async (password) => {
    expect(await passwordProblem(password, holder)).toBeNull();
  });

  it('decides the quick checks without loading the dictionaries', () => {
    expect(quickPasswordProblem('1234567890', holder)).toBe('sequential');
    expect(quickPasswordProblem('a river by the old mill', holder)).toBeNull();
  });
});

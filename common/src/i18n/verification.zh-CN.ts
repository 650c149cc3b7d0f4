/** The console's strings in Simplified Chinese: verification codes proving a resident's phone. */
export const verificationZhCN = {
  'notifications.kind.verification.code': '验证码短信',
  'verification.phone': '手机号',
  'verification.phonePlaceholder': '请输入 11 位手机号',
  'verification.phoneInvalid': '请输入正确的 11 位手机号',
  'verification.send': '获取验证码',
  'verification.resend': '重新获取',
  'verification.countdown': '{seconds} 秒后重新获取',
  'verification.code': '验证码',
  'verification.codePlaceholder': '6 位数字',
  'verification.codeInvalid': '请输入短信中的 6 位数字验证码',
  'verification.submit': '验证手机号',
  'verification.sent': '验证码已发送至 {phone}，{minutes} 分钟内有效',
  'verification.devCode': '开发环境未真正发送短信，验证码是 {code}',
  'verification.verified': '手机号 {phone} 已验证',
  'verification.change': '更换手机号',
} as const;

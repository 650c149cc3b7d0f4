import type { verificationZhCN } from './verification.zh-CN';

/** The console's strings in English: verification codes proving a resident's phone. */
export const verificationEn: Record<keyof typeof verificationZhCN, string> = {
  'notifications.kind.verification.code': 'Verification code',
  'verification.phone': 'Mobile number',
  'verification.phonePlaceholder': 'Your 11-digit mobile number',
  'verification.phoneInvalid': 'Enter a valid 11-digit mobile number',
  'verification.send': 'Get code',
  'verification.resend': 'Send again',
  'verification.countdown': 'Again in {seconds} s',
  'verification.code': 'Verification code',
  'verification.codePlaceholder': '6 digits',
  'verification.codeInvalid': 'Enter the 6-digit code from the text message',
  'verification.submit': 'Verify phone',
  'verification.sent': 'Code sent to {phone}, valid for {minutes} minutes',
  'verification.devCode': 'Development: no text was really sent; the code is {code}',
  'verification.verified': 'Phone {phone} verified',
  'verification.change': 'Use another number',
};

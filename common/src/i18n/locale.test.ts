import { describe, expect, it } from 'vitest';
import { errorMessage } from '../error-messages';
import { errorStatus } from '../error-statuses';
import { errorCodes } from '../errors';
import { localeFromAcceptLanguage } from './locale';

describe('language', () => {
  it('prefers Chinese unless English ranks higher', () => {
    expect(localeFromAcceptLanguage(undefined)).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en-US,en;q=0.9')).toBe('en');
    expect(localeFromAcceptLanguage('zh-TW,en;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('fr;q=1, en;q=0.5')).toBe('en');
    expect(localeFromAcceptLanguage('de')).toBe('zh-CN');
  });

  it('has a status and a message in both languages for every error code', () => {
    for (const code of errorCodes) {
      expect(errorStatus(code)).toBeGreaterThanOrEqual(400);
      expect(errorMessage(code, 'zh-CN')).toMatch(/[\u4e00-\u9fa5]/);
      expect(errorMessage(code, 'en')).toMatch(/[A-Za-z]/);
    }
    expect(errorMessage('AUTH_THROTTLED', 'en', { minutes: 3 })).toBe(
      'Too many failed sign-ins; try again in 3 minutes',
    );
  });
});

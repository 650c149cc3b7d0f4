import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretsFromKey } from './secrets';

describe('secrets', () => {
  const secrets = secretsFromKey(randomBytes(32));

  it('encrypts with a fresh nonce each time and decrypts back', () => {
    const a = secrets.encrypt('11010519491231002X');
    const b = secrets.encrypt('11010519491231002X');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1949');
    expect(secrets.decrypt(a)).toBe('11010519491231002X');
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = secrets.encrypt('11010519491231002X');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => secrets.decrypt(`v1:${raw.toString('base64')}`)).toThrow();
  });

  it('gives a stable keyed hash that depends on the key', () => {
    expect(secrets.lookupHash('x')).toBe(secrets.lookupHash('x'));
    expect(secretsFromKey(randomBytes(32)).lookupHash('x')).not.toBe(secrets.lookupHash('x'));
  });
});

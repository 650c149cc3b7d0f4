import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoAccountsFile, randomDemoPassword, readDemoPassword, writeDemoAccounts } from './demo-password';

describe('the demo password', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lianxin-demo-password-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is 12 characters with no look-alike letters, and different every time', () => {
    const passwords = Array.from({ length: 200 }, randomDemoPassword);
    for (const p of passwords) expect(p).toMatch(/^[a-hjkmnp-z2-9]{12}$/);
    expect(new Set(passwords).size).toBe(200);
  });

  it('is written owner-only with the accounts, read back, and replaced whole by a new load', () => {
    const inside = path.join(dataDir, 'new-dir');
    expect(readDemoPassword(inside)).toBeNull();
    const accounts = [{ username: 'admin', role: 'district_admin' as const, areaName: '汉滨区' }];
    const file = writeDemoAccounts(inside, 'first-password', accounts);
    expect(file).toBe(demoAccountsFile(inside));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readDemoPassword(inside)).toBe('first-password');
    expect(readFileSync(file, 'utf8')).toContain('admin\tdistrict_admin\t汉滨区');
    writeDemoAccounts(inside, 'second-password', accounts);
    expect(readDemoPassword(inside)).toBe('second-password');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('reads nothing from a file without a password line', () => {
    writeFileSync(demoAccountsFile(dataDir), 'admin\tdistrict_admin\n');
    expect(readDemoPassword(dataDir)).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoAccount } from './demo-district';

/** Where the demo's clear password is kept, beside the database and the secret key. */
export const DEMO_ACCOUNTS_FILE = 'demo-accounts.txt';

// No 0/o, 1/l/i: the password is read off a screen and typed on a phone.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 12;
const PASSWORD_LINE = /^password:\s*(\S+)\s*$/m;

/** 12 characters from a 31-letter alphabet: about 59 bits, drawn without modulo bias. */
export function randomDemoPassword(): string {
  let password = '';
  // 248 is the largest multiple of 31 under 256; bytes above it are dropped, not folded.
  const limit = 256 - (256 % ALPHABET.length);
  while (password.length < LENGTH) {
    for (const byte of randomBytes(LENGTH * 2)) {
      if (byte >= limit) continue;
      password += ALPHABET[byte % ALPHABET.length];
      if (password.length === LENGTH) break;
    }
  }
  return password;
}

export function demoAccountsFile(dataDir: string): string {
  return path.join(dataDir, DEMO_ACCOUNTS_FILE);
}

/** Writes the demo's password and accounts, readable by the owner only (0600), replacing an older file whole. */
export function writeDemoAccounts(dataDir: string, password: string, accounts: DemoAccount[]): string {
  mkdirSync(dataDir, { recursive: true });
  const file = demoAccountsFile(dataDir);
  const lines = [
    '# 连心 Lianxin demo accounts: every account below signs in with this password.',
    '# Keep this file private; production never loads the demo.',
    `password: ${password}`,
    '',
    ...accounts.map((a) => `${a.username}\t${a.role}\t${a.areaName}`),
    '',
  ];
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, lines.join('\n'), { mode: 0o600 });
  // The mode given at creation is narrowed by the umask only; chmod makes it exact.
  chmodSync(temporary, 0o600);
  renameSync(temporary, file);
  return file;
}

/** The password written when the demo was loaded, or null when the file is missing or unreadable. */
export function readDemoPassword(dataDir: string): string | null {
  const file = demoAccountsFile(dataDir);
  if (!existsSync(file)) return null;
  try {
    return PASSWORD_LINE.exec(readFileSync(file, 'utf8'))?.[1] ?? null;
  } catch {
    return null;
  }
}

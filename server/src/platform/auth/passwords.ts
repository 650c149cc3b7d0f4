import { type PasswordInputs, passwordProblem } from '@lianxin/common';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors';

// Algorithm.Argon2id; the enum is `const` in the typings and cannot be imported under isolatedModules.
const ARGON2ID = 2;
// OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so that unknown usernames cannot be told apart by timing. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword('lianxin-no-such-account');
  await verifyPassword(await dummyHash, password);
  return false;
}

/** The password rule of common/password-policy.ts: refuses with PASSWORD_WEAK and why (`problem`). */
export async function assertAcceptablePassword(password: string, inputs: PasswordInputs): Promise<void> {
  const problem = await passwordProblem(password, inputs);
  if (problem) throw new AppError('PASSWORD_WEAK', { problem });
}

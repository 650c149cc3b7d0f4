// The password rule (ASVS 6.2), one for the server and the web forms. The quick checks run at once;
// the strength estimate (zxcvbn, about 1 MB of dictionaries) is loaded on the first check, so the
// browser fetches it only when someone types a new password.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
/** The least zxcvbn score accepted (0–4): 3 is "safely unguessable", about 10^8 guesses or more. */
export const PASSWORD_MIN_SCORE = 3;

/** Why a password is refused; each has a message in the console's catalogue (`password.problem.*`). */
export const passwordProblems = [
  'tooShort',
  'tooLong',
  'whitespace',
  'repeated',
  'sequential',
  'common',
  'personal',
  'current',
  'guessable',
] as const;
export type PasswordProblem = (typeof passwordProblems)[number];

/** What the account already says about its holder: a password must not be made of it. */
export interface PasswordInputs {
  username: string;
  name?: string | null;
  phone?: string | null;
  /** The password being replaced: the new one must differ. */
  current?: string | null;
}

const SEQUENCES = [
  '01234567890',
  'abcdefghijklmnopqrstuvwxyz',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
];

const fold = (s: string) => s.normalize('NFKC').toLowerCase();

/** One short unit said again and again: `aaaaaaaaaa`, `abcabcabcabc`, `1212121212`. */
function isRepeated(password: string): boolean {
  const chars = [...password];
  for (let size = 1; size <= Math.floor(chars.length / 2); size++) {
    if (chars.length % size !== 0) continue;
    const unit = chars.slice(0, size).join('');
    if (unit.repeat(chars.length / size) === password) return true;
  }
  return false;
}

/** Characters in a run, up or down, by code or along a keyboard row: `1234567890`, `zyxwvutsrq`. */
function isSequential(password: string): boolean {
  const chars = [...password];
  const step = (chars[1]?.codePointAt(0) ?? 0) - (chars[0]?.codePointAt(0) ?? 0);
  if (Math.abs(step) === 1) {
    let run = true;
    for (let i = 1; i < chars.length && run; i++) {
      run = (chars[i]?.codePointAt(0) ?? 0) - (chars[i - 1]?.codePointAt(0) ?? 0) === step;
    }
    if (run) return true;
  }
  return SEQUENCES.some((seq) => {
    const reversed = [...seq].reverse().join('');
    return seq.includes(password) || reversed.includes(password) || isRepeatedRun(password, seq);
  });
}

// A sequence run again: `12345678901234567890`.
function isRepeatedRun(password: string, seq: string): boolean {
  if (password.length <= seq.length) return false;
  return seq.repeat(Math.ceil(password.length / seq.length) + 1).includes(password);
}

/** The parts of a person's inputs a password must not be made of (each at least 3 characters). */
export function personalWords(inputs: PasswordInputs): string[] {
  const words = [inputs.username, inputs.name ?? '', inputs.phone ?? ''].map((w) => fold(w.trim()));
  // A phone number's last eight and four digits are what people put in passwords.
  const phone = fold(inputs.phone ?? '').replace(/\D/g, '');
  if (phone.length >= 8) words.push(phone.slice(-8));
  for (const part of fold(inputs.username).split(/[._-]+/)) words.push(part);
  return [...new Set(words.filter((w) => [...w].length >= 3))];
}

/**
 * The password with every personal word taken out; too little left means the password is the
 * username (or name, or phone) with a few characters around it.
 */
function isPersonal(password: string, inputs: PasswordInputs): boolean {
  const folded = fold(password);
  let rest = folded;
  for (const word of personalWords(inputs)) rest = rest.split(word).join('');
  return rest !== folded && [...rest.replace(/[\s\p{P}\p{S}]/gu, '')].length < 6;
}

/** The checks that need no dictionary: length, whitespace, repeats, runs, the user's own words. */
export function quickPasswordProblem(password: string, inputs: PasswordInputs): PasswordProblem | null {
  const length = [...password].length;
  if (password.trim() === '') return 'whitespace';
  if (length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'tooLong';
  if (inputs.current && password === inputs.current) return 'current';
  const compact = fold(password).replace(/\s+/g, '');
  if (isRepeated(compact)) return 'repeated';
  if (isSequential(compact)) return 'sequential';
  if (isPersonal(password, inputs)) return 'personal';
  return null;
}

type StrengthModule = typeof import('./password-strength');
let strength: Promise<StrengthModule> | undefined;

/** Loads the strength estimate once (a separate chunk in the browser). */
export function loadPasswordStrength(): Promise<StrengthModule> {
  strength ??= import('./password-strength');
  return strength;
}

/**
 * Why `password` may not be used, or null when it may: the quick checks, then the list of the
 * passwords most common in China and the zxcvbn estimate fed with the holder's own words.
 */
export async function passwordProblem(
  password: string,
  inputs: PasswordInputs,
): Promise<PasswordProblem | null> {
  const quick = quickPasswordProblem(password, inputs);
  if (quick) return quick;
  const { estimatePassword } = await loadPasswordStrength();
  return estimatePassword(password, personalWords(inputs));
}

// The heavy half of the password rule (password-policy.ts): zxcvbn with its common dictionaries and
// keyboard graphs, and the shipped list of the passwords most common in China. Imported only through
// `loadPasswordStrength()`, so the web loads it when a password is typed and not before.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { commonChinesePasswords } from './common-passwords-zh';
import { PASSWORD_MIN_SCORE, type PasswordProblem } from './password-policy';

const commonSet = new Set(commonChinesePasswords);

const zxcvbn = new ZxcvbnFactory({
  dictionary: { ...dictionary, 'passwords-zh': [...commonChinesePasswords] },
  graphs: adjacencyGraphs,
  useLevenshteinDistance: true,
});

/** `common` for a listed password as it stands, `guessable` below the score, else null. */
export function estimatePassword(password: string, personalWords: string[]): PasswordProblem | null {
  const folded = password.normalize('NFKC').toLowerCase();
  if (commonSet.has(folded) || commonSet.has(folded.replace(/[\s\p{P}\p{S}]+$/u, ''))) return 'common';
  const { score } = zxcvbn.check(password, personalWords);
  return score < PASSWORD_MIN_SCORE ? 'guessable' : null;
}

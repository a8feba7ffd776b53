// The password policy for local accounts: the one place that says whether a password may be set, used
// by the API (creating users, changing passwords) and the CLI (devforge admin reset-password). Length
// is what matters most (NIST SP 800-63B); on top of that, the passwords a guesser tries first are
// refused: blanks, one character repeated, a short pattern repeated, keyboard and alphabet runs, the
// commonest passwords (also with digits or symbols around them) and the account's own e-mail name.
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const MIN_PASSWORD_LENGTH = 12;
/** Longer is fine; this only bounds the work of hashing one (the API's bodies allow 1024). */
export const MAX_PASSWORD_LENGTH = 1024;

// Runs a guesser walks along, each also backwards; tripled so a run may wrap around (…7890123…).
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'].flatMap((run) => {
  const tripled = run.repeat(3);
  return [tripled, [...tripled].reverse().join('')];
});

function isRun(text: string): boolean {
  return RUNS.some((run) => run.includes(text));
}

/** "abcabcabcabc", "xyxyxyxyxyxy": the whole password is a unit of up to four characters, repeated. */
function isRepeatedPattern(chars: string[]): boolean {
  for (let unit = 2; unit <= 4 && unit * 2 <= chars.length; unit++) {
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/**
 * What is wrong with `password` for the account with this e-mail address, as a sentence that says how
 * to do better; undefined when it may be used.
 */
export function passwordProblem(password: string, email?: string): string | undefined {
  // Code points, not UTF-16 units: an emoji is one character to the person typing it.
  const chars = [...password.normalize('NFKC')];
  if (chars.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters (it has ${chars.length}); a few unrelated words make a long password easy to remember`;
  if (chars.length > MAX_PASSWORD_LENGTH) return `must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (/^\s*$/u.test(password)) return 'must not be only spaces: use words, letters or digits';
  if (chars.every((c) => c === chars[0])) return 'must not be one character repeated: use a few unrelated words';
  if (isRepeatedPattern(chars)) return 'must not be a short pattern repeated: use a few unrelated words';
  const lower = chars.join('').toLowerCase();
  const compact = lower.replace(/\s+/gu, '');
  if (isRun(compact)) return 'must not be a run of keys or letters (1234…, abcd…, qwerty…): use a few unrelated words';
  // The commonest passwords, also with digits, symbols or spaces added before or after ("Password2024!").
  const core = compact.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (COMMON_PASSWORDS.has(compact) || COMMON_PASSWORDS.has(core)) return 'is one of the most common passwords (or one with digits or symbols added), which are tried first: choose another';
  const local = email?.split('@')[0]?.trim().toLowerCase();
  if (local && local.length >= 3 && compact.includes(local.replace(/\s+/gu, ''))) return `must not contain the account's e-mail name (${local}): choose something others cannot guess from it`;
  return undefined;
}

// The password policy for local accounts (auth/password-policy.ts): what it refuses, the reason it
// gives, and that ordinary passphrases pass.
import test from 'ava';
import { MIN_PASSWORD_LENGTH, passwordProblem } from '../../src/platform/auth/password-policy.ts';

test('at least 12 characters, counted as the person typed them', (t) => {
  t.is(MIN_PASSWORD_LENGTH, 12);
  t.regex(passwordProblem('1234567890')!, /at least 12 characters \(it has 10\)/);
  t.regex(passwordProblem(' '.repeat(10))!, /at least 12 characters/);
  t.regex(passwordProblem('🙂🙂🙂🙂🙂🙂')!, /it has 6/, 'an emoji is one character, not two');
  t.regex(passwordProblem('x'.repeat(1025))!, /at most 1024 characters/);
});

test('blanks, repeats, patterns and runs are refused with what to do instead', (t) => {
  const cases: [string, RegExp][] = [
    [' '.repeat(12), /must not be only spaces/],
    ['\t \u00a0'.repeat(5), /must not be only spaces/],
    ['aaaaaaaaaaaa', /one character repeated/],
    ['............', /one character repeated/],
    ['abcabcabcabc', /short pattern repeated/],
    ['xyxyxyxyxyxy', /short pattern repeated/],
    ['123456789012', /run of keys or letters/],
    ['210987654321', /run of keys or letters/],
    ['abcdefghijklm', /run of keys or letters/],
    ['QWERTYUIOPASD', /run of keys or letters/],
    ['1qaz2wsx3edc4rfv', /run of keys or letters/],
  ];
  for (const [password, reason] of cases) t.regex(passwordProblem(password) ?? 'accepted', reason, JSON.stringify(password));
});

test('the commonest passwords are refused, also with digits or symbols around them', (t) => {
  for (const password of ['password1234', 'Password2026!', '!!iloveyou2024', 'Welcome12345', 'correct horse battery staple', '2024 Sunshine !!']) {
    t.regex(passwordProblem(password) ?? 'accepted', /most common passwords/, password);
  }
});

test("the account's e-mail name may not be in it", (t) => {
  t.regex(passwordProblem('jane.doe-rules-2026', 'Jane.Doe@example.com')!, /e-mail name \(jane\.doe\)/);
  t.is(passwordProblem('jane.doe-rules-2026', 'someone@example.com'), undefined);
  t.is(passwordProblem('an ox and a yak graze', 'ox@example.com'), undefined, 'a name under three letters is too short to judge by');
});

test('ordinary passphrases and random passwords pass', (t) => {
  for (const password of ['correct horse battery', 'a passphrase from the vault', 'Tr0ub4dor&3xyz', 'k7#Qm2!vL9@pW4', '8365920174x!', 'lanterns over the harbour']) {
    t.is(passwordProblem(password, 'admin@local'), undefined, password);
  }
});

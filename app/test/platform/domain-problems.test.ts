// Domain errors as HTTP problems: every domain error code has a problem type with the public, stable
// `type` of today's API, field errors and extra data travel along, and the headers HTTP wants are set.
import test from 'ava';
import { problemForError } from '../../src/platform/api/domain-problems.ts';
import { PROBLEM_URN } from '../../src/platform/api/problems.ts';
import { CredentialsError } from '../../src/platform/auth/errors.ts';
import { DOMAIN_ERROR_CODES, DomainError, invalidField } from '../../src/platform/domain/errors.ts';

// Only a saturated compose pool is the server's state rather than the request's fault: 503 with Retry-After.
const UNAVAILABLE = new Set(['compose-busy']);

test('every domain error code becomes a problem with a 4xx status (503 for a busy pool) and its message as the detail', (t) => {
  for (const code of DOMAIN_ERROR_CODES) {
    const problem = problemForError(new DomainError(code, `what was wrong with ${code}`))!;
    t.truthy(problem, code);
    if (UNAVAILABLE.has(code)) t.is(problem.status, 503, code);
    else t.true(problem.status >= 400 && problem.status < 500, code);
    t.is(problem.toJSON().detail, `what was wrong with ${code}`);
  }
});

test('the public problem types stay as they were', (t) => {
  const type = (err: unknown) => (problemForError(err)!.toJSON().type as string).replace(PROBLEM_URN, '');
  t.is(type(new DomainError('not-found', 'no such animation')), 'not-found');
  t.is(problemForError(new DomainError('compose-busy', 'busy', { data: { retry_after_s: 5 } }))!.headers['retry-after'], '5');
  t.is(type(new DomainError('invalid-input', 'x')), 'validation-failed');
  t.is(type(new DomainError('too-many-attempts', 'x')), 'too-many-requests');
  t.is(type(new DomainError('webhook-url-not-allowed', 'x')), 'webhook-url-not-allowed');
  t.is(type(new CredentialsError('this API key was revoked')), 'unauthorized');
});

test('field errors, item indexes and retry hints reach the problem', (t) => {
  const field = problemForError(invalidField('body.duration', 'at most 600 seconds'))!;
  t.is(field.status, 422);
  t.deepEqual(field.toJSON().errors, [{ field: 'body.duration', message: 'at most 600 seconds' }]);
  t.is(field.toJSON().detail, 'body.duration: at most 600 seconds');
  const item = problemForError(invalidField('body.animations[2].duration', 'too long').forItem(2, 'animations[2]'))!;
  t.is(item.toJSON().item, 2);
  t.regex(String(item.toJSON().detail), /^animations\[2\]: /);
  const wait = problemForError(new DomainError('too-many-attempts', 'wait', { data: { retry_after_s: 30 } }))!;
  t.is(wait.headers['retry-after'], '30');
  t.is(problemForError(new CredentialsError('unknown API key'))!.headers['www-authenticate'], 'Bearer realm="devforge"');
});

test('anything else is not a domain problem (the middleware answers 500 or 503)', (t) => {
  t.is(problemForError(new Error('boom')), undefined);
  t.is(problemForError('a string'), undefined);
});

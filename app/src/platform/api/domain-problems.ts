// The one place domain errors (and wrong credentials) become HTTP problems: each domain error code has
// its problem type (the public, stable `type` of problems.ts) and, where HTTP has one, the header that
// goes with it.
import { CredentialsError, IdpUnavailableError } from '../auth/errors.ts';
import { DomainError, type DomainErrorCode } from '../domain/errors.ts';
import { Problem, type ProblemType } from './problems.ts';

interface Mapping {
  type: ProblemType;
  headers?: (err: DomainError) => Record<string, string>;
}

/** The Retry-After header: the error's `data.retry_after_s` (seconds), else `fallback`. */
function retryAfter(err: DomainError, fallback: number): Record<string, string> {
  const seconds = err.data.retry_after_s;
  return { 'retry-after': String(typeof seconds === 'number' ? seconds : fallback) };
}

const MAPPINGS: Record<DomainErrorCode, Mapping> = {
  'invalid-credentials': { type: 'invalid-credentials' },
  forbidden: { type: 'forbidden' },
  'not-found': { type: 'not-found' },
  conflict: { type: 'conflict' },
  'output-not-ready': { type: 'output-not-ready' },
  'invalid-input': { type: 'validation-failed' },
  'description-empty': { type: 'description-empty' },
  'description-too-long': { type: 'description-too-long' },
  'unknown-template': { type: 'unknown-template' },
  'unknown-style': { type: 'unknown-style' },
  'invalid-params': { type: 'invalid-params' },
  'unknown-voice': { type: 'unknown-voice' },
  'not-understood': { type: 'not-understood' },
  'description-needs-data': { type: 'description-needs-data' },
  'scene-invalid': { type: 'scene-invalid' },
  'compose-timeout': { type: 'compose-timeout' },
  'compose-busy': { type: 'compose-busy', headers: (err) => retryAfter(err, 5) },
  'webhook-url-not-allowed': { type: 'webhook-url-not-allowed' },
  'too-many-attempts': { type: 'too-many-requests', headers: (err) => retryAfter(err, 60) },
  'sign-in-refused': { type: 'forbidden' },
  'render-too-long': { type: 'render-too-long' },
  'too-many-renders': { type: 'too-many-renders', headers: (err) => retryAfter(err, 60) },
  'idempotency-key-reused': { type: 'idempotency-key-reused' },
  'idempotency-key-in-use': { type: 'idempotency-key-in-use', headers: (err) => retryAfter(err, 1) },
  'license-limit': { type: 'license-limit' },
  'license-refused': { type: 'license-refused' },
  'sandbox-limit': { type: 'sandbox-limit' },
  'origin-not-allowed': { type: 'origin-not-allowed' },
};

/** The problem for a domain or credentials error; undefined for anything else. */
export function problemForError(err: unknown): Problem | undefined {
  if (err instanceof CredentialsError) return new Problem('unauthorized', err.message, {}, { 'www-authenticate': 'Bearer realm="devforge"' });
  if (err instanceof IdpUnavailableError) return new Problem('service-unavailable', err.message, {}, { 'retry-after': '10' });
  if (!(err instanceof DomainError)) return undefined;
  const mapping = MAPPINGS[err.code];
  const extra = { ...(err.fields.length ? { errors: err.fields } : {}), ...err.data };
  return new Problem(mapping.type, err.message, extra, mapping.headers?.(err) ?? {});
}

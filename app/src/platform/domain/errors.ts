// The one catalogue of domain errors: what went wrong, in the domain's terms, with a stable code, a
// message that says what was wrong and how to fix it, and optional field errors or extra data. No HTTP
// in here: the HTTP layer maps each code to a problem type (api/domain-problems.ts), a CLI or a job
// can read the same error its own way.

export const DOMAIN_ERROR_CODES = [
  /** A sign-in with a wrong e-mail address or password. */
  'invalid-credentials',
  /** The caller is known but their role (or key, or licence) does not allow this. */
  'forbidden',
  /** The thing does not exist, or the caller may not know that it does. */
  'not-found',
  /** The thing exists but its state does not allow this (already finished, taken e-mail address). */
  'conflict',
  /** The animation has not been rendered (yet). */
  'output-not-ready',
  /** Some input fields are invalid; `fields` names them. */
  'invalid-input',
  'description-empty',
  'description-too-long',
  'unknown-template',
  'unknown-style',
  'invalid-params',
  /** The voice asked for is not one espeak-ng has here (or espeak-ng is missing); `data.available` lists those there are. */
  'unknown-voice',
  /** The description matched no template with confidence; `data.suggestions` are the closest. */
  'not-understood',
  /** The description names a template but not the content to show; `data.needs` says what to type. */
  'description-needs-data',
  /** The description and params analyse, but compose into an invalid scene. */
  'scene-invalid',
  /** Composing the scene ran past compose.timeBudgetMs; `data.budget_ms` says the budget. */
  'compose-timeout',
  /** Every composition thread stayed busy for a whole budget; `data.retry_after_s` says when to try again. */
  'compose-busy',
  'webhook-url-not-allowed',
  /** Too many attempts from one client; `data.retry_after_s` says when to try again. */
  'too-many-attempts',
  /** The render is estimated to run longer than a render job may (worker.maxRenderMinutes), or has more frames than limits.maxFramesPerRender; `data` has the estimate, the cap and what to lower. */
  'render-too-long',
  /** The caller already has as many renders (or batches) queued or running as allowed; `data.retry_after_s` says when one should have finished. */
  'too-many-renders',
  /** The Idempotency-Key was used before with a different request body. */
  'idempotency-key-reused',
  /** A request with the same Idempotency-Key is still being processed. */
  'idempotency-key-in-use',
  /** The identity provider signed someone in but DevForge refuses them (no mapped role, disabled, bad answer). */
  'sign-in-refused',
  /** The request asks for more than the license allows; `data` names the entitlement, its limit, the current use and what would lift it. */
  'license-limit',
  /** A license file was refused (tampered, unknown key, test key on production, wrong install, lower sequence); `data.reason` says which. */
  'license-refused',
  /** A sandbox key asked for more than a sandbox render may (quality above 720p, longer than the sandbox's duration); `data` says the limit, what was asked and what lifts it. */
  'sandbox-limit',
  /** A publishable key was used from a web origin not on its list (or without an Origin); `data.origin` says which. */
  'origin-not-allowed',
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldError {
  /** Where the bad value is, as the caller sent it (body.duration, body.animations[2].webhook_url). */
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  fields?: FieldError[];
  /** Extra machine-readable facts (an item index, a wait in seconds). */
  data?: Record<string, unknown>;
}

export class DomainError extends Error {
  override name = 'DomainError';
  readonly code: DomainErrorCode;
  readonly fields: FieldError[];
  readonly data: Record<string, unknown>;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message);
    this.code = code;
    this.fields = options.fields ?? [];
    this.data = options.data ?? {};
  }

  /** The same error about one item of a list (a batch): its message and data say which. */
  forItem(index: number, label: string): DomainError {
    return new DomainError(this.code, `${label}: ${this.message}`, { fields: this.fields, data: { ...this.data, item: index } });
  }
}

/** An invalid field: the message says which field and what it must be. */
export function invalidField(field: string, message: string): DomainError {
  return new DomainError('invalid-input', `${field}: ${message}`, { fields: [{ field, message }] });
}

// The one catalogue of API errors. Each has a stable machine `type` (never reworded once shipped), an
// HTTP status and a title; `detail` says what exactly was wrong. Rendered as application/problem+json
// (RFC 9457) by problem-middleware.ts.

export const PROBLEMS = {
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'bad-request': { status: 400, title: 'The request cannot be understood' },
  unauthorized: { status: 401, title: 'Authentication required: sign in, or send Authorization: Bearer <API key>' },
  'invalid-credentials': { status: 401, title: 'Wrong e-mail address or password' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  'license-limit': { status: 403, title: 'The license of this appliance does not allow this: see entitlement, limit, current_use and lift' },
  'sandbox-limit': { status: 403, title: 'A sandbox key cannot ask for this: see limit, requested and lift' },
  'origin-not-allowed': { status: 403, title: "This publishable key may not be used from this web origin: add the origin to the key's allowed origins" },
  'csrf-failed': { status: 403, title: 'Missing or wrong X-CSRF-Token header on a cookie-authenticated write' },
  'not-found': { status: 404, title: 'Not found' },
  'method-not-allowed': { status: 405, title: 'Method not allowed on this resource' },
  conflict: { status: 409, title: 'The resource is not in a state that allows this' },
  'output-not-ready': { status: 409, title: 'The animation has no outputs yet' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send the request body as application/json' },
  'range-not-satisfiable': { status: 416, title: 'The requested byte range is outside the file' },
  'validation-failed': { status: 422, title: 'Some fields are missing or invalid' },
  'description-empty': { status: 422, title: 'The description is empty' },
  'description-too-long': { status: 422, title: 'The description is too long' },
  'unknown-template': { status: 422, title: 'No template has that id' },
  'unknown-style': { status: 422, title: 'No style has that name' },
  'invalid-params': { status: 422, title: 'The template params are invalid' },
  'unknown-voice': { status: 422, title: 'No voice has that name on this server' },
  'not-understood': { status: 422, title: 'The description was not understood: see the suggestions' },
  'description-needs-data': { status: 422, title: 'The description names a template but not the content to show' },
  'scene-invalid': { status: 422, title: 'The animation cannot be composed from these values' },
  'compose-timeout': { status: 422, title: 'Composing this scene took longer than the time budget (compose.timeBudgetMs)' },
  'license-refused': { status: 422, title: 'The license file was refused: see reason' },
  'webhook-url-not-allowed': { status: 422, title: 'The webhook URL points somewhere webhooks may not go' },
  'render-too-long': { status: 422, title: 'This render would run longer than a render job may: lower the duration, fps or quality' },
  'idempotency-key-reused': { status: 422, title: 'This Idempotency-Key was already used with a different request body' },
  'idempotency-key-in-use': { status: 409, title: 'A request with this Idempotency-Key is still being processed; retry shortly' },
  'too-many-requests': { status: 429, title: 'Too many attempts; wait and try again' },
  'too-many-renders': { status: 429, title: 'You have as many renders queued or running as allowed; wait for one to finish' },
  'too-many-streams': { status: 429, title: 'Too many event streams are open; close one or poll instead' },
  'compose-busy': { status: 503, title: 'Every compose thread stayed busy with other scenes; try again shortly' },
  'internal-error': { status: 500, title: 'Something went wrong on our side' },
  'service-unavailable': { status: 503, title: 'A service DevForge depends on is unavailable; try again shortly' },
} as const;

export type ProblemType = keyof typeof PROBLEMS;

export const PROBLEM_URN = 'urn:devforge:problem:';

export class Problem extends Error {
  override name = 'Problem';
  readonly type: ProblemType;
  readonly status: number;
  readonly detail: string | undefined;
  readonly extra: Record<string, unknown>;
  readonly headers: Record<string, string>;

  constructor(type: ProblemType, detail?: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    super(detail ?? PROBLEMS[type].title);
    this.type = type;
    this.status = PROBLEMS[type].status;
    this.detail = detail;
    this.extra = extra;
    this.headers = headers;
  }

  toJSON(instance?: string): Record<string, unknown> {
    return {
      type: PROBLEM_URN + this.type,
      title: PROBLEMS[this.type].title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...this.extra,
    };
  }
}

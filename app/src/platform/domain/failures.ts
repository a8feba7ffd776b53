// Why a job (a render, a webhook delivery) failed, classified where the failure happens: a stable code
// and whether a retry could help. The job handlers decide retry or give up from `permanent` alone,
// never from the wording of a message.

export type RenderFailureCode =
  /** The stored scene does not validate, typeset or fit a preset: rendering it again fails again. */
  | 'scene-unrenderable'
  /** The scene is over a configured limit (render.maxDurationS). */
  | 'over-limit'
  /** Storing the rendered files failed (storage unreachable, full). */
  | 'storage-failed'
  /** The renderer failed (browser crash, stalled page, encoder): worth another attempt. */
  | 'render-failed';

export type WebhookFailureCode =
  /** Not an absolute http(s) URL. */
  | 'url-invalid'
  /** user:password@ in the URL: never sent, the credentials would leak to wherever it points. */
  | 'url-credentials'
  /** A metadata service, or a host outside webhooks.allowedHosts. */
  | 'host-not-allowed'
  /** The host is (or now resolves to) an address in a denied network. */
  | 'network-denied'
  /** The host does not resolve (may be temporary at send time). */
  | 'host-unresolvable'
  /** The receiver answered with a non-2xx status. */
  | 'http-status'
  /** No answer within webhooks.timeoutMs. */
  | 'timeout'
  /** The connection failed (refused, reset, TLS). */
  | 'connection-failed';

const PERMANENT_WEBHOOK: ReadonlySet<WebhookFailureCode> = new Set(['url-invalid', 'url-credentials', 'host-not-allowed', 'network-denied']);

export abstract class JobFailure extends Error {
  abstract readonly code: string;
  /** True when retrying cannot help: the job fails now, without using up its retries. */
  abstract readonly permanent: boolean;
}

export class RenderFailure extends JobFailure {
  override name = 'RenderFailure';
  readonly code: RenderFailureCode;
  readonly permanent: boolean;

  constructor(code: RenderFailureCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.permanent = code === 'scene-unrenderable' || code === 'over-limit';
  }
}

export class WebhookFailure extends JobFailure {
  override name = 'WebhookFailure';
  readonly code: WebhookFailureCode;
  readonly permanent: boolean;

  constructor(code: WebhookFailureCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.permanent = PERMANENT_WEBHOOK.has(code);
  }
}

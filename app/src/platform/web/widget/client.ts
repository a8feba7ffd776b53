// The widget's one client of /api/v1: every call carries the publishable key (Authorization: Bearer dfp_…),
// cross-origin (CORS) and without cookies, so the host page's visitors' sessions never travel with it.
// A problem+json answer becomes a WidgetError with the server's own words; a request the browser would not
// even send (the appliance is down, or the page's origin is not on the key's list, so the CORS preflight
// was refused) becomes one that says both possibilities and what to do.
import type { Analysis, Animation, GenerateBody, Queued, Template } from '../client/api-types.ts';

export class WidgetError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The first characters of a secret key: it must never reach a web page, so the widget refuses to send one. */
const SECRET_PREFIX = 'dfk_';
const PUBLISHABLE_PREFIX = 'dfp_';

/** Why a key cannot be used from a page, or undefined when it looks like a publishable key. */
export function keyProblem(key: unknown): string | undefined {
  if (typeof key !== 'string' || !key) return 'apiKey is missing: pass the publishable key (dfp_…) made for this page, see docs/widget.md on the appliance';
  if (key.startsWith(SECRET_PREFIX)) return 'apiKey is a secret key (dfk_…), which must never be put in a web page: make a publishable key (dfp_…) for this page and use it, and revoke this one, since it has been exposed';
  if (!key.startsWith(PUBLISHABLE_PREFIX)) return 'apiKey is not a DevForge publishable key (they start with dfp_): copy it whole from the answer that created it (POST /api/v1/api-keys)';
  return undefined;
}

export interface Download {
  url: string;
  fileName: string;
}

export class WidgetApi {
  readonly base: string;
  private readonly key: string;

  constructor(base: string, key: string) {
    this.base = base;
    this.key = key;
  }

  private async fetch(method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<Response> {
    const h: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${this.key}`, ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(`${this.base}/api/v1${path}`, { method, headers: h, mode: 'cors', credentials: 'omit', ...(body !== undefined ? { body: JSON.stringify(body) } : {}), ...(signal ? { signal } : {}) });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new WidgetError(
        0,
        `DevForge at ${this.base} could not be reached from this page (${location.origin}). If the appliance is running, this origin is not on the publishable key's allowed origins: its owner adds ${location.origin} to the key (PUT /api/v1/api-keys/{id}/allowed-origins).`,
      );
    }
    if (!res.ok) {
      const problem = (await res.json().catch(() => ({}))) as { title?: string; detail?: string };
      throw new WidgetError(res.status, problem.detail ?? problem.title ?? `DevForge answered ${res.status}`);
    }
    return res;
  }

  private async json<T>(method: 'GET' | 'POST', path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    return (await (await this.fetch(method, path, body, headers)).json()) as T;
  }

  templates(): Promise<Template[]> {
    return this.json<{ templates: Template[] }>('GET', '/templates').then((r) => r.templates);
  }

  analyze(description: string, hints: readonly string[], template?: string): Promise<Analysis> {
    return this.json<Analysis>('POST', '/analyze', { description, ...(template ? { template } : hints.length ? { templates: hints } : {}) });
  }

  /** One Idempotency-Key per click: a retry after a lost answer gets the same render, never a second one. */
  generate(body: GenerateBody, idempotencyKey: string): Promise<Queued> {
    return this.json<Queued>('POST', '/animations/generate', body, { 'idempotency-key': idempotencyKey });
  }

  animation(id: string): Promise<Animation> {
    return this.json<Animation>('GET', `/animations/${id}`);
  }

  /** A file of the animation, fetched with the key and handed to the page as a blob: URL (a link cannot carry the key). */
  async file(id: string, name: 'video' | 'poster'): Promise<Download> {
    const res = await this.fetch('GET', `/animations/${id}/${name}?download=1`);
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `${name === 'video' ? 'animation.mp4' : 'poster.png'}`;
    return { url: URL.createObjectURL(await res.blob()), fileName };
  }

  /**
   * The animation's Server-Sent Events (status, progress), read through fetch: EventSource cannot send the
   * key. Calls `onEvent` for each until the stream ends or `signal` aborts.
   */
  async events(id: string, onEvent: (event: string, data: unknown) => void, signal: AbortSignal): Promise<void> {
    const res = await this.fetch('GET', `/animations/${id}/events`, undefined, { accept: 'text/event-stream' }, signal);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length) onEvent(event, JSON.parse(data.join('\n')) as unknown);
      }
    }
  }
}

// The DevForge API client: one object per server and API key, a method per thing a program does (generate,
// batch, get, waitFor, download, analyze, templates). Requests and answers are typed by src/types.ts,
// generated from the server's OpenAPI document; every failure is a DevForgeError with the problem's
// type, title and detail.
import { errorOf, DevForgeError, PROBLEM_URN } from './errors.ts';
import { readEvents } from './events.ts';
import type {
  GetApiV1AnimationsIdResponse,
  GetApiV1BatchesIdResponse,
  GetApiV1TemplatesResponse,
  PostApiV1AnalyzeBody,
  PostApiV1AnalyzeResponse,
  PostApiV1AnimationsBatchBody,
  PostApiV1AnimationsBatchResponse,
  PostApiV1AnimationsGenerateBody,
  PostApiV1AnimationsGenerateResponse,
} from './types.ts';

export type Animation = GetApiV1AnimationsIdResponse;
export type AnimationStatus = Animation['status'];
export type GenerateRequest = PostApiV1AnimationsGenerateBody;
export type Queued = PostApiV1AnimationsGenerateResponse;
export type BatchRequest = PostApiV1AnimationsBatchBody;
export type BatchQueued = PostApiV1AnimationsBatchResponse;
export type Batch = GetApiV1BatchesIdResponse;
export type AnalyzeRequest = PostApiV1AnalyzeBody;
export type Analysis = PostApiV1AnalyzeResponse;
export type Template = GetApiV1TemplatesResponse['templates'][number];
export type OutputFile = 'video' | 'poster' | 'captions';

export const FINISHED: readonly AnimationStatus[] = ['completed', 'failed', 'cancelled'];

export interface ClientOptions {
  /** Where the appliance is, e.g. https://devforge.example.com (its /api/v1 is added). */
  baseUrl: string;
  /** An API key (dfk_…): POST /api/v1/api-keys or `devforge apikey create`. */
  apiKey: string;
  /** Another fetch (a proxy agent, tests); default: the global one. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Makes a retried generate or batch safe: the same key and body get the first answer again. */
  idempotencyKey?: string;
}

export interface ProgressEvent {
  id: string;
  status: AnimationStatus;
  progress: number;
}

export interface WaitOptions {
  signal?: AbortSignal;
  /** Each progress update while it renders (0…1). */
  onProgress?(event: ProgressEvent): void;
  /** Each status change, with the whole animation. */
  onStatus?(animation: Animation): void;
  /** How many times in a row a dropped stream is reopened before giving up; default 10. */
  reconnects?: number;
  /** Longest wait before reopening a dropped stream, in ms (the wait doubles from 500 ms); default 10 000. */
  maxBackoffMs?: number;
  /** Poll interval when the server has too many streams open (429 too-many-streams), in ms; default 2000. */
  pollMs?: number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason as Error)), { once: true });
  });

export class DevForge {
  readonly baseUrl: string;
  private readonly apiKey: string;
  private readonly fetcher: typeof fetch;

  constructor(options: ClientOptions) {
    if (!options.baseUrl) throw new TypeError('baseUrl is required: the URL of the DevForge appliance');
    if (!options.apiKey) throw new TypeError('apiKey is required: an API key (dfk_…) from POST /api/v1/api-keys or `devforge apikey create`');
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.apiKey = options.apiKey;
    this.fetcher = options.fetch ?? fetch;
  }

  private url(path: string): string {
    return `${this.baseUrl}/api/v1${path}`;
  }

  private async send(method: string, path: string, init: { body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.apiKey}`, accept: 'application/json, application/problem+json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await this.fetcher(this.url(path), { method, headers, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}), ...(init.signal ? { signal: init.signal } : {}) });
    if (!res.ok) throw await errorOf(res);
    return res;
  }

  private async json<T>(method: string, path: string, init: { body?: unknown; signal?: AbortSignal; headers?: Record<string, string> } = {}): Promise<T> {
    return (await (await this.send(method, path, init)).json()) as T;
  }

  private static idempotency(options: RequestOptions): Record<string, string> {
    return options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {};
  }

  /** Queues an animation of a description (analysed now: a description not understood is a DevForgeError not-understood with suggestions). */
  generate(request: GenerateRequest, options: RequestOptions = {}): Promise<Queued> {
    return this.json('POST', '/animations/generate', { body: request, headers: DevForge.idempotency(options), ...(options.signal ? { signal: options.signal } : {}) });
  }

  /** Queues several animations; `callback_url` gets one signed POST when all have finished. */
  batch(request: BatchRequest, options: RequestOptions = {}): Promise<BatchQueued> {
    return this.json('POST', '/animations/batch', { body: request, headers: DevForge.idempotency(options), ...(options.signal ? { signal: options.signal } : {}) });
  }

  /** A batch and each of its animations. */
  getBatch(id: string, options: { signal?: AbortSignal } = {}): Promise<Batch> {
    return this.json('GET', `/batches/${encodeURIComponent(id)}`, options);
  }

  /** One animation: status, progress, error, facts, outputs, links. */
  get(id: string, options: { signal?: AbortSignal } = {}): Promise<Animation> {
    return this.json('GET', `/animations/${encodeURIComponent(id)}`, options);
  }

  /** What a description means, without rendering: template, params, facts, confidence, suggestions. */
  analyze(request: AnalyzeRequest, options: { signal?: AbortSignal } = {}): Promise<Analysis> {
    return this.json('POST', '/analyze', { body: request, ...options });
  }

  /** Every template with its params schema, defaults and an example description. */
  async templates(options: { signal?: AbortSignal } = {}): Promise<Template[]> {
    return (await this.json<GetApiV1TemplatesResponse>('GET', '/templates', options)).templates;
  }

  /** A finished animation's file (the MP4 by default), as bytes. With S3 storage the server redirects to a presigned URL, which fetch follows. */
  async download(id: string, file: OutputFile = 'video', options: { signal?: AbortSignal } = {}): Promise<Uint8Array> {
    const path = file === 'captions' ? 'captions.vtt' : file;
    const res = await this.send('GET', `/animations/${encodeURIComponent(id)}/${path}`, { ...options, headers: { accept: '*/*' } });
    return new Uint8Array(await res.arrayBuffer());
  }

  /**
   * Waits until the animation has finished (completed, failed or cancelled) and returns it: check `status`.
   * Follows its Server-Sent Events; a dropped stream is reopened (with backoff), and since every stream
   * starts with the animation's whole current state, nothing is missed in between. When the server has too
   * many streams open it polls instead. A deleted animation is a DevForgeError not-found.
   */
  async waitFor(id: string, options: WaitOptions = {}): Promise<Animation> {
    const maxReconnects = options.reconnects ?? 10;
    let failures = 0;
    let lastId: string | undefined;
    for (;;) {
      let res: Response;
      try {
        res = await this.fetcher(this.url(`/animations/${encodeURIComponent(id)}/events`), {
          headers: { authorization: `Bearer ${this.apiKey}`, accept: 'text/event-stream', ...(lastId ? { 'last-event-id': lastId } : {}) },
          ...(options.signal ? { signal: options.signal } : {}),
        });
      } catch (err) {
        if (options.signal?.aborted || ++failures > maxReconnects) throw err;
        await sleep(Math.min(options.maxBackoffMs ?? 10_000, 500 * 2 ** (failures - 1)), options.signal);
        continue;
      }
      if (res.status === 429) {
        await res.body?.cancel();
        return this.poll(id, options);
      }
      if (res.status >= 500 && failures < maxReconnects) {
        await res.body?.cancel();
        await sleep(Math.min(options.maxBackoffMs ?? 10_000, 500 * 2 ** failures++), options.signal);
        continue;
      }
      if (!res.ok || !res.body) throw await errorOf(res);
      try {
        for await (const event of readEvents(res.body)) {
          // Ids count the events of one stream (the server does not resume from one), sent back as the standard asks.
          if (event.id) lastId = event.id;
          if (event.event === 'deleted') throw new DevForgeError({ type: `${PROBLEM_URN}not-found`, title: 'Not found', status: 404, detail: `animation ${id} was deleted while waiting for it` });
          if (event.event === 'progress') options.onProgress?.(JSON.parse(event.data) as ProgressEvent);
          if (event.event === 'status') {
            const animation = JSON.parse(event.data) as Animation;
            failures = 0;
            options.onStatus?.(animation);
            if (FINISHED.includes(animation.status)) return animation;
          }
        }
      } catch (err) {
        if (err instanceof DevForgeError || options.signal?.aborted || ++failures > maxReconnects) throw err;
      }
      // The stream ended (or broke) before the animation finished: a restart, a proxy's timeout. Open it again.
      await sleep(Math.min(options.maxBackoffMs ?? 10_000, 500 * 2 ** Math.max(0, failures - 1)), options.signal);
    }
  }

  private async poll(id: string, options: WaitOptions): Promise<Animation> {
    let status: AnimationStatus | undefined;
    for (;;) {
      const animation = await this.get(id, options.signal ? { signal: options.signal } : {});
      if (animation.status !== status) options.onStatus?.(animation);
      else options.onProgress?.({ id, status: animation.status, progress: animation.progress });
      status = animation.status;
      if (FINISHED.includes(animation.status)) return animation;
      await sleep(options.pollMs ?? 2000, options.signal);
    }
  }
}

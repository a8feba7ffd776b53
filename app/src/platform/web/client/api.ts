// The web app's one client of /api/v1: every call the screens make is a function here, typed from the
// API's schemas (api-types.ts). The session cookie goes with every call; writes carry the CSRF token the
// sign-in (or /me) returned. A problem+json answer becomes an ApiError whose message is the server's detail,
// so screens show what was wrong and how to fix it, as the API words it.
import type { AnimationList, Analysis, ApiKey, Animation, AuditEntry, Delivery, GenerateBody, License, ListQuery, Me, NewApiKey, Queued, ScenePreview, Session, Shares, Template, BrandingInput, BrandingSettings } from './api-types.ts';
import type { Batch, BatchBody, BatchCreated, LtiPlatform, LtiPlatformInput, LtiTool, SsoSettings, SsoTest, SystemReport, Usage, User } from './api-types.ts';
import type { OpenApiDocument } from './openapi.ts';

let csrfToken = '';

export interface PreviewRequest {
  description: string;
  template?: string;
  params?: Record<string, unknown>;
  duration?: number;
  captions?: 'burn_in' | 'sidecar';
  style?: string;
  voice?: string;
}

export interface Voice {
  name: string;
  description: string;
  gender: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  constructor(status: number, type: string, message: string) {
    super(message);
    this.status = status;
    this.type = type;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The raw answer (a download's body); a problem+json answer throws ApiError. A string body is sent as text/plain. */
async function fetchOk(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { accept: 'application/json', ...headers };
  if (body !== undefined) h['content-type'] = typeof body === 'string' ? 'text/plain' : 'application/json';
  if (method !== 'GET') h['x-csrf-token'] = csrfToken;
  const payload = body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) };
  const res = await fetch(`/api/v1${path}`, { method, headers: h, credentials: 'same-origin', ...payload });
  if (!res.ok) {
    const problem = (await res.json().catch(() => ({}))) as { type?: string; title?: string; detail?: string };
    throw new ApiError(res.status, problem.type ?? '', problem.detail ?? problem.title ?? `the server answered ${res.status}`);
  }
  return res;
}

async function request<T>(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetchOk(method, path, body, headers);
  if (res.status === 204) return undefined as T;
  return (await res.json().catch(() => ({}))) as T;
}

/** Saves a download the browser fetched (a POST cannot be a plain link): the file name the server gave. */
async function download(method: Method, path: string): Promise<string> {
  const res = await fetchOk(method, path);
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

function query(params: Record<string, unknown>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' ? v !== '' : typeof v === 'number') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** The message to show a person for a failed call (or anything else thrown). */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function signedIn(me: Me): Me {
  csrfToken = me.csrf_token ?? '';
  return me;
}

export const api = {
  me: () => request<Me>('GET', '/me').then(signedIn),
  login: (email: string, password: string) => request<Me>('POST', '/auth/login', { email, password }).then(signedIn),
  logout: () => request<{ end_session_url?: string } | undefined>('POST', '/auth/logout'),
  changePassword: (current: string, next: string) => request<void>('POST', '/me/password', { current_password: current, new_password: next }),
  sessions: () => request<{ sessions: Session[] }>('GET', '/me/sessions').then((r) => r.sessions),
  endSession: (id: string) => request<void>('DELETE', `/me/sessions/${id}`),
  apiKeys: () => request<{ api_keys: ApiKey[] }>('GET', '/api-keys').then((r) => r.api_keys),
  createApiKey: (name: string, role: ApiKey['role'], expiresInDays?: number) => request<NewApiKey>('POST', '/api-keys', { name, role, ...(expiresInDays ? { expires_in_days: expiresInDays } : {}) }),
  revokeApiKey: (id: string) => request<void>('DELETE', `/api-keys/${id}`),
  /** A sandbox key for the developer portal's try-it calls (watermarked, capped, counted against no quota: licensing.md). */
  createSandboxKey: (name: string, expiresInDays: number) => request<NewApiKey>('POST', '/api-keys', { name, sandbox: true, expires_in_days: expiresInDays }),
  /** The running API's own OpenAPI document (public: the developer portal's reference is drawn from it). */
  openapi: () => request<OpenApiDocument>('GET', '/openapi.json'),

  templates: () => request<{ templates: Template[] }>('GET', '/templates').then((r) => r.templates),
  analyze: (description: string) => request<Analysis>('POST', '/analyze', { description }),
  preview: (body: PreviewRequest) => request<ScenePreview>('POST', '/scenes/preview', { ...body, quality: '720p' }),
  /** The preview's voice-over: the same body as `preview`, with a voice; a WAV as long as that scene. */
  narration: (body: PreviewRequest) => fetchOk('POST', '/scenes/preview/narration', { ...body, quality: '720p' }).then((res) => res.blob()),
  voices: () => request<{ voices: Voice[]; unavailable?: string }>('GET', '/voices'),
  /** One Idempotency-Key per intended export: a second click, or a retry after a lost answer, gets the first render, not a duplicate. */
  generate: (body: GenerateBody, idempotencyKey: string) => request<Queued>('POST', '/animations/generate', body, { 'idempotency-key': idempotencyKey }),

  animations: (q: ListQuery) => request<AnimationList>('GET', `/animations${query(q)}`),
  animation: (id: string) => request<Animation>('GET', `/animations/${id}`),
  deleteAnimation: (id: string) => request<void>('DELETE', `/animations/${id}`),
  cancel: (id: string) => request<Animation>('POST', `/animations/${id}/cancel`),
  rerender: (id: string) => request<Animation>('POST', `/animations/${id}/rerender`),
  rename: (id: string, title: string | null) => request<Animation>('PUT', `/animations/${id}/title`, { title }),
  shares: (id: string) => request<Shares>('GET', `/animations/${id}/shares`),
  share: (id: string, to: { user: string } | { group: string }, access: 'read' | 'write') => request<Shares>('PUT', `/animations/${id}/shares`, { ...to, access }),
  unshare: (id: string, from: { user: string } | { group: string }) => request<void>('DELETE', `/animations/${id}/shares${query(from)}`),
  setOrgVisible: (id: string, orgVisible: boolean) => request<Animation>('PATCH', `/animations/${id}`, { org_visible: orgVisible }),
  deliveries: (animationId: string) => request<{ deliveries: Delivery[] }>('GET', `/webhooks/deliveries${query({ animation_id: animationId })}`).then((r) => r.deliveries),
  auditOf: (animationId: string) => request<{ entries: AuditEntry[] }>('GET', `/audit${query({ target_type: 'animation', target_id: animationId, limit: 100 })}`).then((r) => r.entries),

  license: () => request<License>('GET', '/license'),
  branding: () => request<unknown>('GET', '/branding'),

  // The admin console.
  users: () => request<{ users: User[] }>('GET', '/users').then((r) => r.users),
  createUser: (body: { email: string; name?: string; role: User['role']; password: string }) => request<User>('POST', '/users', body),
  updateUser: (id: string, changes: { name?: string; role?: User['role']; disabled?: boolean; password?: string }) => request<User>('PATCH', `/users/${id}`, changes),
  endUserSessions: (id: string) => request<{ sessions_ended: number }>('DELETE', `/users/${id}/sessions`),
  allApiKeys: () => request<{ api_keys: ApiKey[] }>('GET', '/api-keys?owner=all').then((r) => r.api_keys),
  allDeliveries: (status?: Delivery['status']) => request<{ deliveries: Delivery[] }>('GET', `/webhooks/deliveries${query({ status: status ?? '', limit: 100 })}`).then((r) => r.deliveries),
  redeliver: (id: string) => request<Delivery>('POST', `/webhooks/deliveries/${id}/redeliver`),
  signingSecret: () => request<{ secret: string; previous_valid_until: string | null; header: string }>('GET', '/webhooks/signing-secret'),
  rotateSigningSecret: (overlapHours: number) => request<{ secret: string; previous_valid_until: string | null; header: string }>('POST', `/webhooks/signing-secret/rotate?overlap_hours=${overlapHours}`),
  installLicense: (text: string) => request<License>('PUT', '/license', text),
  renewalRequest: () => download('POST', '/license/renewal-request'),
  usage: (month?: string) => request<Usage>('GET', `/usage${query({ month: month ?? '' })}`),
  audit: (filters: AuditFilters, cursor?: string) => request<{ entries: AuditEntry[]; next_cursor: string | null }>('GET', `/audit${query({ ...filters, limit: 50, cursor: cursor ?? '' })}`),
  system: () => request<SystemReport>('GET', '/system'),
  sso: () => request<SsoSettings>('GET', '/sso'),
  ssoTest: () => request<SsoTest>('POST', '/sso/test'),
  ltiPlatforms: () => request<{ platforms: LtiPlatform[] }>('GET', '/lti/platforms').then((r) => r.platforms),
  addLtiPlatform: (body: LtiPlatformInput) => request<LtiPlatform>('POST', '/lti/platforms', body),
  removeLtiPlatform: (id: string) => request<void>('DELETE', `/lti/platforms/${id}`),
  ltiTool: () => request<LtiTool>('GET', '/lti/tool'),
  rotateLtiKey: () => request<{ kid: string; retiring: string[]; overlap_hours: number }>('POST', '/lti/tool/keys/rotate'),
  createBatch: (body: BatchBody, idempotencyKey: string) => request<BatchCreated>('POST', '/animations/batch', body, { 'idempotency-key': idempotencyKey }),
  batch: (id: string) => request<Batch>('GET', `/batches/${id}`),
  /** What the signed-out pages draw (no credentials): a white-labelled sign-in page shows no DevForge. */
  publicBranding: () => request<unknown>('GET', '/branding/public'),
  brandingSettings: () => request<BrandingSettings>('GET', '/branding'),
  saveBranding: (settings: BrandingInput) => request<BrandingSettings>('PUT', '/branding', settings),
};

/** The audit log's filters, as GET /audit and /audit/export take them. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** Links for the admin console's downloads (plain GETs: the browser sends the session cookie). */
export const downloads = {
  usageCsv: (month: string) => `/api/v1/usage.csv${query({ month })}`,
  auditExport: (filters: AuditFilters, format: 'csv' | 'jsonl') => `/api/v1/audit/export${query({ ...filters, format })}`,
};

/** The URLs of an animation's files; `download` asks for an attachment (the server names it after the description). */
export const files = {
  video: (id: string, download = false) => `/api/v1/animations/${id}/video${download ? '?download=1' : ''}`,
  poster: (id: string, download = false) => `/api/v1/animations/${id}/poster${download ? '?download=1' : ''}`,
  captions: (id: string, download = false) => `/api/v1/animations/${id}/captions.vtt${download ? '?download=1' : ''}`,
  events: (id: string) => `/api/v1/animations/${id}/events`,
};

/** What a try-it call got back, as the developer portal shows it. */
export interface TryItResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  contentType: string;
  /** The body as text (JSON pretty-printed); a binary body is described, not shown. */
  body: string;
}

/**
 * The developer portal's "Try it": one request to the API exactly as a program would send it, with the
 * given API key as its only credential. `credentials: 'omit'` keeps the session cookie off it, so the call
 * shows what the key (a sandbox key) may do, not what the signed-in person may; without a key the API's own
 * 401 problem is what comes back. Any answer, error or not, is returned for showing, never thrown.
 */
export async function tryRequest(method: string, url: string, apiKey: string, body?: { type: string; text: string }): Promise<TryItResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  if (body) headers['content-type'] = body.type;
  const res = await fetch(url, { method: method.toUpperCase(), headers, credentials: 'omit', cache: 'no-store', ...(body ? { body: body.text } : {}) });
  const contentType = res.headers.get('content-type') ?? '';
  let text: string;
  if (contentType.startsWith('text/event-stream')) text = await firstEvents(res);
  else if (/json/.test(contentType)) {
    const raw = await res.text();
    try {
      text = JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      text = raw;
    }
  } else if (/^text\/|xml|javascript|csv/.test(contentType) || contentType === '') text = await res.text();
  else text = `(${(await res.arrayBuffer()).byteLength} bytes of ${contentType})`;
  return { status: res.status, statusText: res.statusText, headers: [...res.headers.entries()], contentType, body: text };
}

/** A Server-Sent Events stream never ends on its own: the try-it shows what its first chunk carried, then closes it. */
async function firstEvents(res: Response): Promise<string> {
  const reader = res.body?.getReader();
  if (!reader) return '';
  const { value } = await reader.read();
  await reader.cancel();
  return `(a Server-Sent Events stream, closed after its first events)\n${new TextDecoder().decode(value ?? new Uint8Array())}`;
}

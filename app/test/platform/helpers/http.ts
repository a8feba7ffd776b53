// Plain fetch helpers for talking to a test server as a client would.
export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
  key?: string;
  body?: unknown;
  /** Sent as is (for malformed bodies). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
}

export async function call(base: string, method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let body: string | Uint8Array | undefined;
  if (opts.raw !== undefined) body = opts.raw;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body: body as BodyInit } : {}), redirect: 'manual' });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface SseEvent {
  event: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Reads an animation's event stream until the server ends it (the animation finished). */
export async function followEvents(base: string, id: string, key: string, onEvent?: (e: SseEvent) => void, timeoutMs = 170_000): Promise<SseEvent[]> {
  const res = await fetch(`${base}/api/v1/animations/${id}/events`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(timeoutMs) });
  if (res.status !== 200) throw new Error(`events: HTTP ${res.status} ${await res.text()}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let cut;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!event || data === undefined) continue;
      const e = { event, data: JSON.parse(data) };
      events.push(e);
      onEvent?.(e);
    }
  }
  return events;
}

/**
 * Calls until `done` holds for the reply (or `timeoutMs` passes, then returns the last reply): for
 * state the server records just after the event a test saw, e.g. a delivery logged after its response.
 */
export async function callUntil(base: string, method: string, path: string, opts: CallOptions, done: (reply: Reply) => boolean, timeoutMs = 10_000): Promise<Reply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reply = await call(base, method, path, opts);
    if (done(reply) || Date.now() > deadline) return reply;
    await new Promise((r) => setTimeout(r, 100));
  }
}

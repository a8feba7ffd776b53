// The renderer's loopback HTTP server: serves the page, the player bundle and the fonts, hands each
// job its input, and takes the frames the page sends back (binary bodies, in order, with backpressure).
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { playerBundle } from './bundle.ts';
import { BATCH_HEADER, batchSpan, parseBatch, type BatchEntry } from '../player/drivers/frame-batch.ts';
import { BufferPool } from './buffer-pool.ts';
import { fontCss, fontFile, fontLinks } from './fonts.ts';

export interface FrameJob {
  /** JSON the page fetches to set itself up (scene, assets, options). */
  input: unknown;
  /**
   * Frame `index` (RGBA or YUV bytes, as the job asked), or only the changed rectangles of it, their
   * pixels one after the other. Called in frame order. `pixels` is reused once the promise settles.
   */
  onFrame(index: number, pixels: Buffer, rects?: { x: number; y: number; width: number; height: number }[]): Promise<void>;
  /** Frames index .. index + count - 1 equal the last frame sent. Called in frame order. */
  onRepeat(index: number, count: number): Promise<void>;
  /** The poster frame as RGBA, bottom row first. */
  onPoster(pixels: Buffer): Promise<void>;
}

// The page may talk to this server only; it loads nothing else, and runs no inline script.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data: blob:; media-src 'self'; connect-src 'self'";

export function renderPageHtml(): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>DevForge renderer</title>
${fontLinks()}
<link rel="stylesheet" href="/page.css">
</head><body><canvas id="stage"></canvas><script src="/player.js"></script></body></html>`;
}

/** The realtime preview page; the player mounts itself from `dataUrl`. */
export function previewPageHtml(dataUrl: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>DevForge preview</title>
${fontLinks()}
<link rel="stylesheet" href="/preview.css">
</head><body data-preview-src="${dataUrl}"><main id="preview">Loading…</main><script src="/player.js"></script></body></html>`;
}

export const PAGE_SECURITY_HEADERS = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

const PAGE_CSS = 'html,body{margin:0;background:#000;overflow:hidden}canvas{display:block}';
const PREVIEW_CSS = 'html,body{margin:0;background:#0b1020;color:#e2e8f0}main{max-width:1280px;margin:24px auto;padding:0 16px;font:16px Inter,sans-serif}';

/** Delivers a job's frames to it strictly in order, whatever order the requests arrive in. */
class OrderedJob {
  private next = 0;
  private readonly waiting = new Map<number, { run: () => Promise<void>; done: (err?: unknown) => void }>();
  readonly job: FrameJob;
  constructor(job: FrameJob, firstFrame: number) {
    this.job = job;
    this.next = firstFrame;
  }

  submit(index: number, span: number, run: () => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.set(index, {
        run: async () => {
          await run();
          this.next = index + span;
        },
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on, unchanged, whatever run() threw
        done: (err) => (err ? reject(err) : resolve()),
      });
      void this.drain();
    });
  }

  private draining = false;
  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      for (let item = this.waiting.get(this.next); item; item = this.waiting.get(this.next)) {
        this.waiting.delete(this.next);
        try {
          await item.run();
          item.done();
        } catch (err) {
          item.done(err);
          return;
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

/** The request body; frame bodies (which declare their length) go into a buffer from `pool`. */
async function readBody(req: IncomingMessage, pool?: BufferPool): Promise<Buffer> {
  const length = Number(req.headers['content-length'] ?? 0);
  if (length > 0) {
    const body = pool ? pool.take(length) : Buffer.allocUnsafe(length);
    let offset = 0;
    for await (const chunk of req) {
      const c = chunk as Buffer;
      if (offset + c.length > length) throw new Error(`request body is longer than its content-length (${length})`);
      c.copy(body, offset);
      offset += c.length;
    }
    return body.subarray(0, offset);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export class PageServer {
  private server: Server | undefined;
  private readonly jobs = new Map<string, OrderedJob>();
  /** Frame bodies, reused across requests and jobs. */
  private readonly bodies = new BufferPool();
  private port = 0;
  /** Extra GET routes (the preview page adds its own). */
  private readonly routes = new Map<string, (res: ServerResponse) => void | Promise<void>>();

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Adds a GET route (the preview command serves its page and data this way). */
  route(path: string, handler: (res: ServerResponse) => void | Promise<void>): void {
    this.routes.set(path, handler);
  }

  private starting: Promise<void> | undefined;

  /** Starts listening; calls while it starts, or after, share the one server. */
  start(port = 0, host = '127.0.0.1'): Promise<void> {
    this.starting ??= this.listen(port, host).catch((err: unknown) => {
      this.starting = undefined;
      throw err;
    });
    return this.starting;
  }

  private async listen(port: number, host: string): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((err: Error) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(err.message);
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  registerJob(job: FrameJob, firstFrame = 0): string {
    const id = randomUUID();
    this.jobs.set(id, new OrderedJob(job, firstFrame));
    return id;
  }

  unregisterJob(id: string): void {
    this.jobs.delete(id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    if (req.method === 'GET') return this.handleGet(path, res);
    const poster = /^\/jobs\/([0-9a-f-]{36})\/poster$/.exec(path);
    if (req.method === 'POST' && poster) {
      const job = this.jobs.get(poster[1]!);
      if (!job) {
        res.writeHead(410).end('job is gone');
        return;
      }
      await job.job.onPoster(await readBody(req));
      res.writeHead(204).end();
      return;
    }
    const m = /^\/jobs\/([0-9a-f-]{36})\/frames$/.exec(path);
    if (req.method !== 'POST' || !m) {
      res.writeHead(404).end('not found');
      return;
    }
    const job = this.jobs.get(m[1]!);
    if (!job) {
      res.writeHead(410).end('job is gone');
      return;
    }
    const body = await readBody(req, this.bodies);
    try {
      let entries: BatchEntry[];
      try {
        entries = parseBatch(req.headers[BATCH_HEADER] as string | undefined, body.length);
      } catch (err) {
        res.writeHead(400, { 'content-type': 'text/plain' }).end((err as Error).message);
        return;
      }
      const { first, span } = batchSpan(entries);
      await job.submit(first, span, async () => {
        let offset = 0;
        for (const e of entries) {
          if (e.kind === 'repeat') await job.job.onRepeat(e.index, e.count);
          else {
            await job.job.onFrame(e.index, body.subarray(offset, offset + e.bytes), e.rects);
            offset += e.bytes;
          }
        }
      });
      res.writeHead(204).end();
    } catch (err) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end((err as Error).message);
    } finally {
      this.bodies.give(body);
    }
  }

  private async handleGet(path: string, res: ServerResponse): Promise<void> {
    const custom = this.routes.get(path);
    if (custom) return custom(res);
    // Full Chromium asks every page for a favicon; a 404 would be reported as a page error on every render.
    if (path === '/favicon.ico') {
      res.writeHead(204, { 'cache-control': 'max-age=86400' }).end();
      return;
    }
    if (path === '/render.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP });
      res.end(renderPageHtml());
      return;
    }
    if (path === '/page.css' || path === '/preview.css') {
      res.writeHead(200, { 'content-type': 'text/css' }).end(path === '/page.css' ? PAGE_CSS : PREVIEW_CSS);
      return;
    }
    if (path === '/player.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(await playerBundle());
      return;
    }
    const input = /^\/jobs\/([0-9a-f-]{36})\/input$/.exec(path);
    if (input) {
      const job = this.jobs.get(input[1]!);
      if (!job) {
        res.writeHead(410).end('job is gone');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(job.job.input));
      return;
    }
    const font = /^\/fonts\/([a-z-]+)\/(.+)$/.exec(path);
    const file = font ? fontFile(font[1]!, font[2]!) : undefined;
    if (file) {
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'font/woff2', 'cache-control': 'max-age=86400' });
      if (file.endsWith('.css')) res.end(fontCss(font![1]!, file));
      else createReadStream(file).pipe(res);
      return;
    }
    res.writeHead(404).end('not found');
  }

  async close(): Promise<void> {
    await this.starting?.catch(() => {});
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

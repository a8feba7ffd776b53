// Reads a JSON (or plain-text: a license file) request body with a size limit, without a body-parser dependency. The limit is checked
// against Content-Length before reading and again while reading (chunked bodies).
import type { Context } from 'koa';
import { Problem } from './problems.ts';

async function readLimited(ctx: Context, limit: number): Promise<Buffer> {
  const declared = Number(ctx.get('content-length') || NaN);
  const tooLarge = () => {
    ctx.set('connection', 'close');
    return new Problem('payload-too-large', `the body limit is ${limit} bytes (server.bodyLimitBytes)`, { limit_bytes: limit });
  };
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      throw tooLarge();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export async function readJsonBody(ctx: Context, limit: number): Promise<unknown> {
  const raw = await readLimited(ctx, limit);
  if (raw.length === 0) return undefined;
  if (!ctx.is('application/json', '+json')) throw new Problem('unsupported-media-type', `got ${ctx.get('content-type') || 'no Content-Type'}`);
  const text = raw.toString('utf8');
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Problem('malformed-json', (err as Error).message);
  }
}

/** A plain-text body (a license file), as UTF-8; empty when none was sent. */
export async function readTextBody(ctx: Context, limit: number): Promise<string> {
  return (await readLimited(ctx, limit)).toString('utf8');
}

// The Idempotency-Key header of generate and batch (draft-ietf-httpapi-idempotency-key-header-07): a
// client that retries a POST after a lost answer sends the same key, and gets the first answer again
// (with Idempotent-Replayed: true) instead of a second animation. The same key with a different body is
// 422; while the first request is still being processed, a duplicate gets 409 with Retry-After. The
// records themselves are the domain's (domain/commands/idempotency.ts), kept limits.idempotencyHours.
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import type { Principal } from '../auth/principal.ts';
import { answerIdempotencyKey, claimIdempotencyKey, releaseIdempotencyKey } from '../domain/commands/idempotency.ts';
import type { ApiServices } from '../services.ts';
import { Problem } from './problems.ts';

const HEADER = 'idempotency-key';
/** Printable ASCII, as a bare token or a Structured Fields string ("…"). */
const KEY = /^[\x21-\x7e]{1,255}$/;

/** The key sent, without the quotes of its Structured Fields form; undefined when none was sent. */
function keyOf(ctx: Context): string | undefined {
  const raw = ctx.get(HEADER).trim();
  if (!raw) return undefined;
  const key = raw.startsWith('"') && raw.endsWith('"') && raw.length > 2 ? raw.slice(1, -1) : raw;
  if (!KEY.test(key) || key.includes('"')) throw new Problem('bad-request', `the Idempotency-Key header must be 1 to 255 printable ASCII characters (a UUID is a good key); got ${JSON.stringify(raw.slice(0, 60))}`);
  return key;
}

/** JSON with object keys sorted, so the same body sent with its fields in another order is the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * Runs `handle` once per key: the first request with a key runs it and its answer is stored; a retry with the
 * same key and body gets that answer replayed. Without the header, `handle` just runs.
 */
export async function idempotent(ctx: Context, s: Pick<ApiServices, 'db' | 'config'>, principal: Principal, body: unknown, handle: () => Promise<void>): Promise<void> {
  const key = keyOf(ctx);
  if (key === undefined) return handle();
  const req = {
    scope: `user:${principal.userId}`,
    key,
    fingerprint: createHash('sha256')
      .update(`${ctx.method} ${ctx.path}\n${canonical(body)}`)
      .digest('hex'),
    ttlHours: s.config.limits.idempotencyHours,
  };
  const claim = await claimIdempotencyKey(s.db, req);
  if (claim.kind === 'replay') {
    ctx.status = claim.answer.status;
    ctx.body = claim.answer.body;
    if (claim.answer.location) ctx.set('location', claim.answer.location);
    ctx.set('idempotent-replayed', 'true');
    return;
  }
  try {
    await handle();
  } catch (err) {
    await releaseIdempotencyKey(s.db, req).catch(() => {});
    throw err;
  }
  await answerIdempotencyKey(s.db, req, { status: ctx.status, body: ctx.body, location: ctx.response.get('location') || null });
}

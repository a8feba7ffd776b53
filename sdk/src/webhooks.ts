// Checking a DevForge webhook's signature, the same algorithm as the server's (DevForge-Signature:
// t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>, one v1 per secret while a rotated
// secret overlaps): recompute over the raw body, compare in constant time, refuse an old timestamp.
// WebCrypto only, so it runs wherever fetch does.

export interface VerifyOptions {
  /** Oldest (or furthest in the future) a timestamp may be, in seconds; default 300. */
  toleranceS?: number;
  /** Now, in unix seconds (tests). */
  now?: number;
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Constant-time for strings of the same length (the length of a hex HMAC is no secret). */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * True when the DevForge-Signature header `signature` was made with `secret` over exactly `body` (the raw
 * request body, as received, not re-serialised JSON) and its timestamp is within the tolerance.
 */
export async function verifyWebhook(signature: string, body: string, secret: string, options: VerifyOptions = {}): Promise<boolean> {
  const parts = signature.split(',').map((p) => p.trim().split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(t) || Math.abs(now - t) > (options.toleranceS ?? 300)) return false;
  const expected = await hmacHex(secret, `${t}.${body}`);
  let match = false;
  for (const [k, v] of parts) if (k === 'v1' && v && sameText(expected, v)) match = true;
  return match;
}

// Random secrets (API keys, session tokens) and the one-way hashes we store instead of them.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const API_KEY_PREFIX = 'dfk_';
/** Publishable keys (the widget's, written into web pages) look different, so nobody mistakes one for the other. */
export const PUBLISHABLE_KEY_PREFIX = 'dfp_';

export function newApiKey(kind: 'secret' | 'publishable' = 'secret'): { key: string; prefix: string } {
  const start = kind === 'publishable' ? PUBLISHABLE_KEY_PREFIX : API_KEY_PREFIX;
  const key = start + randomBytes(32).toString('base64url');
  return { key, prefix: key.slice(0, start.length + 8) };
}

/** Whether a bearer token looks like one of our API keys (either kind). */
export function isApiKeyToken(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX) || token.startsWith(PUBLISHABLE_KEY_PREFIX);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 is enough for 256-bit random secrets (no guessing to slow down, unlike passwords). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

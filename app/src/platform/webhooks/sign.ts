// Webhook signatures. Header: DevForge-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>.
// A receiver recomputes the HMAC over the timestamp, a dot and the raw body, compares in constant
// time, and rejects timestamps older than a few minutes (replays). While a rotated secret overlaps
// (webhooks.secretOverlapHours) the header carries one v1 per secret, the new one first: a receiver
// accepts the delivery when any v1 matches the secret it holds, so it can switch at any time in the window.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'DevForge-Signature';

const mac = (secret: string, timestamp: number, body: string) => createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/** The header value, signed with each secret given (current first, then one still in its overlap). */
export function signPayload(secrets: string | readonly string[], body: string, timestamp = Math.floor(Date.now() / 1000)): string {
  const list = typeof secrets === 'string' ? [secrets] : secrets;
  return [`t=${timestamp}`, ...list.map((secret) => `v1=${mac(secret, timestamp, body)}`)].join(',');
}

/** For receivers (and tests): true when a v1 in the header matches the body and it is at most `toleranceS` old. */
export function verifySignature(secret: string, body: string, header: string, toleranceS = 300, now = Math.floor(Date.now() / 1000)): boolean {
  const parts = header.split(',').map((p) => p.split('=', 2) as [string, string | undefined]);
  const t = Number(parts.find(([k]) => k === 't')?.[1]);
  if (!Number.isInteger(t) || Math.abs(now - t) > toleranceS) return false;
  const expected = Buffer.from(mac(secret, t, body));
  return parts
    .filter(([k, v]) => k === 'v1' && v)
    .some(([, v]) => {
      const given = Buffer.from(v!);
      return expected.length === given.length && timingSafeEqual(expected, given);
    });
}

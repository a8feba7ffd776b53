// The two chat services' request signatures, checked over the raw body before anything in it is read.
// Slack: X-Slack-Signature: v0=<hex HMAC-SHA256(signing secret, "v0:<X-Slack-Request-Timestamp>:<body>")>,
// refused outside a 5-minute window. Teams (outgoing webhooks): Authorization: HMAC <base64 HMAC-SHA256(
// base64-decoded security token, body)>. Both compared in constant time; each refusal says why.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/tokens.ts';

export const SIGNATURE_WINDOW_S = 300;

export type Verdict = { ok: true } | { ok: false; reason: string };

export function slackSignature(secret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export function verifySlack(secret: string, timestamp: string | undefined, signature: string | undefined, body: string, now = Math.floor(Date.now() / 1000)): Verdict {
  if (!timestamp || !signature) return { ok: false, reason: 'the request has no X-Slack-Request-Timestamp or X-Slack-Signature header: only Slack may call this' };
  const t = Number(timestamp);
  if (!/^\d+$/.test(timestamp) || Math.abs(now - t) > SIGNATURE_WINDOW_S)
    return { ok: false, reason: `X-Slack-Request-Timestamp is more than ${SIGNATURE_WINDOW_S / 60} minutes from this server's clock: a stale or replayed request (or a clock out of sync: check NTP)` };
  if (!safeEqual(slackSignature(secret, timestamp, body), signature)) return { ok: false, reason: 'X-Slack-Signature does not match the body: the request was not signed with integrations.slack.signingSecret' };
  return { ok: true };
}

export function teamsSignature(token: string, body: Buffer | string): string {
  return createHmac('sha256', Buffer.from(token, 'base64')).update(body).digest('base64');
}

export function verifyTeams(token: string, authorization: string | undefined, body: Buffer): Verdict {
  const given = /^HMAC\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!given) return { ok: false, reason: 'the request has no "Authorization: HMAC <signature>" header: only the Teams outgoing webhook may call this' };
  if (!safeEqual(teamsSignature(token, body), given)) return { ok: false, reason: 'the HMAC in Authorization does not match the body: the request was not signed with integrations.teams.securityToken' };
  return { ok: true };
}

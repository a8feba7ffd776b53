// One webhook attempt: a signed JSON POST whose connection may only go to addresses the policy allows
// (checked in the DNS lookup the request itself uses, so there is no gap between check and connect).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { WebhookFailure } from '../domain/failures.ts';
import type { WebhookPolicy } from './policy.ts';
import { SIGNATURE_HEADER, signPayload } from './sign.ts';

export interface AttemptResult {
  statusCode: number | null;
  /** Why the attempt failed (null: delivered), classified: permanent failures are not retried. */
  failure: WebhookFailure | null;
  durationMs: number;
}

/**
 * What users read when the receiver gave no HTTP answer. One text for a refused connection, a reset, a
 * non-HTTP service and a timeout alike: telling those apart would turn webhooks into a port scanner.
 * The real reason is the failure's `cause`, which goes to the server log only.
 */
export const UNREACHABLE = 'the receiver could not be reached (no HTTP answer within webhooks.timeoutMs; the server log says why)';

/** A failed connection, classified: what the policy refused keeps its class, the rest is transient. */
function connectionFailure(err: Error): WebhookFailure {
  if (err instanceof WebhookFailure && err.code !== 'timeout') return err;
  const code = (err as { code?: string }).code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new WebhookFailure('host-unresolvable', "the receiver's host name does not resolve", { cause: err });
  return new WebhookFailure(err instanceof WebhookFailure ? err.code : 'connection-failed', UNREACHABLE, { cause: err });
}

export interface WebhookRequest {
  url: string;
  body: string;
  /** The signing secret, then the previous one while it is still in its rotation overlap. */
  secrets: readonly string[];
  event: string;
  deliveryId: string;
  attempt: number;
  timeoutMs: number;
}

export function sendWebhook(policy: WebhookPolicy, req: WebhookRequest): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = policy.checkUrl(req.url);
    } catch (err) {
      resolve({ statusCode: null, failure: connectionFailure(err as Error), durationMs: elapsed() });
      return;
    }
    const guardedLookup = (hostname: string, options: object, callback: (err: Error | null, address: string | LookupAddress[], family?: number) => void) => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, []);
        try {
          for (const a of addresses) policy.checkAddress(a.address, hostname);
        } catch (denied) {
          return callback(denied as Error, []);
        }
        const all = (options as { all?: boolean }).all;
        if (all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
    const client = url.protocol === 'https:' ? https : http;
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup: guardedLookup as never,
        timeout: req.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(req.body),
          'user-agent': 'DevForge-Webhooks/1',
          [SIGNATURE_HEADER]: signPayload(req.secrets, req.body),
          'DevForge-Event': req.event,
          'DevForge-Delivery': req.deliveryId,
          'DevForge-Attempt': String(req.attempt),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
          resolve({ statusCode: res.statusCode ?? null, failure: ok ? null : new WebhookFailure('http-status', `the receiver answered HTTP ${res.statusCode}`), durationMs: elapsed() });
        });
      },
    );
    request.on('timeout', () => request.destroy(new WebhookFailure('timeout', `no answer within ${req.timeoutMs} ms`)));
    request.on('error', (err) => resolve({ statusCode: null, failure: connectionFailure(err), durationMs: elapsed() }));
    request.end(req.body);
  });
}

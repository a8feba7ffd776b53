// What the HTTP side of a running platform is handed: explicit, built once in main.ts, no globals.
import type { Context } from 'koa';
import type { DevforgeConfig } from '../config/schema.ts';
import type { AuthChain } from './auth/chain.ts';
import type { IdentityProvider } from './auth/oidc/identity-provider.ts';
import type { AnimationDeps } from './domain/commands/animations/deps.ts';
import type { ApiCallMeter } from './domain/commands/usage/api-call-meter.ts';
import type { ApiCallQuota } from './domain/license/api-call-quota.ts';
import type { PasswordGuard } from './domain/ports.ts';
import type { AnimationEvents } from './events/animation-events.ts';
import type { Logger } from './log.ts';
import type { JobQueue } from './queue/boss.ts';
import type { RateLimits } from './ratelimit/limiters.ts';
import type { Metrics } from './server/metrics.ts';
import type { SecretBox } from './secrets/secret-box.ts';
import type { ReadinessCheck } from './server/health.ts';
import type { ObjectStorage } from './storage/storage.ts';
import type { WebhookPolicy } from './webhooks/policy.ts';

export interface ApiServices extends AnimationDeps {
  config: DevforgeConfig;
  queue: JobQueue;
  webhooks: WebhookPolicy;
  storage: ObjectStorage;
  auth: AuthChain;
  events: AnimationEvents;
  metrics: Metrics;
  log: Logger;
  /** The shared rate-limit budgets (rate_limits table), counted by the routes' rate-limit step. */
  limits: RateLimits;
  /** The account lockout every password check of the domain runs under. */
  passwords: PasswordGuard;
  readiness: ReadinessCheck[];
  /** Seals and opens the secrets DevForge stores (webhook signing secrets), with the master key. */
  secrets: SecretBox;
  /** Counts API calls per user, key and hour for the usage report (absent in a worker-role process). */
  apiCalls?: ApiCallMeter;
  /** Enforces api_calls_per_month from a cached count (absent in a worker-role process). */
  apiQuota?: ApiCallQuota;
  /** The identity provider, when single sign-on is configured (auth.oidc.issuer). */
  oidc?: IdentityProvider;
}

/**
 * Absolute base URL for links in responses: server.publicUrl, else what the client used (behind a
 * trusted proxy, Koa reads the protocol and host from X-Forwarded-Proto and X-Forwarded-Host).
 */
export function baseUrl(ctx: Context, config: DevforgeConfig): string {
  return config.server.publicUrl.replace(/\/$/, '') || `${ctx.protocol}://${ctx.host}`;
}

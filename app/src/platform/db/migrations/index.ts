// Migrations in order. Add new ones at the end; never edit one that has shipped.
import { InitialSchema1764230400000 } from './1764230400000-initial-schema.ts';
import { AuditLog1764900000001 } from './1764900000001-audit-log.ts';
import { RateLimits1764900000002 } from './1764900000002-rate-limits.ts';
import { OidcIdentities1764900000003 } from './1764900000003-oidc-identities.ts';
import { Sharing1764900000004 } from './1764900000004-sharing.ts';
import { KeyScopesSessions1764900000005 } from './1764900000005-key-scopes-sessions.ts';
import { SealedSecrets1764900000007 } from './1764900000007-sealed-secrets.ts';
import { IdempotencyKeys1764900000008 } from './1764900000008-idempotency-keys.ts';
import { Licensing1764900000009 } from './1764900000009-licensing.ts';
import { Metering1764900000010 } from './1764900000010-metering.ts';
import { SealedSettings1764900000011 } from './1764900000011-sealed-settings.ts';
import { SandboxAndApiQuota1764900000012 } from './1764900000012-sandbox-and-api-quota.ts';
import { WorkerSeatsBranding1764900000013 } from './1764900000013-worker-seats-branding.ts';
import { RenderingOn1764900000014 } from './1764900000014-rendering-on.ts';
import { PublishableKeys1764900000016 } from './1764900000016-publishable-keys.ts';
import { AnimationTitles1764900000018 } from './1764900000018-animation-titles.ts';
import { ChatIntegrations1764900000019 } from './1764900000019-chat-integrations.ts';
import { Lti1764900000020 } from './1764900000020-lti.ts';
import { RenderSegments1764900000021 } from './1764900000021-render-segments.ts';

export const MIGRATIONS = [
  InitialSchema1764230400000,
  AuditLog1764900000001,
  RateLimits1764900000002,
  OidcIdentities1764900000003,
  Sharing1764900000004,
  KeyScopesSessions1764900000005,
  SealedSecrets1764900000007,
  IdempotencyKeys1764900000008,
  Licensing1764900000009,
  Metering1764900000010,
  SealedSettings1764900000011,
  SandboxAndApiQuota1764900000012,
  WorkerSeatsBranding1764900000013,
  RenderingOn1764900000014,
  PublishableKeys1764900000016,
  AnimationTitles1764900000018,
  ChatIntegrations1764900000019,
  Lti1764900000020,
  RenderSegments1764900000021,
];

// A key for programs: only its SHA-256 is stored; the key itself is shown once, at creation.
import { EntitySchema } from 'typeorm';
import { createdAt, text, timestamp, uuidPrimary } from './columns.ts';
import type { Scope } from '../../auth/scopes.ts';
import type { Role } from './user.ts';

/** secret: dfk_…, for servers; publishable: dfp_…, for web pages (the widget), usable only from its allowed origins. */
export type ApiKeyKind = 'secret' | 'publishable';

export interface ApiKey {
  id: string;
  userId: string;
  name: string;
  /** A key acts with this role, never more than its owner's. */
  role: Role;
  /** What the key may be used for (auth/scopes.ts), within its role. */
  scopes: Scope[];
  /** The first characters of the key, to recognise it in lists. */
  prefix: string;
  keyHash: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
  /** A sandbox key: its renders are watermarked SANDBOX, capped (720p, a short duration) and never count against quotas. */
  sandbox: boolean;
  kind: ApiKeyKind;
  /** A publishable key's web origins (scheme://host[:port], normalised); none for secret keys. */
  allowedOrigins: string[];
}

export const ApiKeyEntity = new EntitySchema<ApiKey>({
  name: 'ApiKey',
  tableName: 'api_keys',
  columns: {
    id: uuidPrimary,
    userId: { type: 'uuid', name: 'user_id' },
    name: text('name'),
    role: text('role'),
    scopes: { type: 'text', array: true, name: 'scopes' },
    prefix: text('prefix'),
    keyHash: text('key_hash'),
    createdAt,
    lastUsedAt: timestamp('last_used_at', true),
    expiresAt: timestamp('expires_at', true),
    revokedAt: timestamp('revoked_at', true),
    sandbox: { type: 'boolean', name: 'sandbox', default: false },
    kind: { type: 'text', name: 'kind', default: 'secret' },
    allowedOrigins: { type: 'text', array: true, name: 'allowed_origins', default: () => "'{}'" },
  },
});

// A person or program owner: local password (scrypt) or, later, an SSO identity.
import { EntitySchema } from 'typeorm';
import { createdAt, text, timestamp, updatedAt, uuidPrimary } from './columns.ts';

export const ROLES = ['admin', 'editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** scrypt$N$r$p$salt$hash; null for accounts that only sign in through SSO. */
  passwordHash: string | null;
  disabled: boolean;
  /** Signs this user's webhooks (HMAC-SHA256), sealed with the master key; null until first needed. Read it through secrets/webhook-secrets.ts. */
  webhookSecret: string | null;
  /** The secret before the last rotation: deliveries carry its signature too until webhookSecretPreviousUntil. */
  webhookSecretPrevious: string | null;
  webhookSecretPreviousUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

export const UserEntity = new EntitySchema<User>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: uuidPrimary,
    email: text('email'),
    name: text('name'),
    role: text('role'),
    passwordHash: text('password_hash', true),
    disabled: { type: 'boolean', name: 'disabled', default: false },
    webhookSecret: text('webhook_secret', true),
    webhookSecretPrevious: text('webhook_secret_previous', true),
    webhookSecretPreviousUntil: timestamp('webhook_secret_previous_until', true),
    createdAt,
    updatedAt,
    lastLoginAt: timestamp('last_login_at', true),
  },
});

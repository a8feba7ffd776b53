// A browser session: the cookie carries a random token, the table only its SHA-256.
import { EntitySchema } from 'typeorm';
import { createdAt, text, timestamp, uuidPrimary } from './columns.ts';

export interface Session {
  id: string;
  tokenHash: string;
  userId: string;
  /** Sent back in X-CSRF-Token on every cookie-authenticated write. */
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  lastSeenAt: Date;
  /** The client address and browser at sign-in, so people recognise their sessions in the list. */
  ip: string | null;
  userAgent: string | null;
}

export const SessionEntity = new EntitySchema<Session>({
  name: 'Session',
  tableName: 'sessions',
  columns: {
    id: uuidPrimary,
    tokenHash: text('token_hash'),
    userId: { type: 'uuid', name: 'user_id' },
    csrfToken: text('csrf_token'),
    createdAt,
    expiresAt: timestamp('expires_at'),
    lastSeenAt: timestamp('last_seen_at'),
    ip: text('ip', true),
    userAgent: text('user_agent', true),
  },
});

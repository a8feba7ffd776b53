// The browser's session cookie → its user. Sessions slide (activity pushes the idle expiry forward),
// but never past auth.sessionMaxHours from sign-in: then the person signs in again, whatever they did.
import type { DataSource } from 'typeorm';
import type { Role } from '../db/entities/user.ts';
import type { Authenticator } from './chain.ts';
import type { Credentials, Principal } from './principal.ts';
import { hashToken } from './tokens.ts';

export const SESSION_COOKIE = 'devforge_session';
const SLIDE_AFTER_MS = 5 * 60_000;

interface SessionRow {
  session_id: string;
  csrf_token: string;
  last_seen_at: Date;
  user_id: string;
  email: string;
  name: string;
  role: Role;
  idp_groups: string[];
}

export class SessionAuthenticator implements Authenticator {
  readonly name = 'session';
  private readonly db: DataSource;
  private readonly ttlHours: number;
  private readonly maxHours: number;

  constructor(db: DataSource, ttlHours: number, maxHours: number) {
    this.db = db;
    this.ttlHours = ttlHours;
    this.maxHours = maxHours;
  }

  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    const token = credentials.cookie(SESSION_COOKIE);
    if (!token) return undefined;
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id AS session_id, s.csrf_token, s.last_seen_at, u.id AS user_id, u.email, u.name, u.role, u.idp_groups
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > now() AND s.created_at + make_interval(hours => $2) > now() AND NOT u.disabled`,
      [hashToken(token), this.maxHours],
    );
    const row = rows[0];
    // A stale cookie is treated as no cookie: the page shows the sign-in form.
    if (!row) return undefined;
    if (Date.now() - row.last_seen_at.getTime() > SLIDE_AFTER_MS) {
      await this.db.query(`UPDATE sessions SET last_seen_at = now(), expires_at = LEAST(now() + make_interval(hours => $2), created_at + make_interval(hours => $3)) WHERE id = $1`, [row.session_id, this.ttlHours, this.maxHours]);
    }
    return { userId: row.user_id, email: row.email, name: row.name, role: row.role, via: 'session', csrfToken: row.csrf_token, sessionId: row.session_id, groups: row.idp_groups };
  }
}

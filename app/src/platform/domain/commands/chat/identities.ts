// Which DevForge account a chat user acts as. Slack and Teams send their own user ids, never an e-mail
// address, so a person links their chat account once: the command hands out a one-time link to the
// appliance (a hash of its token is stored, it expires after integrations.linkTtlMinutes), the person
// opens it while signed in to DevForge and confirms, and from then on their commands act as that account
// with its role. Nobody else can link an account to someone's chat id: the confirmation needs both the
// token (only shown to that chat user) and the DevForge sign-in.
import type { DataSource } from 'typeorm';
import type { Principal } from '../../../auth/principal.ts';
import { hashToken, newToken } from '../../../auth/tokens.ts';
import type { Role } from '../../../db/entities/user.ts';
import { sql } from '../../../db/sql.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError } from '../../errors.ts';
import { authorize, type Actor } from '../../policy.ts';

export type ChatProvider = 'slack' | 'teams';

export const PROVIDER_NAMES: Record<ChatProvider, string> = { slack: 'Slack', teams: 'Microsoft Teams' };

/** A chat user as the chat service names them. */
export interface ChatUser {
  provider: ChatProvider;
  /** The Slack team id, or the Teams tenant id. */
  workspace: string;
  /** The Slack user id, or the Teams AAD object id. */
  externalId: string;
  /** Their display name there (for the confirmation page and the audit log). */
  name: string;
}

/** The principal of a linked chat user: their DevForge account with its role, proved by the chat service's signature. */
export async function linkedPrincipal(db: DataSource, who: ChatUser): Promise<Principal | undefined> {
  const [row] = await sql<{ id: string; email: string; name: string; role: Role }>(
    db,
    `SELECT u.id, u.email, u.name, u.role FROM chat_identities c JOIN users u ON u.id = c.user_id
     WHERE c.provider = $1 AND c.workspace = $2 AND c.external_id = $3 AND NOT u.disabled`,
    [who.provider, who.workspace, who.externalId],
  );
  return row ? { userId: row.id, email: row.email, name: row.name, role: row.role, via: who.provider } : undefined;
}

/** A one-time link token for this chat user (only its hash is stored); expired requests are purged on the way. */
export async function requestLink(db: DataSource, who: ChatUser, ttlMinutes: number): Promise<string> {
  const token = newToken();
  await sql(db, 'DELETE FROM chat_link_requests WHERE expires_at < now()');
  await sql(db, `INSERT INTO chat_link_requests (token_hash, provider, workspace, external_id, external_name, expires_at) VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`, [
    hashToken(token),
    who.provider,
    who.workspace,
    who.externalId,
    who.name.slice(0, 200),
    ttlMinutes,
  ]);
  return token;
}

const EXPIRED = 'this link has expired or has been used already; type the link command in the chat again for a new one';

/** The chat user a link token is for, without using it up (the confirmation page shows who). */
export async function pendingLink(db: DataSource, token: string): Promise<ChatUser> {
  const [row] = await sql<{ provider: ChatProvider; workspace: string; external_id: string; external_name: string }>(
    db,
    'SELECT provider, workspace, external_id, external_name FROM chat_link_requests WHERE token_hash = $1 AND expires_at > now()',
    [hashToken(token)],
  );
  if (!row) throw new DomainError('not-found', EXPIRED);
  return { provider: row.provider, workspace: row.workspace, externalId: row.external_id, name: row.external_name };
}

/** Links the chat user of the token to the signed-in caller (replacing an earlier link of that chat user), once. */
export async function confirmLink(db: DataSource, principal: Actor & Pick<Principal, 'email'>, token: string, origin?: Origin): Promise<ChatUser> {
  authorize(principal, 'integration.link');
  return db.transaction(async (tx) => {
    const [row] = await sql<{ provider: ChatProvider; workspace: string; external_id: string; external_name: string }>(
      tx,
      'DELETE FROM chat_link_requests WHERE token_hash = $1 AND expires_at > now() RETURNING provider, workspace, external_id, external_name',
      [hashToken(token)],
    );
    if (!row) throw new DomainError('not-found', EXPIRED);
    await sql(
      tx,
      `INSERT INTO chat_identities (provider, workspace, external_id, external_name, user_id) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (provider, workspace, external_id) DO UPDATE SET user_id = EXCLUDED.user_id, external_name = EXCLUDED.external_name, linked_at = now()`,
      [row.provider, row.workspace, row.external_id, row.external_name, principal.userId],
    );
    await recordAudit(tx, { actor: principal, action: 'integration.link', target: { type: 'user', id: principal.userId }, origin, details: { provider: row.provider, workspace: row.workspace, external_id: row.external_id } });
    return { provider: row.provider, workspace: row.workspace, externalId: row.external_id, name: row.external_name };
  });
}

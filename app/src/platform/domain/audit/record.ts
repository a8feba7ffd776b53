// recordAudit: the one way anything is written to the audit log. Appends are serialised with a
// transaction-scoped advisory lock, so two API processes read the same chain head one after the other
// and never fork the chain; the entry's id and time are taken inside that lock from the database, so
// ids, times and chain order agree. Called inside the caller's transaction when it has one (the entry
// commits or rolls back with the change it records), else in a transaction of its own.
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { sql, type Queryable } from '../../db/sql.ts';
import type { Principal } from '../../auth/principal.ts';
import { actorDigest, entryHash, GENESIS_HASH, type ChainedFields, type PersonalFields } from './canonical.ts';

/** Where a request came from, as the HTTP layer saw it (plain values: the domain knows no HTTP). */
export interface Origin {
  ip?: string;
  userAgent?: string;
}

/** Every action the log records, as stable dotted names (filters and exports use them). */
export const AUDIT_ACTIONS = [
  'auth.sign-in',
  'auth.sign-in-failed',
  'auth.sign-out',
  'account.change-password',
  'user.create',
  'user.update',
  'user.delete',
  'user.export',
  'apikey.create',
  'apikey.revoke',
  'apikey.origins',
  'animation.generate',
  'animation.batch',
  'animation.delete',
  'animation.download',
  'animation.cancel',
  'animation.rerender',
  'animation.rename',
  'animation.share',
  'animation.unshare',
  'animation.visibility',
  'webhook.secret-read',
  'webhook.secret-rotate',
  'webhook.redeliver',
  'session.revoke',
  'user.sessions-end',
  'audit.export',
  'audit.purge',
  'license.install',
  'license.refuse',
  'license.state-change',
  'license.request',
  'branding.update',
  'integration.command',
  'integration.link',
  'lti.platform-create',
  'lti.platform-update',
  'lti.platform-delete',
  'lti.key-rotate',
  'lti.deep-link',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A signed-in caller, or nobody ('anonymous': a failed sign-in), or the appliance itself ('system': jobs). */
export type AuditActor = (Pick<Principal, 'userId' | 'via'> & Partial<Pick<Principal, 'apiKeyId' | 'email'>>) | 'anonymous' | 'system';

export interface AuditEntry {
  actor: AuditActor;
  action: AuditAction;
  target?: { type: string; id: string };
  origin?: Origin;
  /** What was done, without personal data (those go in actor, label and origin, which erasure blanks). */
  details?: Record<string, unknown>;
  /** Who the actor said they were when there is no account (the e-mail address of a failed sign-in). */
  label?: string;
}

/** pg_advisory_xact_lock key of the chain head ("audit" in ASCII). */
const CHAIN_LOCK = 0x6175646974;

type Db = DataSource | EntityManager;

function inTransaction<T>(db: Db, work: (q: Queryable) => Promise<T>): Promise<T> {
  if ('queryRunner' in db && db.queryRunner?.isTransactionActive) return work(db);
  return db.transaction((tx) => work(tx));
}

/** Postgres text refuses NUL; an entry must never fail to be written because a caller sent one. */
function clean(text: string): string {
  return text.replace(/\0/g, '\uFFFD');
}

function cleanJson(value: unknown): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value ?? {}, (_k, v: unknown) => (typeof v === 'string' ? clean(v) : v))) as Record<string, unknown>;
}

function personalOf(entry: AuditEntry): { personal: PersonalFields; via: string } {
  const origin = { ip: entry.origin?.ip ? clean(entry.origin.ip) : null, user_agent: entry.origin?.userAgent ? clean(entry.origin.userAgent.slice(0, 512)) : null };
  if (typeof entry.actor === 'string') return { personal: { actor: entry.actor, actor_label: clean(entry.label ?? '').slice(0, 320), api_key_id: null, ...origin }, via: entry.actor };
  return { personal: { actor: entry.actor.userId, actor_label: clean(entry.label ?? entry.actor.email ?? ''), api_key_id: entry.actor.apiKeyId ?? null, ...origin }, via: entry.actor.via };
}

export interface AppendOptions {
  /** Details that need the entry's own id and prev_hash (the purge record names where the kept chain starts). */
  detailsFor?: (id: string, prevHash: string) => Record<string, unknown>;
  /** The entry's time instead of the database clock: importing a log kept elsewhere, and tests of retention. */
  at?: Date;
}

/** Holds the chain head until the transaction `q` ends (re-entrant within it). */
export async function lockAuditChain(q: Queryable): Promise<void> {
  await sql(q, 'SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK]);
}

/** Appends one entry inside an open transaction `q` (takes the chain lock until it commits). */
export async function appendAuditEntry(q: Queryable, entry: AuditEntry, options: AppendOptions = {}): Promise<{ id: string; hash: string }> {
  await lockAuditChain(q);
  const [head] = await sql<{ hash: string }>(q, 'SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1');
  // Milliseconds: what a JavaScript Date holds, so the time reads back exactly as it was hashed.
  const [next] = await sql<{ id: string; at: Date }>(q, "SELECT nextval('audit_log_id_seq')::text AS id, date_trunc('milliseconds', coalesce($1::timestamptz, clock_timestamp())) AS at", [options.at ?? null]);
  const prevHash = head?.hash ?? GENESIS_HASH;
  const { personal, via } = personalOf(entry);
  const salt = randomBytes(32).toString('hex');
  const fields: ChainedFields = {
    id: next!.id,
    at: next!.at.toISOString(),
    actor_digest: actorDigest(salt, personal),
    via,
    action: entry.action,
    target_type: entry.target?.type ?? null,
    target_id: entry.target ? clean(entry.target.id) : null,
    details: cleanJson(options.detailsFor ? { ...entry.details, ...options.detailsFor(next!.id, prevHash) } : entry.details),
    prev_hash: prevHash,
  };
  const hash = entryHash(fields);
  await sql(
    q,
    `INSERT INTO audit_log (id, at, actor, actor_label, api_key_id, ip, user_agent, salt, actor_digest, via, action, target_type, target_id, details, prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      fields.id,
      fields.at,
      personal.actor,
      personal.actor_label,
      personal.api_key_id,
      personal.ip,
      personal.user_agent,
      salt,
      fields.actor_digest,
      via,
      fields.action,
      fields.target_type,
      fields.target_id,
      JSON.stringify(fields.details),
      prevHash,
      hash,
    ],
  );
  return { id: fields.id, hash };
}

/** Records one action: inside `db`'s transaction when it is one, else in its own. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await inTransaction(db, (q) => appendAuditEntry(q, entry));
}

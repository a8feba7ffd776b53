// GDPR portability: everything DevForge holds about one person, as a list of archive entries (a
// README, JSON documents and each animation's files from storage). The entries are produced lazily and
// every list is read a page at a time, so an account with years of work is never held in memory; the
// HTTP side packs them into a zip (platform/archive). Taking the export is itself audited (user.export).
// What the archive contains is described in docs/data-rights.md; README_TEXT says the same to the person.
import { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { sql, type Queryable } from '../../db/sql.ts';
import { outputKeys } from '../../storage/create.ts';
import type { ObjectStorage } from '../../storage/storage.ts';
import { recordAudit, type Origin } from '../audit/record.ts';
import { DomainError } from '../errors.ts';
import { authorize, type Actor } from '../policy.ts';

/** One file of the archive: text, or a stream opened only when the archive reaches it. */
export interface ExportEntry {
  /** Path inside the archive, `/`-separated. */
  path: string;
  content: string | (() => Promise<Readable>);
}

export interface UserExport {
  userId: string;
  /** A file name for the download. */
  filename: string;
  entries: AsyncIterable<ExportEntry>;
}

export interface ExportDeps {
  db: DataSource;
  storage: ObjectStorage;
}

const PAGE = 200;

const README_TEXT = `DevForge: export of your data
=============================

This archive holds what this DevForge appliance stores about your account (GDPR Art. 15 and 20).

  user.json                 your account: e-mail address, name, role, state, dates, how you sign in
                            (password and/or single sign-on identity). Group memberships are not
                            stored by DevForge: your identity provider sends them at each sign-in.
  api-keys.json             your API keys: name, prefix, role, dates. The keys themselves are never
                            stored (only a one-way hash, which is not included).
  animations.json           your animations: description, parameters, style, quality, status, dates,
                            and which files of this archive belong to each.
  animations/<id>/          the rendered files of each animation: video.mp4, poster.png, captions.vtt.
  batches.json              your batch requests.
  usage.json                the renders recorded for accounting (frames, durations).
  usage-accepted.json       each animation you submitted, as counted against the license's monthly
                            limit (quality, key, sandbox, when).
  usage-api-calls.json      your API calls per hour, key and channel (API key, sandbox key, service
                            token, the web app's own session).
  webhook-deliveries.json   the webhook calls made for your animations (event, address, outcome).
  audit.json                the audit-log entries of what you did (and failed sign-ins with your
                            address): action, time, from which address and browser, what.

JSON files are UTF-8; times are ISO 8601 in UTC.
`;

interface AccountRow {
  id: string;
  email: string;
  name: string;
  role: string;
  disabled: boolean;
  has_password: boolean;
  oidc_issuer: string | null;
  oidc_subject: string | null;
  created_at: Date;
  updated_at: Date;
  last_login_at: Date | null;
}

/** A JSON array written element by element as `rows` yields them. */
function jsonArray(rows: AsyncIterable<unknown>): () => Promise<Readable> {
  async function* text() {
    let first = true;
    yield '[';
    for await (const row of rows) {
      yield (first ? '\n' : ',\n') + JSON.stringify(row);
      first = false;
    }
    yield first ? ']\n' : '\n]\n';
  }
  return () => Promise.resolve(Readable.from(text()));
}

/**
 * Rows of `query` read PAGE at a time: it must order by its unique column `id` (of SQL type `type`) and
 * hold `$AFTER` in its WHERE clause, where the condition "after the last row of the previous page" goes.
 */
async function* paged<Row extends Record<string, unknown>>(db: Queryable, query: string, params: unknown[], type: 'uuid' | 'bigint' | 'text' = 'uuid'): AsyncGenerator<Row> {
  let after: string | null = null;
  const n = params.length + 1;
  for (;;) {
    const rows: Row[] = await sql<Row>(db, query.replace('$AFTER', `($${n}::${type} IS NULL OR id > $${n}::${type})`) + ` LIMIT ${PAGE}`, [...params, after]);
    yield* rows;
    if (rows.length < PAGE) return;
    after = String(rows[rows.length - 1]!.id);
  }
}

const FILES = [
  { name: 'video', file: 'video.mp4' },
  { name: 'poster', file: 'poster.png' },
  { name: 'captions', file: 'captions.vtt' },
] as const;

async function* entriesOf(deps: ExportDeps, account: AccountRow): AsyncGenerator<ExportEntry> {
  const { db, storage } = deps;
  const id = account.id;
  yield { path: 'README.txt', content: README_TEXT };
  yield {
    path: 'user.json',
    content:
      JSON.stringify(
        {
          id,
          email: account.email,
          name: account.name,
          role: account.role,
          disabled: account.disabled,
          sign_in: { password: account.has_password, sso: account.oidc_subject ? { issuer: account.oidc_issuer, subject: account.oidc_subject } : null },
          created_at: account.created_at.toISOString(),
          updated_at: account.updated_at.toISOString(),
          last_login_at: account.last_login_at?.toISOString() ?? null,
        },
        null,
        2,
      ) + '\n',
  };
  // Never key_hash: a hash of a secret is still a way to test guesses of it.
  yield {
    path: 'api-keys.json',
    content: jsonArray(paged(db, `SELECT id, name, prefix, role, created_at, last_used_at, expires_at, revoked_at FROM api_keys WHERE user_id = $1 AND $AFTER ORDER BY id`, [id])),
  };
  const animations = () =>
    paged<{ id: string; outputs: Record<string, unknown> | null }>(
      db,
      `SELECT id, description, style, quality, fps, duration_s, template, params, status, error, outputs, batch_id, client_ref, generation, created_at, started_at, completed_at
         FROM animations WHERE owner_id = $1 AND $AFTER ORDER BY id`,
      [id],
    );
  yield {
    path: 'animations.json',
    content: jsonArray(
      (async function* () {
        for await (const a of animations()) {
          const { outputs, ...rest } = a;
          yield { ...rest, files: outputs ? FILES.map((f) => `animations/${a.id}/${f.file}`) : [] };
        }
      })(),
    ),
  };
  for await (const a of animations()) {
    if (!a.outputs) continue;
    const keys = outputKeys(a.id);
    for (const f of FILES) {
      const key = keys[f.name];
      // A file missing from storage (removed by hand, or a render that never finished writing) is left out.
      if (!(await storage.stat(key))) continue;
      yield { path: `animations/${a.id}/${f.file}`, content: () => storage.read(key) };
    }
  }
  yield { path: 'batches.json', content: jsonArray(paged(db, 'SELECT id, callback_url, status, created_at, completed_at FROM batches WHERE owner_id = $1 AND $AFTER ORDER BY id', [id])) };
  yield {
    path: 'usage.json',
    content: jsonArray(paged(db, 'SELECT id, animation_id, generation, kind, quality, frames, duration_s, render_s, created_at FROM usage_events WHERE owner_id = $1 AND $AFTER ORDER BY id', [id])),
  };
  // The licensing meters (migrations 010 and 012): what counted against the license, per animation and per hour.
  yield {
    path: 'usage-accepted.json',
    content: jsonArray(paged(db, 'SELECT * FROM (SELECT animation_id AS id, api_key_id, quality, sandbox, accepted_at FROM usage_accepted WHERE owner_id = $1) u WHERE $AFTER ORDER BY id', [id])),
  };
  yield {
    path: 'usage-api-calls.json',
    content: jsonArray(
      // No single key column: the page cursor is the bucket's (hour, key, channel) as one sortable text.
      paged(
        db,
        `SELECT * FROM (SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24') || '|' || coalesce(api_key_id::text, '-') || '|' || channel AS id, hour, api_key_id, channel, calls FROM api_calls_hourly WHERE user_id = $1) c WHERE $AFTER ORDER BY id`,
        [id],
        'text',
      ),
    ),
  };
  yield {
    path: 'webhook-deliveries.json',
    content: jsonArray(paged(db, 'SELECT id, animation_id, batch_id, event, url, status, attempts, created_at, delivered_at FROM webhook_deliveries WHERE owner_id = $1 AND $AFTER ORDER BY id', [id])),
  };
  // The same entries erasure anonymises (audit/anonymise.ts): theirs, and failed sign-ins against their account.
  yield {
    path: 'audit.json',
    content: jsonArray(
      paged(
        db,
        `SELECT id::text AS id, at, action, via, api_key_id, ip, user_agent, target_type, target_id, details FROM audit_log
          WHERE (actor = $1 OR (actor = 'anonymous' AND target_type = 'user' AND target_id = $1::text)) AND $AFTER ORDER BY audit_log.id`,
        [id],
        'bigint',
      ),
    ),
  };
}

async function build(deps: ExportDeps, principal: Actor, id: string, origin: Origin | undefined): Promise<UserExport> {
  const [account] = await sql<AccountRow>(deps.db, `SELECT id, email, name, role, disabled, password_hash IS NOT NULL AS has_password, oidc_issuer, oidc_subject, created_at, updated_at, last_login_at FROM users WHERE id = $1`, [id]);
  if (!account) throw new DomainError('not-found', 'no such user');
  await recordAudit(deps.db, { actor: principal, action: 'user.export', target: { type: 'user', id }, origin, details: { by: id === principal.userId ? 'self' : 'administrator' } });
  return { userId: id, filename: `devforge-export-${new Date().toISOString().slice(0, 10)}-${id.slice(0, 8)}.zip`, entries: entriesOf(deps, account) };
}

/** The caller's own data (GDPR portability: every signed-in person may take theirs). */
export function exportOwnData(deps: ExportDeps, principal: Actor, origin?: Origin): Promise<UserExport> {
  authorize(principal, 'account.export');
  return build(deps, principal, principal.userId, origin);
}

/** Anyone's data, for an administrator answering a request on someone's behalf. */
export function exportUserData(deps: ExportDeps, principal: Actor, id: string, origin?: Origin): Promise<UserExport> {
  authorize(principal, 'user.export');
  return build(deps, principal, id, origin);
}

// LTI platform registrations (docs/lti.md): which learning platforms (an issuer and the client id it gave
// this tool) may launch DevForge, from which deployments, where their OIDC login endpoint and key set are.
// Administrators only; every change is audited. The URLs must be https: a platform's key set decides who
// may sign in here, so it must not travel in clear text (lti.allowHttp opens loopback http for tests).
import type { DataSource } from 'typeorm';
import { sql, type Queryable } from '../../../db/sql.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError, invalidField } from '../../errors.ts';
import { authorize, type Actor } from '../../policy.ts';

export interface LtiPlatform {
  id: string;
  name: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authUrl: string;
  jwksUrl: string;
  /** Whether the platform's e-mail addresses may bind an existing DevForge account of the same address. */
  trustEmail: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface PlatformInput {
  name?: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authUrl: string;
  jwksUrl: string;
  trustEmail?: boolean;
}

interface PlatformRow {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  deployment_ids: string[];
  auth_url: string;
  jwks_url: string;
  trust_email: boolean;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = 'id, name, issuer, client_id, deployment_ids, auth_url, jwks_url, trust_email, created_at, updated_at';

function fromRow(r: PlatformRow): LtiPlatform {
  return { id: r.id, name: r.name, issuer: r.issuer, clientId: r.client_id, deploymentIds: r.deployment_ids, authUrl: r.auth_url, jwksUrl: r.jwks_url, trustEmail: r.trust_email, createdAt: r.created_at, updatedAt: r.updated_at };
}

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** Throws invalid-input naming the field unless `value` is an https URL (or loopback http when allowed). */
export function checkPlatformUrl(field: string, value: string, allowHttp: boolean): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidField(field, `${value} is not a URL; give the full address, such as https://moodle.example.edu/mod/lti/auth.php`);
  }
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && allowHttp && LOOPBACK.has(url.hostname)) return;
  const hint = url.protocol === 'http:' ? (allowHttp ? 'http is allowed only for loopback addresses' : 'http is allowed only on loopback addresses with lti.allowHttp (DEVFORGE_LTI_ALLOW_HTTP=true), for tests and labs') : 'use https';
  throw invalidField(field, `${value} is not an https URL: ${hint}`);
}

function checkInput(input: PlatformInput, allowHttp: boolean): void {
  checkPlatformUrl('body.auth_url', input.authUrl, allowHttp);
  checkPlatformUrl('body.jwks_url', input.jwksUrl, allowHttp);
  if (!input.issuer.trim()) throw invalidField('body.issuer', 'the issuer is empty; copy the platform ID (issuer) the LMS shows for this tool');
  if (!input.clientId.trim()) throw invalidField('body.client_id', 'the client id is empty; copy the client ID the LMS generated for this tool');
  if (new Set(input.deploymentIds).size !== input.deploymentIds.length) throw invalidField('body.deployment_ids', 'a deployment id is listed twice');
}

async function ensureUnique(db: Queryable, input: PlatformInput, except?: string): Promise<void> {
  const rows = await sql<{ id: string }>(db, 'SELECT id FROM lti_platforms WHERE issuer = $1 AND client_id = $2 AND id IS DISTINCT FROM $3', [input.issuer, input.clientId, except ?? null]);
  if (rows[0]) throw new DomainError('conflict', `the platform ${input.issuer} with client id ${input.clientId} is already registered (id ${rows[0].id}); change that registration instead`);
}

/** What an audit entry says about a registration (no personal data in it). */
function auditDetails(p: LtiPlatform): Record<string, unknown> {
  return { issuer: p.issuer, client_id: p.clientId, deployment_ids: p.deploymentIds, trust_email: p.trustEmail };
}

export async function createPlatform(db: DataSource, principal: Actor, input: PlatformInput, allowHttp: boolean, origin?: Origin): Promise<LtiPlatform> {
  authorize(principal, 'lti.manage');
  checkInput(input, allowHttp);
  await ensureUnique(db, input);
  const rows = await sql<PlatformRow>(db, `INSERT INTO lti_platforms (name, issuer, client_id, deployment_ids, auth_url, jwks_url, trust_email) VALUES ($1, $2, $3, $4::text[], $5, $6, $7) RETURNING ${COLUMNS}`, [
    input.name ?? '',
    input.issuer,
    input.clientId,
    input.deploymentIds,
    input.authUrl,
    input.jwksUrl,
    input.trustEmail ?? false,
  ]);
  const platform = fromRow(rows[0]!);
  await recordAudit(db, { actor: principal, action: 'lti.platform-create', target: { type: 'lti-platform', id: platform.id }, origin, details: auditDetails(platform) });
  return platform;
}

export async function updatePlatform(db: DataSource, principal: Actor, id: string, input: PlatformInput, allowHttp: boolean, origin?: Origin): Promise<LtiPlatform> {
  authorize(principal, 'lti.manage');
  checkInput(input, allowHttp);
  await ensureUnique(db, input, id);
  const rows = await sql<PlatformRow>(
    db,
    `UPDATE lti_platforms SET name = $2, issuer = $3, client_id = $4, deployment_ids = $5::text[], auth_url = $6, jwks_url = $7, trust_email = $8, updated_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, input.name ?? '', input.issuer, input.clientId, input.deploymentIds, input.authUrl, input.jwksUrl, input.trustEmail ?? false],
  );
  if (!rows[0]) throw new DomainError('not-found', 'no such LTI platform');
  const platform = fromRow(rows[0]);
  await recordAudit(db, { actor: principal, action: 'lti.platform-update', target: { type: 'lti-platform', id }, origin, details: auditDetails(platform) });
  return platform;
}

export async function deletePlatform(db: DataSource, principal: Actor, id: string, origin?: Origin): Promise<void> {
  authorize(principal, 'lti.manage');
  const rows = await sql<PlatformRow>(db, `DELETE FROM lti_platforms WHERE id = $1 RETURNING ${COLUMNS}`, [id]);
  if (!rows[0]) throw new DomainError('not-found', 'no such LTI platform');
  await recordAudit(db, { actor: principal, action: 'lti.platform-delete', target: { type: 'lti-platform', id }, origin, details: auditDetails(fromRow(rows[0])) });
}

export async function listPlatforms(db: Queryable, principal: Actor): Promise<LtiPlatform[]> {
  authorize(principal, 'lti.read');
  return (await sql<PlatformRow>(db, `SELECT ${COLUMNS} FROM lti_platforms ORDER BY issuer, client_id`)).map(fromRow);
}

export async function getPlatform(db: Queryable, principal: Actor, id: string): Promise<LtiPlatform> {
  authorize(principal, 'lti.read');
  const platform = await platformById(db, id);
  if (!platform) throw new DomainError('not-found', 'no such LTI platform');
  return platform;
}

/** For the launch (no principal yet): the registration a platform's message names. */
export async function findPlatform(db: Queryable, issuer: string, clientId?: string): Promise<LtiPlatform[]> {
  const rows = clientId
    ? await sql<PlatformRow>(db, `SELECT ${COLUMNS} FROM lti_platforms WHERE issuer = $1 AND client_id = $2`, [issuer, clientId])
    : await sql<PlatformRow>(db, `SELECT ${COLUMNS} FROM lti_platforms WHERE issuer = $1`, [issuer]);
  return rows.map(fromRow);
}

export async function platformById(db: Queryable, id: string): Promise<LtiPlatform | undefined> {
  const rows = await sql<PlatformRow>(db, `SELECT ${COLUMNS} FROM lti_platforms WHERE id = $1`, [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

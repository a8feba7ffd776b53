// The LTI 1.3 launch in the domain's terms (IMS Security Framework and LTI Core 1.3, docs/lti.md):
// 1. third-party login initiation: the platform names itself (iss, client_id) and the user (login_hint);
//    DevForge keeps a random state and nonce (only a hash of the state; one use, ten minutes) and sends the
//    browser to the platform's OIDC auth URL;
// 2. the launch: the platform posts an ID token back. It is checked against the registration its iss and
//    aud name: signature against the platform's JWKS, iss, aud (and azp when aud has several), exp and iat,
//    the nonce (used once: a replay is refused), the state the login kept, the deployment id, the message
//    type and LTI version. Then the person is signed in with a role from the LTI roles claim.
// The state is a database row, not a cookie: the launch is a cross-site form post, which SameSite cookies
// do not accompany in an LMS's iframe, and the nonce inside the signed token binds the answer to the login.
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { DataSource } from 'typeorm';
import { hashToken } from '../../../auth/tokens.ts';
import type { Role } from '../../../db/entities/user.ts';
import { sql, type Queryable } from '../../../db/sql.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError } from '../../errors.ts';
import { signInWithIdentity } from '../oidc-sign-in.ts';
import type { NewSession } from '../sessions.ts';
import { findPlatform, type LtiPlatform } from './platforms.ts';

const STATE_TTL_MINUTES = 10;
/** An ID token older than this is refused even if its exp is later (iat check). */
const MAX_TOKEN_AGE_S = 600;
/** A nonce is remembered at least this long, longer than any token it came in may live. */
const NONCE_KEEP_HOURS = 24;

export const CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
} as const;

export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** A claim's value for a message: JSON, so an object or array reads as itself. */
function shown(value: unknown): string {
  return value === undefined ? 'none' : typeof value === 'string' ? value : JSON.stringify(value);
}

function refused(message: string): DomainError {
  return new DomainError('sign-in-refused', message);
}

/** One remote key set per JWKS URL for the life of the process: jose caches the keys and refetches on an unknown kid. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetOf(url: string): ReturnType<typeof createRemoteJWKSet> {
  let set = keySets.get(url);
  if (!set) {
    set = createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 30_000 });
    keySets.set(url, set);
  }
  return set;
}

export interface LoginInitiation {
  iss: string;
  loginHint: string;
  targetLinkUri: string;
  ltiMessageHint?: string;
  clientId?: string;
  deploymentId?: string;
}

/** Step 1: the URL of the platform's auth endpoint the browser goes to, with a new state and nonce kept. */
export async function beginLtiLogin(db: Queryable, login: LoginInitiation, launchUrl: string): Promise<string> {
  const candidates = await findPlatform(db, login.iss, login.clientId);
  if (!candidates.length) {
    throw refused(`the platform ${login.iss}${login.clientId ? ` with client id ${login.clientId}` : ''} is not registered in DevForge: an administrator adds it under Administration → LTI (or POST /api/v1/lti/platforms)`);
  }
  if (candidates.length > 1) throw refused(`several registrations have the issuer ${login.iss}: the platform must send client_id with the login initiation`);
  const platform = candidates[0]!;
  if (login.deploymentId !== undefined && !platform.deploymentIds.includes(login.deploymentId)) {
    throw refused(`the deployment ${login.deploymentId} of ${platform.issuer} is not registered in DevForge: an administrator adds it to the platform's deployment ids`);
  }
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  await db.query(`DELETE FROM lti_launch_states WHERE created_at < now() - make_interval(mins => $1)`, [STATE_TTL_MINUTES]);
  await db.query('INSERT INTO lti_launch_states (state_hash, nonce, platform_id) VALUES ($1, $2, $3)', [hashToken(state), nonce, platform.id]);
  const url = new URL(platform.authUrl);
  const params: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.clientId,
    redirect_uri: launchUrl,
    login_hint: login.loginHint,
    state,
    nonce,
    ...(login.ltiMessageHint !== undefined ? { lti_message_hint: login.ltiMessageHint } : {}),
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.toString();
}

/** Why jose refused a token, in words a person setting up the platform can act on. */
function joseReason(err: unknown, platform: LtiPlatform): string {
  if (err instanceof joseErrors.JWTExpired) return 'the ID token has expired (its exp is past): launch again from the course; if it keeps happening, check the clocks of the LMS and of DevForge';
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return `the ID token's signature does not verify against the platform's key set at ${platform.jwksUrl}: a forged or altered token is refused`;
  if (err instanceof joseErrors.JWKSNoMatchingKey) return `no key in the platform's key set at ${platform.jwksUrl} matches the ID token's kid: check the JWKS URL of the registration`;
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `the ID token's ${err.claim} claim is not acceptable (${err.reason}): ${err.message}`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'the ID token is not signed with RS256 (or another RSA/EC algorithm the key set offers)';
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JOSEError) return `the ID token could not be checked: ${(err as Error).message} (key set ${platform.jwksUrl})`;
  return `the platform's key set at ${platform.jwksUrl} could not be read: ${(err as Error).message}`;
}

export interface VerifiedLaunch {
  platform: LtiPlatform;
  claims: JWTPayload & Record<string, unknown>;
  messageType: MessageType;
  deploymentId: string;
}

async function platformForToken(db: Queryable, idToken: string): Promise<LtiPlatform> {
  let unverified: JWTPayload;
  try {
    unverified = decodeJwt(idToken);
  } catch {
    throw refused('id_token is not a JWT: the platform must post the ID token it signed');
  }
  if (typeof unverified.iss !== 'string') throw refused('the ID token has no iss (issuer) claim');
  const registered = await findPlatform(db, unverified.iss);
  if (!registered.length) throw refused(`the ID token's issuer ${unverified.iss} is not a registered LTI platform: an administrator adds it under Administration → LTI`);
  const aud = Array.isArray(unverified.aud) ? unverified.aud : typeof unverified.aud === 'string' ? [unverified.aud] : [];
  const platform = registered.find((p) => aud.includes(p.clientId));
  if (!platform) throw refused(`the ID token's audience (${aud.join(', ') || 'none'}) is not the client id registered for ${unverified.iss} (${registered.map((p) => p.clientId).join(', ')}): the token was meant for another tool`);
  return platform;
}

/** Step 2: everything an ID token must prove before anyone is signed in; the state and nonce are used up. */
export async function verifyLaunch(db: Queryable, idToken: string | undefined, state: string | undefined): Promise<VerifiedLaunch> {
  if (!idToken) throw refused('the launch has no id_token: the platform posts id_token and state to /lti/launch');
  if (!state) throw refused('the launch has no state: start the launch from the course again');
  const platform = await platformForToken(db, idToken);
  let claims: JWTPayload & Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtVerify(idToken, keySetOf(platform.jwksUrl), { issuer: platform.issuer, audience: platform.clientId, maxTokenAge: MAX_TOKEN_AGE_S, clockTolerance: 30, requiredClaims: ['exp', 'iat', 'sub', 'nonce'] }));
  } catch (err) {
    throw refused(joseReason(err, platform));
  }
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (aud.length > 1 && claims.azp !== platform.clientId) throw refused(`the ID token has several audiences, so its azp must be this tool's client id ${platform.clientId}; it is ${shown(claims.azp)}`);
  const nonce = String(claims.nonce);
  const seen = await sql(db, 'SELECT 1 FROM lti_used_nonces WHERE platform_id = $1 AND nonce = $2', [platform.id, nonce]);
  if (seen.length) throw refused('this ID token was used before (its nonce has been seen): a replayed launch is refused; launch again from the course');
  const kept = await sql<{ nonce: string; platform_id: string }>(db, `DELETE FROM lti_launch_states WHERE state_hash = $1 AND created_at > now() - make_interval(mins => $2) RETURNING nonce, platform_id`, [
    hashToken(state),
    STATE_TTL_MINUTES,
  ]);
  const row = kept[0];
  if (!row) throw refused(`the launch's state is unknown, expired or already used (a launch must finish within ${STATE_TTL_MINUTES} minutes of its login initiation): launch again from the course`);
  if (row.platform_id !== platform.id) throw refused('the launch state was issued for another platform: launch again from the course');
  if (row.nonce !== nonce) throw refused('the ID token’s nonce is not the one this launch sent: launch again from the course');
  await db.query(`DELETE FROM lti_used_nonces WHERE seen_at < now() - make_interval(hours => $1)`, [NONCE_KEEP_HOURS]);
  const recorded = await sql(db, 'INSERT INTO lti_used_nonces (platform_id, nonce) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING nonce', [platform.id, nonce]);
  if (!recorded.length) throw refused('this ID token was used before (its nonce has been seen): a replayed launch is refused; launch again from the course');
  const deploymentId = claims[CLAIM.deploymentId];
  if (typeof deploymentId !== 'string' || !platform.deploymentIds.includes(deploymentId)) {
    throw refused(`the deployment ${typeof deploymentId === 'string' ? deploymentId : '(none given)'} of ${platform.issuer} is not registered in DevForge: an administrator adds it to the platform's deployment ids`);
  }
  const version = claims[CLAIM.version];
  if (version !== '1.3.0') throw refused(`the launch is LTI version ${shown(version)}; DevForge speaks LTI 1.3.0`);
  const messageType = claims[CLAIM.messageType];
  if (!MESSAGE_TYPES.includes(messageType as MessageType)) throw refused(`the message type ${shown(messageType)} is not one DevForge handles (${MESSAGE_TYPES.join(', ')})`);
  return { platform, claims, messageType: messageType as MessageType, deploymentId };
}

const ROLE_PREFIXES = ['http://purl.imsglobal.org/vocab/lis/v2/membership#', 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#', 'http://purl.imsglobal.org/vocab/lis/v2/system/person#'];

/** The short names of LTI role URIs (…membership#Instructor → Instructor; sub-roles …#Instructor#TeachingAssistant too). */
function roleNames(claim: unknown): string[] {
  if (!Array.isArray(claim)) return [];
  return claim.flatMap((uri) => {
    if (typeof uri !== 'string') return [];
    const prefix = ROLE_PREFIXES.find((p) => uri.startsWith(p));
    const rest = prefix ? uri.slice(prefix.length) : uri;
    return rest.split('#').filter(Boolean);
  });
}

/**
 * The DevForge role for the LTI roles claim: people who make course content (Instructor, Administrator,
 * ContentDeveloper, Mentor, TeachingAssistant) are editors; everyone else (Learner, unknown roles, none)
 * a viewer. An LMS administrator does not become a DevForge administrator: administering the appliance
 * is granted in DevForge, not by a course platform.
 */
export function mapLtiRole(claim: unknown): Role {
  const editors = new Set(['Instructor', 'Administrator', 'ContentDeveloper', 'Mentor', 'TeachingAssistant', 'SysAdmin']);
  return roleNames(claim).some((name) => editors.has(name)) ? 'editor' : 'viewer';
}

/** Signs the launching person in (account matched by issuer and sub, else by e-mail as single sign-on does). */
export async function signInFromLaunch(db: DataSource, launch: VerifiedLaunch, ttlHours: number, origin?: Origin, replaces?: string): Promise<NewSession> {
  const { claims, platform } = launch;
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) {
    await recordAudit(db, { actor: 'anonymous', action: 'auth.sign-in-failed', origin, details: { method: 'lti', reason: 'no-email', issuer: platform.issuer } });
    throw refused(`${platform.issuer} did not send the person's e-mail address, which DevForge needs for the account: in Moodle set "Share launcher's email with tool" to Always; in Canvas set the developer key's privacy level to public`);
  }
  const existing = await sql<{ role: Role }>(db, 'SELECT role FROM users WHERE (oidc_issuer = $1 AND oidc_subject = $2) OR ($3 AND lower(email) = lower($4) AND oidc_subject IS NULL) ORDER BY oidc_subject NULLS LAST LIMIT 1', [
    platform.issuer,
    String(claims.sub),
    platform.trustEmail,
    email,
  ]);
  // An account made an administrator in DevForge keeps that role when it launches from a course.
  const role = existing[0]?.role === 'admin' ? 'admin' : mapLtiRole(claims[CLAIM.roles]);
  const name = typeof claims.name === 'string' ? claims.name : [claims.given_name, claims.family_name].filter((x) => typeof x === 'string').join(' ');
  return signInWithIdentity(db, { issuer: platform.issuer, subject: String(claims.sub), email, name, emailVerified: platform.trustEmail, role, groups: [], idToken: '', method: 'lti' }, ttlHours, origin, replaces);
}

/** The animation a resource link launch opens: the custom parameter animation_id the deep-linking response put there. */
export function launchedAnimation(claims: Record<string, unknown>): string | undefined {
  const custom = claims[CLAIM.custom] as Record<string, unknown> | undefined;
  const id = custom?.animation_id;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : undefined;
}

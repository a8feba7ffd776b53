// Deep Linking 2.0 (docs/lti.md): a teacher launched from the LMS asking for content; the request is kept
// (where to return, the platform's opaque data, one hour, the teacher's only) while they pick or create an
// animation in the picker, then answered with an LtiDeepLinkingResponse signed with the tool's key: one
// ltiResourceLink content item whose custom animation_id brings the course's later launches to that
// animation. Placing an animation makes it viewable by everyone signed in (org-visible), since the
// course's learners sign in as viewers who own nothing and hold no share.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import type { DataSource } from 'typeorm';
import { hashToken, newToken } from '../../../auth/tokens.ts';
import { sql } from '../../../db/sql.ts';
import type { SecretBox } from '../../../secrets/secret-box.ts';
import { recordAudit, type Origin } from '../../audit/record.ts';
import { DomainError } from '../../errors.ts';
import { authorize, type Actor } from '../../policy.ts';
import { getAnimationSummary } from '../../queries/animations.ts';
import { setOrgVisible } from '../shares.ts';
import { CLAIM, type VerifiedLaunch } from './launch.ts';
import { platformById, type LtiPlatform } from './platforms.ts';
import { currentSigningKey, TOOL_ALG } from './tool-keys.ts';

const DEEP_LINK_TTL_MINUTES = 60;

export interface DeepLinkRequest {
  userId: string;
  platform: LtiPlatform;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
}

/** Keeps a deep-linking request for the picker; the token names it in the picker's URL. */
export async function saveDeepLink(db: DataSource, launch: VerifiedLaunch, userId: string): Promise<string> {
  const settings = launch.claims[CLAIM.deepLinkingSettings] as Record<string, unknown> | undefined;
  const returnUrl = settings?.deep_link_return_url;
  if (typeof returnUrl !== 'string' || !/^https?:\/\//.test(returnUrl)) throw new DomainError('sign-in-refused', 'the deep-linking request has no deep_link_return_url: the platform must say where the chosen content goes');
  const accepts = settings?.accept_types;
  if (Array.isArray(accepts) && !accepts.includes('ltiResourceLink')) throw new DomainError('sign-in-refused', `the platform accepts only ${accepts.join(', ')} here; DevForge places animations as ltiResourceLink items`);
  const token = newToken();
  await db.query(`DELETE FROM lti_deep_links WHERE created_at < now() - make_interval(mins => $1)`, [DEEP_LINK_TTL_MINUTES]);
  await db.query('INSERT INTO lti_deep_links (token_hash, user_id, platform_id, deployment_id, return_url, data) VALUES ($1, $2, $3, $4, $5, $6)', [
    hashToken(token),
    userId,
    launch.platform.id,
    launch.deploymentId,
    returnUrl,
    typeof settings?.data === 'string' ? settings.data : null,
  ]);
  return token;
}

/** The deep-linking request a picker page answers: the signed-in teacher's own, within the hour. */
export async function deepLinkFor(db: DataSource, principal: Actor, token: string, take = false): Promise<DeepLinkRequest> {
  authorize(principal, 'lti.deep-link');
  const rows = await sql<{ user_id: string; platform_id: string; deployment_id: string; return_url: string; data: string | null }>(
    db,
    `${take ? 'DELETE FROM lti_deep_links' : 'SELECT * FROM lti_deep_links'} WHERE token_hash = $1 AND user_id = $2 AND created_at > now() - make_interval(mins => $3) ${take ? 'RETURNING *' : ''}`,
    [hashToken(token), principal.userId, DEEP_LINK_TTL_MINUTES],
  );
  const row = rows[0];
  const platform = row && (await platformById(db, row.platform_id));
  if (!row || !platform)
    throw new DomainError('not-found', `this deep-linking request is unknown, already answered or older than ${DEEP_LINK_TTL_MINUTES} minutes: choose "Add activity" (Moodle) or the DevForge menu item (Canvas) in the course again`);
  return { userId: row.user_id, platform, deploymentId: row.deployment_id, returnUrl: row.return_url, data: row.data };
}

export interface DeepLinkAnswer {
  returnUrl: string;
  jwt: string;
}

/** Answers the request with the animation: the signed LtiDeepLinkingResponse to post to the platform's return URL. */
export async function answerDeepLink(db: DataSource, box: SecretBox, principal: Actor, token: string, animationId: string, launchUrl: string, origin?: Origin): Promise<DeepLinkAnswer> {
  authorize(principal, 'lti.deep-link');
  const animation = await getAnimationSummary(db, principal, animationId);
  await deepLinkFor(db, principal, token);
  await setOrgVisible(db, principal, animation.id, true, origin);
  const request = await deepLinkFor(db, principal, token, true);
  const { kid, key } = await currentSigningKey(db, box);
  const title = animation.title || animation.description.slice(0, 80);
  const jwt = await new SignJWT({
    nonce: randomBytes(16).toString('base64url'),
    [CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [CLAIM.version]: '1.3.0',
    [CLAIM.deploymentId]: request.deploymentId,
    ...(request.data !== null ? { [CLAIM.deepLinkingData]: request.data } : {}),
    [CLAIM.contentItems]: [{ type: 'ltiResourceLink', title, text: animation.description, url: launchUrl, custom: { animation_id: animation.id } }],
  })
    .setProtectedHeader({ alg: TOOL_ALG, kid, typ: 'JWT' })
    .setIssuer(request.platform.clientId)
    .setAudience(request.platform.issuer)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(key);
  await recordAudit(db, { actor: principal, action: 'lti.deep-link', target: { type: 'animation', id: animation.id }, origin, details: { issuer: request.platform.issuer, deployment_id: request.deploymentId } });
  return { returnUrl: request.returnUrl, jwt };
}

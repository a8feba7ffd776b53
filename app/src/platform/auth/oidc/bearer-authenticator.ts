// Authorization: Bearer <JWT> from the configured identity provider (a client-credentials client, a
// program) → a service principal. Verified with jose against the issuer's JWKS (jwks_uri from
// discovery, keys cached and refreshed by createRemoteJWKSet): issuer, audience, expiry and an
// asymmetric algorithm allow-list. Distinguished from API keys by shape: a key starts with dfk_, a JWT
// is three base64url parts. The service gets a users row (bound to issuer + subject, created at its
// first call) so what it creates has an owner like anything else; its role comes from the role claim
// or the scope, mapped by auth.oidc.roleMap, and is refreshed at every call.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import type { DataSource } from 'typeorm';
import type { Role } from '../../db/entities/user.ts';
import type { Authenticator } from '../chain.ts';
import { CredentialsError } from '../errors.ts';
import type { Credentials, Principal } from '../principal.ts';
import type { IdentityProvider } from './identity-provider.ts';
import { claimValues, mapRole, type RoleRule } from './role-mapping.ts';

const JWT_SHAPE = /^Bearer\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/i;
/** Asymmetric only: a symmetric (HS*) token would be signed with a secret the client also holds. */
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export class OidcBearerAuthenticator implements Authenticator {
  readonly name = 'oidc-bearer';
  private readonly db: DataSource;
  private readonly idp: IdentityProvider;
  private readonly audience: string;
  private readonly rule: RoleRule;
  private jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

  constructor(db: DataSource, idp: IdentityProvider, audience: string, rule: RoleRule) {
    this.db = db;
    this.idp = idp;
    this.audience = audience;
    this.rule = rule;
  }

  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    const match = JWT_SHAPE.exec(credentials.authorization ?? '');
    if (!match) return undefined;
    const metadata = this.idp.metadata();
    if (!metadata.jwks_uri) throw new CredentialsError(`the identity provider ${metadata.issuer} publishes no jwks_uri, so its tokens cannot be checked`);
    this.jwks ??= createRemoteJWKSet(new URL(metadata.jwks_uri));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(match[1]!, this.jwks, { issuer: metadata.issuer, audience: this.audience, algorithms: ALLOWED_ALGORITHMS }));
    } catch (err) {
      throw new CredentialsError(tokenProblem(err, metadata.issuer, this.audience));
    }
    if (!payload.sub) throw new CredentialsError('the bearer token has no subject (sub); ask the identity provider for a client-credentials access token');
    const names = [...claimValues(payload, this.rule.claim), ...claimValues(payload, 'scope')];
    const role = mapRole(names, this.rule);
    if (!role) throw new CredentialsError(`the bearer token maps to no DevForge role: give the client a role or scope listed in auth.oidc.roleMap (found: ${names.join(', ') || 'none'})`);
    const name = typeof payload.client_id === 'string' ? payload.client_id : typeof payload.azp === 'string' ? payload.azp : payload.sub;
    const user = await this.serviceUser(metadata.issuer, payload.sub, name, role);
    if (user.disabled) throw new CredentialsError(`the service account ${user.email} is disabled: ask an administrator to enable it`);
    return { userId: user.id, email: user.email, name: user.name, role, via: 'oidc' };
  }

  /** The service's account, created at its first call; its role follows the token. */
  private async serviceUser(issuer: string, subject: string, name: string, role: Role): Promise<{ id: string; email: string; name: string; disabled: boolean }> {
    const rows: { id: string; email: string; name: string; disabled: boolean }[] = await this.db.query(
      `INSERT INTO users (email, name, role, oidc_issuer, oidc_subject)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL
       DO UPDATE SET role = EXCLUDED.role, updated_at = now() WHERE users.role <> EXCLUDED.role
       RETURNING id, email, name, disabled`,
      [`service:${subject}`, name, role, issuer, subject],
    );
    if (rows[0]) return rows[0];
    const existing: { id: string; email: string; name: string; disabled: boolean }[] = await this.db.query('SELECT id, email, name, disabled FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2', [issuer, subject]);
    return existing[0]!;
  }
}

function tokenProblem(err: unknown, issuer: string, audience: string): string {
  if (err instanceof joseErrors.JWTExpired) return 'the bearer token has expired: ask the identity provider for a new one';
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return `the bearer token was issued by another issuer: DevForge accepts tokens from ${issuer} only`;
    if (err.claim === 'aud') return `the bearer token is not meant for DevForge: its audience (aud) must include ${audience} (auth.oidc.audience)`;
    return `the bearer token's ${err.claim} claim is invalid (${err.reason})`;
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return `the bearer token's signing algorithm is not allowed; use one of ${ALLOWED_ALGORITHMS.join(', ')}`;
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWSSignatureVerificationFailed) return `the bearer token's signature does not match any key of ${issuer}`;
  if (err instanceof joseErrors.JOSEError) return `the bearer token cannot be checked: ${err.message}`;
  return `the bearer token cannot be checked against ${issuer}: ${(err as Error).message}`;
}

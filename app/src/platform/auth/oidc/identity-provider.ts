// The OpenID Connect relying party (openid-client v6): discovery of the issuer, the authorization-code
// flow with PKCE, state and nonce, and the RP-initiated logout URL. Discovery runs in the background
// and is retried with backoff, so an identity provider that is down at start-up leaves the appliance
// running (local break-glass sign-in and API keys keep working) with a clear log line and an `oidc`
// readiness check that names the issuer and the failure, instead of a crash loop.
import * as client from 'openid-client';
import type { Logger } from '../../log.ts';
import { IdpUnavailableError } from '../errors.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowHttp: boolean;
}

/** A sign-in in progress: what the callback must see again. */
export interface LoginChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string;
  name: string;
  /** ID token claims merged with userinfo (userinfo wins), for the role claim. */
  claims: Record<string, unknown>;
  idToken: string;
}

const MAX_BACKOFF_MS = 60_000;

export class IdentityProvider {
  readonly settings: OidcSettings;
  private readonly log: Logger;
  private config: client.Configuration | undefined;
  private lastError = 'discovery has not finished yet';
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private waiters: (() => void)[] = [];

  constructor(settings: OidcSettings, log: Logger) {
    this.settings = settings;
    this.log = log;
  }

  /** Starts discovery in the background; resolves after the first attempt, whatever its outcome. */
  async start(): Promise<void> {
    await this.discover(1_000);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Readiness: throws while the issuer has not been discovered. */
  check(): Promise<void> {
    if (this.config) return Promise.resolve();
    return Promise.reject(new Error(`issuer ${this.settings.issuer}: ${this.lastError}`));
  }

  /** Resolves once discovery has succeeded (tests and the bearer authenticator's first call). */
  ready(): Promise<void> {
    return this.config ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  configuration(): client.Configuration {
    if (!this.config) throw new IdpUnavailableError(`single sign-on is not available yet: the identity provider ${this.settings.issuer} has not answered (${this.lastError}); DevForge keeps retrying, try again shortly`);
    return this.config;
  }

  /** The issuer's metadata as discovered (jwks_uri, end_session_endpoint). */
  metadata(): client.ServerMetadata {
    return this.configuration().serverMetadata();
  }

  private async discover(backoffMs: number): Promise<void> {
    try {
      const options = this.settings.allowHttp ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 };
      this.config = await client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, options);
      this.log.info(`single sign-on: discovered ${this.settings.issuer}`);
      for (const resolve of this.waiters.splice(0)) resolve();
    } catch (err) {
      const e = err as Error & { cause?: Error & { code?: string } };
      this.lastError = [e.message, e.cause?.message ?? e.cause?.code].filter(Boolean).join(': ');
      this.log.error(
        `single sign-on: discovery of ${this.settings.issuer} failed (${this.lastError}); check auth.oidc.issuer (DEVFORGE_OIDC_ISSUER) is the issuer URL, that ${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration answers from this machine, and its TLS certificate; retrying in ${backoffMs / 1000} s`,
      );
      if (!this.stopped) this.timer = setTimeout(() => void this.discover(Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs);
    }
  }

  /** The authorization URL to send the browser to, and the checks its callback must match. */
  async beginLogin(redirectUri: string): Promise<{ url: string; checks: LoginChecks }> {
    const config = this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: checks.state,
      nonce: checks.nonce,
    });
    return { url: url.href, checks };
  }

  /** Exchanges the code (state, nonce and PKCE checked by openid-client) and reads who signed in. */
  async finishLogin(currentUrl: URL, checks: LoginChecks, redirectUri: string): Promise<OidcIdentity> {
    const config = this.configuration();
    const tokens = await client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true }, { redirect_uri: redirectUri });
    const idClaims = tokens.claims();
    if (!idClaims || !tokens.id_token) throw new Error('the identity provider returned no ID token');
    let claims: Record<string, unknown> = { ...idClaims };
    if (config.serverMetadata().userinfo_endpoint) {
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      claims = { ...claims, ...info };
    }
    const email = typeof claims.email === 'string' ? claims.email : typeof claims.preferred_username === 'string' ? claims.preferred_username : idClaims.sub;
    const name = typeof claims.name === 'string' ? claims.name : '';
    return { issuer: idClaims.iss, subject: idClaims.sub, email, name, claims, idToken: tokens.id_token };
  }

  /** RP-initiated logout: where to send the browser so the IdP session ends too (undefined: the IdP has no end_session_endpoint). */
  endSessionUrl(idToken: string, postLogoutRedirectUri: string): string | undefined {
    if (!this.config?.serverMetadata().end_session_endpoint) return undefined;
    return client.buildEndSessionUrl(this.config, { id_token_hint: idToken, post_logout_redirect_uri: postLogoutRedirectUri }).href;
  }
}

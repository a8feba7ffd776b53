// The OpenID Connect relying party (openid-client v6): discovery of the issuer, the authorization-code
// flow with PKCE, state and nonce, and the RP-initiated logout URL. Discovery runs in the background
// and is retried with backoff, so an identity provider that is down at start-up leaves the appliance
// running (local break-glass sign-in and API keys keep working) with a clear log line and an `oidc`
// readiness check that names the issuer and the failure, instead of a crash loop. Each browser sign-in
// asks the issuer again first (refresh(): one request shared by concurrent sign-ins), so an IdP that went
// down after start-up is a clear page instead of a browser stranded at an unreachable address, and one
// that comes back is used at the next click, without waiting for the background backoff.
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

/** The scopes every browser sign-in asks for (the admin console's single sign-on page shows them). */
export const SIGN_IN_SCOPES = ['openid', 'email', 'profile'] as const;

export class IdentityProvider {
  readonly settings: OidcSettings;
  private readonly log: Logger;
  private config: client.Configuration | undefined;
  private lastError = 'discovery has not finished yet';
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private waiters: (() => void)[] = [];
  private refreshing: Promise<void> | undefined;
  private failedAt = 0;

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

  /**
   * Discovers the issuer again now (concurrent callers share one request, so a crowd clicking "Sign in" asks
   * once; each one is on the sign-in budget of its address): throws IdpUnavailableError when it
   * does not answer, so a sign-in is not sent to an IdP that is down. On success the background retries stop.
   */
  async refresh(): Promise<void> {
    this.refreshing ??= this.fetchConfiguration(5)
      .then(
        (config) => {
          const recovered = !this.config || this.failedAt > 0;
          this.config = config;
          this.failedAt = 0;
          clearTimeout(this.timer);
          if (recovered) this.log.info(`single sign-on: ${this.settings.issuer} answers again`);
          for (const resolve of this.waiters.splice(0)) resolve();
        },
        (err: unknown) => {
          this.lastError = describe(err);
          this.failedAt = Date.now();
          this.log.warn(`single sign-on: ${this.settings.issuer} does not answer (${this.lastError}); sign-ins through it fail until it does`);
          throw this.unavailable();
        },
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private unavailable(): IdpUnavailableError {
    return new IdpUnavailableError(`the identity provider ${this.settings.issuer} does not answer (${this.lastError}); try again shortly, or, if you are the administrator, sign in with your password`);
  }

  private fetchConfiguration(timeoutS: number): Promise<client.Configuration> {
    const options = this.settings.allowHttp ? { execute: [client.allowInsecureRequests], timeout: timeoutS } : { timeout: timeoutS };
    return client.discovery(new URL(this.settings.issuer), this.settings.clientId, this.settings.clientSecret, undefined, options);
  }

  private async discover(backoffMs: number): Promise<void> {
    if (this.config) return;
    try {
      this.config = await this.fetchConfiguration(10);
      this.log.info(`single sign-on: discovered ${this.settings.issuer}`);
      for (const resolve of this.waiters.splice(0)) resolve();
    } catch (err) {
      this.lastError = describe(err);
      this.log.error(
        `single sign-on: discovery of ${this.settings.issuer} failed (${this.lastError}); check auth.oidc.issuer (DEVFORGE_OIDC_ISSUER) is the issuer URL, that ${this.settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration answers from this machine, and its TLS certificate; retrying in ${backoffMs / 1000} s`,
      );
      if (!this.stopped) this.timer = setTimeout(() => void this.discover(Math.min(backoffMs * 2, MAX_BACKOFF_MS)), backoffMs);
    }
  }

  /** The authorization URL to send the browser to, and the checks its callback must match (the issuer is asked first: refresh()). */
  async beginLogin(redirectUri: string): Promise<{ url: string; checks: LoginChecks }> {
    await this.refresh();
    const config = this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const checks = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier };
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: SIGN_IN_SCOPES.join(' '),
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
    const tokens = await unreachableAsUnavailable(this.settings.issuer, () =>
      client.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true }, { redirect_uri: redirectUri }),
    );
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

function describe(err: unknown): string {
  const e = err as Error & { cause?: Error & { code?: string } };
  return [e.message, e.cause?.message ?? e.cause?.code].filter(Boolean).join(': ');
}

/** Error codes of a request that never got an answer (refused, reset, timed out, name unknown). */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']);

function isUnreachable(err: unknown): boolean {
  for (let e = err as (Error & { code?: string; cause?: unknown }) | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError' || (e.code && NETWORK_CODES.has(e.code))) return true;
    if (e instanceof TypeError && e.message === 'fetch failed') return true;
  }
  return false;
}

/** Runs a request to the IdP; one that got no answer becomes IdpUnavailableError (503), the IdP's own refusals stay as they are. */
async function unreachableAsUnavailable<T>(issuer: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (err) {
    if (isUnreachable(err)) throw new IdpUnavailableError(`the identity provider ${issuer} did not answer while finishing the sign-in (${describe(err)}); try again shortly`);
    throw err;
  }
}

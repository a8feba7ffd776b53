// Builds single sign-on from the configuration: checks what can be checked without the network (a
// client id, an https issuer unless auth.oidc.allowHttp, a readable role map) and stops start-up with
// a message saying what to fix; then starts discovery, which only logs and retries when the IdP is down.
// The client secret is the configured one (auth.oidc.clientSecret / DEVFORGE_OIDC_CLIENT_SECRET /
// auth.oidc.clientSecretFile) or, when none is configured, the one `devforge sso set-client-secret`
// stored sealed in the database. When both exist the configuration wins, with a warning: an operator
// who sets the variable to override a stale stored value must not be refused a start.
import type { DataSource } from 'typeorm';
import type { DevforgeConfig } from '../../../config/schema.ts';
import type { Logger } from '../../log.ts';
import { OIDC_CLIENT_SECRET, sealedSetting } from '../../secrets/sealed-settings.ts';
import type { SecretBox } from '../../secrets/secret-box.ts';
import { OidcBearerAuthenticator } from './bearer-authenticator.ts';
import { IdentityProvider } from './identity-provider.ts';
import { roleRule } from './role-mapping.ts';

export async function startIdentityProvider(config: DevforgeConfig, db: DataSource, box: SecretBox, log: Logger): Promise<{ idp: IdentityProvider; bearer: OidcBearerAuthenticator } | undefined> {
  const oidc = config.auth.oidc;
  if (!oidc.issuer) return undefined;
  let issuer: URL;
  try {
    issuer = new URL(oidc.issuer);
  } catch {
    throw new Error(`auth.oidc.issuer (DEVFORGE_OIDC_ISSUER): "${oidc.issuer}" is not a URL; give the issuer URL, e.g. https://sso.example.com/realms/devforge`);
  }
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && oidc.allowHttp)) {
    throw new Error(`auth.oidc.issuer (DEVFORGE_OIDC_ISSUER): ${oidc.issuer} is not https; use the https URL (an http:// issuer needs auth.oidc.allowHttp, DEVFORGE_OIDC_ALLOW_HTTP=true, for tests and labs only)`);
  }
  if (!oidc.clientId) throw new Error('auth.oidc.clientId (DEVFORGE_OIDC_CLIENT_ID) is empty: give the client id DevForge is registered with at the identity provider');
  const rule = roleRule(oidc);
  const stored = await sealedSetting(db, box, OIDC_CLIENT_SECRET);
  if (stored !== undefined && oidc.clientSecret)
    log.warn(
      'single sign-on: auth.oidc.clientSecret is configured and a client secret is stored in the database (devforge sso set-client-secret); the configured one is used. Remove one of the two: unset it, or run devforge sso clear-client-secret',
    );
  const clientSecret = oidc.clientSecret || stored || '';
  const idp = new IdentityProvider({ issuer: oidc.issuer, clientId: oidc.clientId, clientSecret, allowHttp: oidc.allowHttp }, log);
  await idp.start();
  return { idp, bearer: new OidcBearerAuthenticator(db, idp, oidc.audience || oidc.clientId, rule) };
}

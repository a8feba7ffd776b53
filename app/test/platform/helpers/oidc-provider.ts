// A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the single sign-on tests: a confidential
// client for the browser flow, client-credentials clients whose JWT access tokens are for the
// resource `urn:devforge` (audience devforge) or `urn:other` (audience other-api), Keycloak-shaped
// claims (realm_access.roles, groups), dev interactions for the login form, RP-initiated logout.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestIdp {
  issuer: string;
  provider: Provider;
  stop(): Promise<void>;
}

export interface IdpOptions {
  /** Claims of the account that signs in (any login name): realm_access, groups, email… */
  accountClaims: Record<string, unknown>;
  redirectUri: string;
  postLogoutRedirectUri: string;
  /** Listen on this port (to bring an IdP back where it was); default: any free one. */
  port?: number;
}

export async function startTestIdp(opts: IdpOptions): Promise<TestIdp> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      { client_id: 'devforge', client_secret: 'devforge-secret', redirect_uris: [opts.redirectUri], post_logout_redirect_uris: [opts.postLogoutRedirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
      { client_id: 'render-bot', client_secret: 'bot-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
      { client_id: 'short-lived-bot', client_secret: 'bot-secret', grant_types: ['client_credentials'], response_types: [], redirect_uris: [] },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'realm_access', 'groups'] },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // The browser client gets an opaque token for userinfo; services get JWTs for the DevForge API.
        defaultResource: (_ctx: unknown, client: { clientId: string }) => (client.clientId === 'devforge' ? undefined : 'urn:devforge'),
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx: unknown, resource: string) => ({ scope: 'devforge-editor devforge-admin', audience: resource === 'urn:other' ? 'other-api' : 'devforge', accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } }),
      },
    },
    ttl: { ClientCredentials: (_ctx: unknown, _token: unknown, client: { clientId: string }) => (client.clientId === 'short-lived-bot' ? 1 : 600) },
    findAccount: (_ctx: unknown, id: string) => ({ accountId: id, claims: () => ({ sub: id, name: `Person ${id}`, email: `${id}@example.com`, email_verified: true, ...opts.accountClaims }) }),
  });
  server.on('request', provider.callback());
  // Stopping drops the connections clients keep alive too: the IdP is gone, not just closed to newcomers.
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { issuer, provider, stop };
}

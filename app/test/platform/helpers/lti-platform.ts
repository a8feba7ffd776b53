// A learning platform the LTI tests play (Moodle or Canvas in real life), on a loopback HTTP server with
// its own RSA key pair: GET /jwks publishes its public key; GET /auth is its OIDC auth endpoint, which
// answers the tool's redirect with a page that posts a signed ID token (the claims the test scripts, with
// the tool's nonce) and the state back to the redirect_uri, as a platform's form_post does; POST /return
// is the deep_link_return_url, keeping each JWT the tool sends back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export const CLIENT_ID = 'devforge-tool';
export const DEPLOYMENT_ID = 'deployment-1';

export const LTI = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
} as const;

export const ROLE = {
  instructor: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
  learner: 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
};

export interface AuthRequest {
  params: URLSearchParams;
}

export interface TestPlatform {
  issuer: string;
  url: string;
  authUrl: string;
  jwksUrl: string;
  returnUrl: string;
  kid: string;
  /** The claims of the next ID tokens /auth signs (beyond iss, aud, iat, exp, nonce), by login hint. */
  claimsFor: (loginHint: string, request: URLSearchParams) => Record<string, unknown>;
  /** Every request to /auth. */
  authRequests: URLSearchParams[];
  /** Every JWT posted to /return. */
  returned: string[];
  /** An ID token signed with the platform's key (or `key`, to forge one). */
  sign(claims: Record<string, unknown>, opts?: { key?: CryptoKey; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

/** The ID token claims of a resource link launch or a deep-linking request, for one person. */
export function launchClaims(kind: 'resource' | 'deep-link', person: { sub: string; email?: string; name?: string; roles: string[] }, tool: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: Record<string, unknown> = {
    sub: person.sub,
    ...(person.email ? { email: person.email } : {}),
    name: person.name ?? person.sub,
    [LTI.version]: '1.3.0',
    [LTI.deploymentId]: DEPLOYMENT_ID,
    [LTI.roles]: person.roles,
    [LTI.targetLinkUri]: `${tool}/lti/launch`,
  };
  if (kind === 'resource') return { ...base, [LTI.messageType]: 'LtiResourceLinkRequest', [LTI.resourceLink]: { id: 'link-1', title: 'Sorting' }, ...extra };
  return { ...base, [LTI.messageType]: 'LtiDeepLinkingRequest', ...extra };
}

export async function startTestPlatform(): Promise<TestPlatform> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = 'platform-key-1';
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const authRequests: URLSearchParams[] = [];
  const returned: string[] = [];
  let origin = '';
  const platform: TestPlatform = {
    issuer: '',
    url: '',
    authUrl: '',
    jwksUrl: '',
    returnUrl: '',
    kid,
    claimsFor: () => {
      throw new Error('the test set no claims for this launch');
    },
    authRequests,
    returned,
    sign: (claims, opts = {}) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? kid, typ: 'JWT' })
        .setIssuer(typeof claims.iss === 'string' ? claims.iss : origin)
        .setAudience((claims.aud as string | string[] | undefined) ?? CLIENT_ID)
        .setIssuedAt(typeof claims.iat === 'number' ? claims.iat : undefined)
        .setExpirationTime(typeof claims.exp === 'number' ? claims.exp : '5m')
        .sign(opts.key ?? privateKey),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void (async () => {
        if (url.pathname === '/jwks') {
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
        } else if (url.pathname === '/auth') {
          const q = url.searchParams;
          authRequests.push(q);
          const claims = { ...platform.claimsFor(q.get('login_hint') ?? '', q), nonce: q.get('nonce') };
          const idToken = await platform.sign(claims);
          // The platform's form_post answer: a page that posts the token to the tool at once.
          res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><html lang="en"><title>Platform</title><body>
<form id="f" method="post" action="${q.get('redirect_uri')}"><input type="hidden" name="id_token" value="${idToken}"><input type="hidden" name="state" value="${q.get('state')}"></form>
<script>document.getElementById('f').submit()</script></body></html>`);
        } else if (url.pathname === '/return' && req.method === 'POST') {
          const jwt = new URLSearchParams(Buffer.concat(chunks).toString()).get('JWT') ?? '';
          returned.push(jwt);
          res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html lang="en"><title>Course</title><body><h1 id="placed">Content placed in the course</h1></body></html>');
        } else {
          res.writeHead(404).end();
        }
      })().catch((err: Error) => res.writeHead(500).end(err.message));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  Object.assign(platform, { issuer: origin, url: origin, authUrl: `${origin}/auth`, jwksUrl: `${origin}/jwks`, returnUrl: `${origin}/return` });
  return platform;
}

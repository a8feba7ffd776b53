// What an authenticator may look at. Who it finds is a Principal (../domain/principal.ts): routes and
// the domain see only that, never how it was obtained, which is what lets SSO slot into the chain.
export type { Principal } from '../domain/principal.ts';

/** What an authenticator may look at. */
export interface Credentials {
  authorization: string | undefined;
  cookie(name: string): string | undefined;
}

// The pluggable authentication chain. Each authenticator looks at the request: it returns a principal
// when the credentials are its kind and valid, throws a CredentialsError when they are its kind
// and wrong (expired, revoked), and returns undefined when they are not its kind. An OIDC bearer-JWT
// authenticator is one more entry in this list; no route changes.
import { CredentialsError } from './errors.ts';
import type { Credentials, Principal } from './principal.ts';

export interface Authenticator {
  readonly name: string;
  authenticate(credentials: Credentials): Promise<Principal | undefined>;
  /** Drops anything cached (a key was revoked, an account changed). */
  clear?(): void;
}

export class AuthChain {
  private readonly authenticators: Authenticator[];

  constructor(authenticators: Authenticator[]) {
    this.authenticators = authenticators;
  }

  /** Forget cached checks in this process (other processes hear it through NOTIFY). */
  forget(): void {
    for (const authenticator of this.authenticators) authenticator.clear?.();
  }

  /** The principal, or undefined when no credentials were sent at all. */
  async authenticate(credentials: Credentials): Promise<Principal | undefined> {
    for (const authenticator of this.authenticators) {
      const principal = await authenticator.authenticate(credentials);
      if (principal) return principal;
    }
    // Credentials nobody recognised are wrong credentials, not anonymous ones.
    if (credentials.authorization) throw new CredentialsError('the Authorization header holds no valid credentials; send Authorization: Bearer <API key>');
    return undefined;
  }
}

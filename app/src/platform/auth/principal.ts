// Who is making a request, however they proved it. Routes and the domain see only this, never how it
// was obtained, which is what lets SSO slot into the chain later.
import type { Role } from '../db/entities/user.ts';
import type { Scope } from './scopes.ts';

export type { Role };

export interface Principal {
  userId: string;
  email: string;
  name: string;
  /** The role this request acts with (an API key's role is capped by its owner's). */
  role: Role;
  /** console: an operator at the appliance itself (the devforge CLI), acting as the account it names; slack, teams: a chat command from the chat account linked to it. */
  via: 'session' | 'api-key' | 'oidc' | 'console' | 'slack' | 'teams';
  /** Set for cookie sessions: writes must echo this in X-CSRF-Token. */
  csrfToken?: string;
  sessionId?: string;
  apiKeyId?: string;
  /** The IdP groups the user was in at their last single sign-on (sharing grants to a group apply to its members); none for local accounts. */
  groups?: readonly string[];
  /** Set for API keys: what this key may be used for (domain/policy.ts names the scope each action needs). */
  scopes?: readonly Scope[];
  /** Set for sandbox API keys: renders watermarked SANDBOX, capped, counted against no quota (licensing.md). */
  sandbox?: boolean;
  /**
   * Set for publishable API keys (the widget's, public in a web page): the key works only from these web
   * origins and only for what a widget does (domain/policy.ts WIDGET_ACTIONS).
   */
  publishable?: { allowedOrigins: readonly string[] };
}

/** What an authenticator may look at. */
export interface Credentials {
  authorization: string | undefined;
  cookie(name: string): string | undefined;
}

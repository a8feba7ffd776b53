// Credentials that were sent but are wrong: unknown, revoked or expired keys, a disabled account. The
// HTTP layer answers 401 unauthorized (api/domain-problems.ts); sending none at all is not this error.
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

// Single sign-on is configured but its identity provider has not answered discovery yet (or not
// since start-up): 503 service-unavailable with Retry-After, never a crash.
export class IdpUnavailableError extends Error {
  override name = 'IdpUnavailableError';
}

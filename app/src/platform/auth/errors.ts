// Credentials that were sent but are wrong: unknown, revoked or expired keys, a disabled account. The
// HTTP layer answers 401 unauthorized (api/domain-problems.ts); sending none at all is not this error.
export class CredentialsError extends Error {
  override name = 'CredentialsError';
}

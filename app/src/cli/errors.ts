// How the CLI reports failures: one line per problem on stderr, and an exit code that says what kind.
export class UsageError extends Error {
  override name = 'UsageError';
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

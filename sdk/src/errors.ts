// API errors as one typed error: the server answers every failure with application/problem+json (RFC 9457),
// whose stable `type` (urn:devforge:problem:<name>) says what went wrong and `detail` what exactly.
import type { Problem } from './types.ts';

export const PROBLEM_URN = 'urn:devforge:problem:';

export type ProblemType = Problem['type'];

export class DevForgeError extends Error {
  override name = 'DevForgeError';
  /** The stable problem type, e.g. urn:devforge:problem:not-understood (a ProblemType; urn:devforge:problem:http-<status> when the answer was not a problem document). */
  readonly type: string;
  /** The problem's short name: `type` without the urn:devforge:problem: prefix (not-understood). */
  readonly code: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string | undefined;
  /** Field errors of a validation failure. */
  readonly errors: NonNullable<Problem['errors']>;
  /** The whole problem document, with the extra members some types carry (suggestions, retry_after_s, entitlement…). */
  readonly problem: Problem & Record<string, unknown>;

  constructor(problem: Problem & Record<string, unknown>) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title);
    this.problem = problem;
    this.type = problem.type;
    this.code = problem.type.startsWith(PROBLEM_URN) ? problem.type.slice(PROBLEM_URN.length) : problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.detail = problem.detail;
    this.errors = problem.errors ?? [];
  }
}

/** The error of a failed response: its problem document, or one made up from the status when the body is not one (a proxy's HTML page). */
export async function errorOf(res: Response): Promise<DevForgeError> {
  const text = await res.text();
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      const body = JSON.parse(text) as Problem & Record<string, unknown>;
      if (typeof body.type === 'string' && typeof body.title === 'string') return new DevForgeError({ ...body, status: body.status ?? res.status });
    } catch {
      // Not JSON after all: described below.
    }
  }
  return new DevForgeError({ type: `${PROBLEM_URN}http-${res.status}` as ProblemType, title: `HTTP ${res.status} ${res.statusText}`.trim(), status: res.status, detail: text.slice(0, 500) || undefined });
}

// Sandbox keys (the developer sandbox: unlimited testing, no billing). What a sandbox key submits is
// watermarked "SANDBOX" by the renderer, capped at SANDBOX_MAX_QUALITY and SANDBOX_MAX_DURATION_S, and
// counted against no quota (neither animations nor API calls per month): the caps are what keeps free
// use from being production use. A request beyond a cap is refused (sandbox-limit), never cut down.
import type { Quality } from '../../../licensing/entitlements.ts';
import { qualityAllowed } from '../../../licensing/entitlements.ts';
import { DomainError } from '../errors.ts';

export const SANDBOX_MAX_QUALITY: Quality = '720p';
/** Seconds: long enough to try any template, too short to be the video someone ships. */
export const SANDBOX_MAX_DURATION_S = 15;
/** The text the renderer draws on every sandbox video (on Free, beside the Free watermark). */
export const SANDBOX_WATERMARK = 'SANDBOX';

const LIFT = 'use a standard (non-sandbox) API key';

/** Refuses a quality above the sandbox's; called before composing. */
export function admitSandboxQuality(quality: Quality, field = 'body'): void {
  if (qualityAllowed(SANDBOX_MAX_QUALITY, quality)) return;
  throw new DomainError('sandbox-limit', `${field}.quality: a sandbox key renders at most ${SANDBOX_MAX_QUALITY}, and ${quality} was asked: ask for ${SANDBOX_MAX_QUALITY}, or ${LIFT}`, {
    fields: [{ field: `${field}.quality`, message: `at most ${SANDBOX_MAX_QUALITY} with a sandbox key` }],
    data: { limit: SANDBOX_MAX_QUALITY, requested: quality, lift: LIFT },
  });
}

/** Refuses a scene longer than the sandbox allows; `durationS` is the composed scene's (what would be rendered). */
export function admitSandboxDuration(durationS: number, field = 'body'): void {
  if (durationS <= SANDBOX_MAX_DURATION_S) return;
  const shown = Math.round(durationS * 10) / 10;
  throw new DomainError('sandbox-limit', `${field}.duration: a sandbox key renders at most ${SANDBOX_MAX_DURATION_S} s, and this animation lasts ${shown} s: ask for duration ${SANDBOX_MAX_DURATION_S} or less, or ${LIFT}`, {
    fields: [{ field: `${field}.duration`, message: `at most ${SANDBOX_MAX_DURATION_S} s with a sandbox key` }],
    data: { limit: SANDBOX_MAX_DURATION_S, requested: shown, lift: LIFT },
  });
}

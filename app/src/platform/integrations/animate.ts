// What Slack and Teams share once a request is verified: who the chat user is here (their linked account,
// or none), making the animation as that account (its role, the rate limits, admission and the license
// apply exactly as on POST /api/v1/animations/generate), remembering where to post the finished link, and
// the audit entry of every command (who, from which service and channel, what came of it).
import type { Context } from 'koa';
import { admit } from '../api/rate-limit.ts';
import { Problem } from '../api/problems.ts';
import { generateBody } from '../api/schemas/animations.ts';
import type { Principal } from '../auth/principal.ts';
import { recordAudit, type Origin } from '../domain/audit/record.ts';
import { createAnimation } from '../domain/commands/animations/create.ts';
import { addFollowUp } from '../domain/commands/chat/follow-ups.ts';
import { linkedPrincipal, type ChatUser } from '../domain/commands/chat/identities.ts';
import { DomainError } from '../domain/errors.ts';
import { baseUrl, type ApiServices } from '../services.ts';
import { animationPath } from '../web/app-paths.ts';

export type AnimateOutcome =
  { kind: 'link-needed' } | { kind: 'queued'; animationId: string; pageUrl: string } | { kind: 'refused'; reason: string } | { kind: 'not-understood'; message: string; suggestions: { title: string; example: string }[] };

export interface ChatRequest {
  who: ChatUser;
  /** The channel or conversation it came from, for the audit log. */
  channel: string;
  origin: Origin;
}

export function originOf(ctx: Context): Origin {
  const userAgent = ctx.get('user-agent');
  return { ip: ctx.ip || 'unknown', ...(userAgent ? { userAgent } : {}) };
}

/** One audit entry per command: the linked account when there is one, else the chat user's name as the label. */
export async function auditCommand(s: ApiServices, req: ChatRequest, principal: Principal | undefined, command: string, outcome: string, animationId?: string): Promise<void> {
  await recordAudit(s.db, {
    actor: principal ?? 'anonymous',
    action: 'integration.command',
    ...(animationId ? { target: { type: 'animation', id: animationId } } : {}),
    origin: req.origin,
    ...(principal ? {} : { label: `${req.who.provider}:${req.who.name}` }),
    details: { provider: req.who.provider, workspace: req.who.workspace, channel: req.channel, external_id: req.who.externalId, command, outcome },
  });
}

function suggestionsOf(err: DomainError): { title: string; example: string }[] {
  const list = (err.data as { suggestions?: unknown }).suggestions;
  if (!Array.isArray(list)) return [];
  return (list as { title?: unknown; example?: unknown }[]).filter((x): x is { title: string; example: string } => typeof x?.title === 'string' && typeof x?.example === 'string').slice(0, 3);
}

async function tryCreate(ctx: Context, s: ApiServices, principal: Principal, description: string, req: ChatRequest, followUpUrl: string | undefined): Promise<AnimateOutcome> {
  try {
    await admit(ctx, s.limits, 'generate', principal, (budget) => s.metrics.rateLimited.inc({ budget }));
    const input = generateBody.safeParse({ description });
    if (!input.success) return { kind: 'refused', reason: input.error.issues.map((i) => i.message).join('; ') };
    const animation = await createAnimation(s, principal, input.data, req.origin);
    if (followUpUrl) await addFollowUp(s.db, s.queue, { animationId: animation.id, provider: req.who.provider, url: followUpUrl, channel: req.channel });
    return { kind: 'queued', animationId: animation.id, pageUrl: baseUrl(ctx, s.config) + animationPath(animation.id) };
  } catch (err) {
    if (err instanceof DomainError && err.code === 'not-understood') return { kind: 'not-understood', message: err.message, suggestions: suggestionsOf(err) };
    // Refusals in words: the role (a viewer), the license, a rate limit, a description missing its data.
    if (err instanceof DomainError || err instanceof Problem) return { kind: 'refused', reason: err.message };
    throw err;
  }
}

/** Makes the animation as the linked account; `followUpUrl` receives the finished link (already checked). */
export async function animateFromChat(ctx: Context, s: ApiServices, req: ChatRequest, description: string, followUpUrl: string | undefined): Promise<AnimateOutcome> {
  const principal = await linkedPrincipal(s.db, req.who);
  if (!principal) {
    await auditCommand(s, req, undefined, 'animate', 'link-needed');
    return { kind: 'link-needed' };
  }
  const outcome = await tryCreate(ctx, s, principal, description, req, followUpUrl);
  await auditCommand(s, req, principal, 'animate', outcome.kind === 'refused' ? `refused: ${outcome.reason}`.slice(0, 300) : outcome.kind, outcome.kind === 'queued' ? outcome.animationId : undefined);
  return outcome;
}

/** The outcome, or undefined when it takes longer than `ms` (the work goes on; `late` gets the outcome). */
export async function within<T>(work: Promise<T>, ms: number, late: (value: T) => Promise<void>, onError: (err: unknown) => void): Promise<T | undefined> {
  const { promise: timeout, resolve } = Promise.withResolvers<undefined>();
  const timer = setTimeout(() => resolve(undefined), ms);
  const first = await Promise.race([work, timeout]);
  clearTimeout(timer);
  if (first !== undefined) return first;
  void work.then(late).catch(onError);
  return undefined;
}

// POST /integrations/teams/messages: a Teams outgoing webhook (`@DevForge animate …` in a channel). Teams
// signs the raw body with the security token it showed when the webhook was made (signatures.ts); the
// activity's own timestamp, inside the signed body, must be within 5 minutes, and a signature seen before
// is a replay: all three refused with 401. Teams waits at most 5 s for the answer and takes no later post
// on this path, so the answer is the card: queued (with the animation's page), or help, or how to link,
// or the refusal. The finished card goes to integrations.teams.notifyUrl when one is set.
// GET /integrations/teams/posters/…: the poster a finished card shows, behind a capability URL (poster-link.ts).
import type Router from '@koa/router';
import type { Context } from 'koa';
import { Problem } from '../api/problems.ts';
import { requestLink } from '../domain/commands/chat/identities.ts';
import { firstSighting } from '../domain/commands/chat/replays.ts';
import { posterOfGeneration } from '../domain/queries/chat.ts';
import { baseUrl, type ApiServices } from '../services.ts';
import { animateFromChat, auditCommand, originOf, within, type AnimateOutcome, type ChatRequest } from './animate.ts';
import { parseChatCommand, teamsCommandText } from './chat-command.ts';
import { posterLinkValid } from './poster-link.ts';
import { SIGNATURE_WINDOW_S, verifyTeams } from './signatures.ts';
import { teamsHelp, teamsLinkNeeded, teamsLinkOffer, teamsNotUnderstood, teamsQueued, teamsRefused, type TeamsMessage } from './teams-cards.ts';

/** Under the 5 s Teams waits. */
const ANSWER_WITHIN_MS = 4_000;

interface Activity {
  type?: string;
  text?: string;
  timestamp?: string;
  from?: { id?: string; name?: string; aadObjectId?: string };
  conversation?: { id?: string; tenantId?: string; name?: string };
  channelData?: { tenant?: { id?: string }; channel?: { id?: string; name?: string }; team?: { id?: string; name?: string } };
}

function cardFor(outcome: AnimateOutcome, description: string): TeamsMessage {
  switch (outcome.kind) {
    case 'link-needed':
      return teamsLinkNeeded();
    case 'queued':
      return teamsQueued(description, outcome.pageUrl);
    case 'refused':
      return teamsRefused(outcome.reason);
    case 'not-understood':
      return teamsNotUnderstood(outcome.message, outcome.suggestions);
  }
}

async function rawBody(ctx: Context, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Problem('payload-too-large', `the body limit is ${limit} bytes (server.bodyLimitBytes)`, { limit_bytes: limit });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function verifiedActivity(ctx: Context, s: ApiServices, token: string): Promise<Activity> {
  const raw = await rawBody(ctx, s.config.server.bodyLimitBytes);
  const authorization = ctx.get('authorization') || undefined;
  const verdict = verifyTeams(token, authorization, raw);
  if (!verdict.ok) throw new Problem('unauthorized', verdict.reason);
  let activity: Activity;
  try {
    activity = JSON.parse(raw.toString('utf8')) as Activity;
  } catch (err) {
    throw new Problem('malformed-json', (err as Error).message);
  }
  const at = Date.parse(activity.timestamp ?? '');
  if (!Number.isFinite(at) || Math.abs(Date.now() - at) > SIGNATURE_WINDOW_S * 1000)
    throw new Problem('unauthorized', `the activity's timestamp is missing or more than ${SIGNATURE_WINDOW_S / 60} minutes from this server's clock: a stale or replayed request (or a clock out of sync: check NTP)`);
  if (!(await firstSighting(s.db, `teams:${authorization}`))) throw new Problem('unauthorized', 'this signed request was received before: a replay is refused');
  return activity;
}

export function mountTeams(router: Router, s: ApiServices): void {
  router.post('/integrations/teams/messages', async (ctx) => {
    const token = s.config.integrations.teams.securityToken;
    if (!token) throw new Problem('not-found', 'the Teams webhook is not set up on this appliance: set integrations.teams.securityToken (docs/integrations.md)');
    const activity = await verifiedActivity(ctx, s, token);
    const tenant = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
    const user = activity.from?.aadObjectId ?? activity.from?.id;
    if (!tenant || !user) throw new Problem('bad-request', 'the activity has no tenant id or sender (channelData.tenant.id, from.aadObjectId)');
    const req: ChatRequest = {
      who: { provider: 'teams', workspace: tenant, externalId: user, name: activity.from?.name ?? '' },
      channel: activity.channelData?.channel?.name ?? activity.channelData?.channel?.id ?? activity.conversation?.id ?? '',
      origin: originOf(ctx),
    };
    const answer = (message: TeamsMessage) => {
      ctx.status = 200;
      ctx.body = message;
    };
    const parsed = parseChatCommand(teamsCommandText(activity.text ?? ''));
    if (parsed.kind === 'help') {
      await auditCommand(s, req, undefined, 'help', 'answered');
      return answer(teamsHelp());
    }
    if (parsed.kind === 'link') {
      const linkToken = await requestLink(s.db, req.who, s.config.integrations.linkTtlMinutes);
      await auditCommand(s, req, undefined, 'link', 'link offered');
      return answer(teamsLinkOffer(`${baseUrl(ctx, s.config)}/integrations/link/${linkToken}`, s.config.integrations.linkTtlMinutes));
    }
    const notifyUrl = s.config.integrations.teams.notifyUrl || undefined;
    const outcome = await within(
      animateFromChat(ctx, s, req, parsed.description, notifyUrl),
      ANSWER_WITHIN_MS,
      async () => {},
      (err) => s.log.warn(`teams: a slow command of ${req.who.externalId} failed: ${(err as Error).message}`),
    );
    answer(outcome ? cardFor(outcome, parsed.description) : teamsRefused('making the animation is taking longer than Teams waits for an answer; it goes on, and appears in your DevForge library when it is ready'));
  });

  router.get('/integrations/teams/posters/:id/:generation/:signature', async (ctx) => {
    const token = s.config.integrations.teams.securityToken;
    const generation = Number(ctx.params.generation);
    const { id, signature } = ctx.params as { id: string; signature: string };
    if (!token || !Number.isInteger(generation) || !/^[0-9a-f-]{36}$/.test(id) || !posterLinkValid(token, id, generation, signature)) throw new Problem('not-found', 'no such poster');
    const key = await posterOfGeneration(s.db, id, generation);
    if (!key) throw new Problem('not-found', 'no such poster: the animation was deleted or rendered again');
    const info = await s.storage.stat(key);
    if (!info) throw new Problem('not-found', 'the poster file is missing from storage');
    ctx.type = 'image/png';
    ctx.set('cache-control', 'public, max-age=3600');
    ctx.length = info.size;
    ctx.body = await s.storage.read(key);
  });
}

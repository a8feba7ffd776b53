// POST /integrations/slack/commands: the Slack slash command (`/animate …`). Outside /api/v1 and its
// credentials: Slack proves the request with its signature over the raw body (signatures.ts), checked
// before anything else, and a signature seen before is a replay (401 too). The answer is the ephemeral
// acknowledgement Slack shows at once (it waits at most 3 s: when making the animation takes longer, the
// answer says so and the outcome is posted to the response_url instead); the finished video's link is
// posted to the response_url by the chat-follow-up job.
import type Router from '@koa/router';
import type { Context } from 'koa';
import { readTextBody } from '../api/body.ts';
import { Problem } from '../api/problems.ts';
import { requestLink } from '../domain/commands/chat/identities.ts';
import { firstSighting } from '../domain/commands/chat/replays.ts';
import { baseUrl, type ApiServices } from '../services.ts';
import { animateFromChat, auditCommand, originOf, within, type AnimateOutcome, type ChatRequest } from './animate.ts';
import { parseChatCommand } from './chat-command.ts';
import { checkResponseUrl, postMessage } from './post-back.ts';
import { verifySlack } from './signatures.ts';
import { slackHelp, slackLinkNeeded, slackLinkOffer, slackNotUnderstood, slackQueued, slackRefused, slackWorking, type SlackMessage } from './slack-messages.ts';

/** How long the acknowledgement waits for the animation to be accepted: under Slack's 3 s, with room for the network. */
const ACK_WITHIN_MS = 2_000;

function messageFor(outcome: AnimateOutcome, command: string, description: string): SlackMessage {
  switch (outcome.kind) {
    case 'link-needed':
      return slackLinkNeeded(command);
    case 'queued':
      return slackQueued(description, outcome.pageUrl);
    case 'refused':
      return slackRefused(outcome.reason);
    case 'not-understood':
      return slackNotUnderstood(command, outcome.message, outcome.suggestions);
  }
}

async function verified(ctx: Context, s: ApiServices, secret: string): Promise<URLSearchParams> {
  const raw = await readTextBody(ctx, s.config.server.bodyLimitBytes);
  const verdict = verifySlack(secret, ctx.get('x-slack-request-timestamp') || undefined, ctx.get('x-slack-signature') || undefined, raw);
  if (!verdict.ok) throw new Problem('unauthorized', verdict.reason);
  if (!(await firstSighting(s.db, `slack:${ctx.get('x-slack-signature')}`))) throw new Problem('unauthorized', 'this signed request was received before: a replay is refused');
  if (!ctx.is('application/x-www-form-urlencoded')) throw new Problem('unsupported-media-type', `a slash command is sent as application/x-www-form-urlencoded, got ${ctx.get('content-type') || 'no Content-Type'}`);
  return new URLSearchParams(raw);
}

export function mountSlack(router: Router, s: ApiServices): void {
  router.post('/integrations/slack/commands', async (ctx) => {
    const secret = s.config.integrations.slack.signingSecret;
    if (!secret) throw new Problem('not-found', 'the Slack command is not set up on this appliance: set integrations.slack.signingSecret (docs/integrations.md)');
    const form = await verified(ctx, s, secret);
    const command = form.get('command') || '/animate';
    const teamId = form.get('team_id');
    const userId = form.get('user_id');
    if (!teamId || !userId) throw new Problem('bad-request', 'the slash command has no team_id or user_id');
    const req: ChatRequest = {
      who: { provider: 'slack', workspace: teamId, externalId: userId, name: form.get('user_name') ?? '' },
      channel: form.get('channel_name') || form.get('channel_id') || '',
      origin: originOf(ctx),
    };
    const answer = (message: SlackMessage) => {
      ctx.status = 200;
      ctx.body = message;
    };
    const parsed = parseChatCommand(form.get('text') ?? '');
    if (parsed.kind === 'help') {
      await auditCommand(s, req, undefined, 'help', 'answered');
      return answer(slackHelp(command));
    }
    if (parsed.kind === 'link') {
      const token = await requestLink(s.db, req.who, s.config.integrations.linkTtlMinutes);
      await auditCommand(s, req, undefined, 'link', 'link offered');
      return answer(slackLinkOffer(`${baseUrl(ctx, s.config)}/integrations/link/${token}`, s.config.integrations.linkTtlMinutes));
    }
    const responseUrl = form.get('response_url') ?? '';
    try {
      checkResponseUrl(responseUrl, s.config.integrations.slack.responseHosts);
    } catch (err) {
      s.log.warn(`slack: refused a command from ${req.who.workspace}/${req.who.externalId}: ${(err as Error).message}`);
      return answer(slackRefused(`${(err as Error).message}; an administrator can allow it in integrations.slack.responseHosts`));
    }
    const work = animateFromChat(ctx, s, req, parsed.description, responseUrl);
    const outcome = await within(
      work,
      ACK_WITHIN_MS,
      (late) => postMessage(responseUrl, messageFor(late, command, parsed.description), s.config.webhooks.timeoutMs),
      (err) => s.log.warn(`slack: a late answer to ${req.who.externalId} was not delivered: ${(err as Error).message}`),
    );
    answer(outcome ? messageFor(outcome, command, parsed.description) : slackWorking());
  });
}

// What the Teams outgoing webhook answers: a message whose one attachment is an Adaptive Card (1.4, what
// Teams renders in channels). Outgoing webhooks answer synchronously (within 5 s) and cannot post later,
// so the reply says "queued" and links to the animation's page; the finished card (poster and links) goes
// to the channel's incoming webhook when integrations.teams.notifyUrl is set (docs/integrations.md).
import { CHAT_EXAMPLES } from './chat-command.ts';
import type { FinishedAnimation } from './slack-messages.ts';

type Element = Record<string, unknown>;

export interface TeamsMessage {
  type: 'message';
  text?: string;
  attachments: { contentType: 'application/vnd.microsoft.card.adaptive'; contentUrl: null; content: Element }[];
}

const text = (t: string, extra: Element = {}): Element => ({ type: 'TextBlock', text: t, wrap: true, ...extra });

function card(body: Element[], actions: Element[] = []): TeamsMessage {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.4', body, ...(actions.length ? { actions } : {}) },
      },
    ],
  };
}

const open = (title: string, url: string): Element => ({ type: 'Action.OpenUrl', title, url });

export function teamsHelp(): TeamsMessage {
  return card([
    text('DevForge', { weight: 'Bolder', size: 'Medium' }),
    text('**@DevForge animate <description>** makes an animation of what you describe. For example:'),
    ...CHAT_EXAMPLES.map((e) => text(`- @DevForge animate ${e}`)),
    text('**@DevForge link** links your Teams account to your DevForge account (once; your commands then act as that account, with its role).'),
  ]);
}

export function teamsLinkNeeded(): TeamsMessage {
  return card([text('Your Teams account is not linked to a DevForge account yet, so DevForge does not know who you are there. Send **@DevForge link** for a one-time link, open it while signed in to DevForge and confirm; then try again.')]);
}

export function teamsLinkOffer(url: string, minutes: number): TeamsMessage {
  // An outgoing webhook's reply is seen by the whole channel (it cannot be private): whoever opens the link
  // links the Teams account that asked to their own DevForge account, so the confirmation page names that
  // Teams account and says to confirm only one's own.
  return card([text(`Open this link while signed in to DevForge and confirm, to link your Teams account. It works once, for ${minutes} minutes.`)], [open('Link my account', url)]);
}

export function teamsRefused(reason: string): TeamsMessage {
  return card([text(`DevForge cannot make this animation: ${reason}.`)]);
}

export function teamsNotUnderstood(message: string, suggestions: readonly { title: string; example: string }[]): TeamsMessage {
  const list = suggestions.length ? suggestions.map((s) => `- ${s.title}: @DevForge animate ${s.example}`) : CHAT_EXAMPLES.map((e) => `- @DevForge animate ${e}`);
  return card([text(`DevForge did not understand that: ${message}`), text('Try one of these:'), ...list.map((l) => text(l))]);
}

export function teamsQueued(description: string, pageUrl: string): TeamsMessage {
  return card([text('Animation queued', { weight: 'Bolder' }), text(`“${description}”`), text('Its page shows the progress, and the video when it is ready.', { isSubtle: true })], [open('Open the animation', pageUrl)]);
}

export function teamsFinished(a: FinishedAnimation): TeamsMessage {
  if (a.status === 'completed')
    return card([text(a.title, { weight: 'Bolder', size: 'Medium' }), { type: 'Image', url: a.posterUrl, altText: `Poster of ${a.title}`, size: 'Stretch' }], [open('Watch the video', a.videoUrl), open('Open the animation', a.pageUrl)]);
  return card([text(a.title, { weight: 'Bolder' }), text(a.status === 'cancelled' ? 'The animation was cancelled.' : `The animation failed: ${a.error ?? 'no reason recorded'}.`)], [open('Open the animation', a.pageUrl)]);
}

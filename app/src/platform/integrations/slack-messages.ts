// What the Slack command answers, as Slack message payloads (mrkdwn text): the acknowledgement, help,
// how to link, a refusal in words, the suggestions for a description not understood, and the follow-up
// with the finished video's link. Ephemeral: only the person who typed the command sees them.
import { CHAT_EXAMPLES } from './chat-command.ts';

export interface SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
  text: string;
  replace_original?: boolean;
}

const say = (text: string): SlackMessage => ({ response_type: 'ephemeral', text });

/** Slack mrkdwn needs &, < and > escaped in text that is not a link. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function slackHelp(command: string): SlackMessage {
  return say(
    [
      `*${command} <description>* makes an animation of what you describe and posts the video's link here when it is ready. For example:`,
      ...CHAT_EXAMPLES.map((e) => `• \`${command} ${e}\``),
      `*${command} link* links your Slack account to your DevForge account (once; your commands then act as that account, with its role).`,
      `*${command} help* shows this.`,
    ].join('\n'),
  );
}

export function slackLinkNeeded(command: string): SlackMessage {
  return say(`Your Slack account is not linked to a DevForge account yet, so DevForge does not know who you are there. Type \`${command} link\` for a one-time link, open it while signed in to DevForge and confirm; then try again.`);
}

export function slackLinkOffer(url: string, minutes: number): SlackMessage {
  return say(`Open <${url}|this link> while signed in to DevForge and confirm, to link your Slack account to your DevForge account. The link works once, for ${minutes} minutes; do not share it.`);
}

export function slackRefused(reason: string): SlackMessage {
  return say(`DevForge cannot make this animation: ${slackEscape(reason)}.`);
}

export function slackNotUnderstood(command: string, message: string, suggestions: readonly { title: string; example: string }[]): SlackMessage {
  const list = (suggestions.length ? suggestions.map((s) => `${s.title}: \`${command} ${s.example}\``) : CHAT_EXAMPLES.map((e) => `\`${command} ${e}\``)).map((l) => `• ${slackEscape(l)}`);
  return say([`DevForge did not understand that: ${slackEscape(message)}`, 'Try one of these:', ...list].join('\n'));
}

export function slackQueued(description: string, pageUrl: string): SlackMessage {
  return say(`Making your animation of “${slackEscape(description)}”. The link to the video comes here when it is ready; meanwhile <${pageUrl}|its page> shows the progress.`);
}

export function slackWorking(): SlackMessage {
  return say('Working on it: the answer comes here in a moment.');
}

export interface FinishedAnimation {
  status: 'completed' | 'failed' | 'cancelled';
  title: string;
  error: string | null;
  pageUrl: string;
  videoUrl: string;
  posterUrl: string;
}

export function slackFinished(a: FinishedAnimation): SlackMessage {
  const name = slackEscape(a.title);
  if (a.status === 'completed') return { response_type: 'ephemeral', replace_original: false, text: `Your animation “${name}” is ready: <${a.videoUrl}|the video (MP4)> · <${a.pageUrl}|its page>` };
  if (a.status === 'cancelled') return { response_type: 'ephemeral', replace_original: false, text: `Your animation “${name}” was cancelled. <${a.pageUrl}|Its page>` };
  return { response_type: 'ephemeral', replace_original: false, text: `Your animation “${name}” failed: ${slackEscape(a.error ?? 'no reason recorded')}. <${a.pageUrl}|Its page> can render it again.` };
}

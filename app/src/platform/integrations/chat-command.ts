// What a chat message asks for, the same words in Slack (`/animate …`) and Teams (`@DevForge animate …`):
// help, link (tie this chat account to a DevForge account), or a description to animate.
export type ChatCommand = { kind: 'help' } | { kind: 'link' } | { kind: 'animate'; description: string };

/** The product's own examples, offered by help and when a description was not understood. */
export const CHAT_EXAMPLES = ['Demonstrate bubble sort on 5 3 8 1', 'Projectile launched at 20 m/s at 45 degrees', 'Our incident response process: detect, triage, contain, recover'];

export function parseChatCommand(text: string): ChatCommand {
  const words = text.trim();
  const first = words.split(/\s+/, 1)[0]!.toLowerCase();
  if (!words || first === 'help' || words === '?') return { kind: 'help' };
  if (first === 'link' && words.split(/\s+/).length === 1) return { kind: 'link' };
  return { kind: 'animate', description: words };
}

/**
 * Teams sends the message as HTML with the mention of the webhook (`<at>DevForge</at> animate …`): the
 * mention and any markup go, entities are decoded, and a leading "animate" is the command word.
 */
export function teamsCommandText(html: string): string {
  const text = html
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.replace(/^animate\b\s*/i, '');
}

// Playing Slack and Teams in tests: signed slash commands and outgoing-webhook activities, and the
// linking round trip a person does in the browser (sign in, open the link, confirm).
import { randomUUID } from 'node:crypto';
import { slackSignature, teamsSignature } from '../../../src/platform/integrations/signatures.ts';
import type { Reply } from '../helpers/http.ts';

export const SLACK_SECRET = 'test-slack-signing-secret';
export const TEAMS_TOKEN = Buffer.from('test teams security token, 32 b.').toString('base64');

async function reply(res: Response): Promise<Reply> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface SlashCommand {
  text: string;
  userId: string;
  responseUrl: string;
  /** Seconds to add to now for the signed timestamp (a stale request). */
  skewS?: number;
  secret?: string;
}

/** The urlencoded body and headers Slack sends for a slash command. */
export function signedSlashCommand(c: SlashCommand): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: 'T0TEST',
    team_domain: 'acme',
    channel_id: 'C0TEST',
    channel_name: 'animations',
    user_id: c.userId,
    user_name: `slack-${c.userId}`,
    command: '/animate',
    text: c.text,
    response_url: c.responseUrl,
    trigger_id: randomUUID(),
  }).toString();
  const timestamp = String(Math.floor(Date.now() / 1000) + (c.skewS ?? 0));
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': timestamp, 'x-slack-signature': slackSignature(c.secret ?? SLACK_SECRET, timestamp, body) } };
}

export async function sendSlack(base: string, signed: { body: string; headers: Record<string, string> }): Promise<Reply> {
  return reply(await fetch(`${base}/integrations/slack/commands`, { method: 'POST', headers: signed.headers, body: signed.body }));
}

export interface TeamsMessageOptions {
  text: string;
  aadObjectId: string;
  skewMs?: number;
  token?: string;
}

/** An outgoing-webhook activity as Teams sends it, and its HMAC header. */
export function signedTeamsMessage(m: TeamsMessageOptions): { body: string; headers: Record<string, string> } {
  const activity = {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date(Date.now() + (m.skewMs ?? 0)).toISOString(),
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: `29:${m.aadObjectId}`, name: `Teams ${m.aadObjectId.slice(0, 4)}`, aadObjectId: m.aadObjectId },
    conversation: { isGroup: true, id: '19:channel@thread.tacv2;messageid=1', name: null, conversationType: 'channel', tenantId: 'tenant-test' },
    recipient: null,
    textFormat: 'plain',
    text: m.text,
    channelData: { teamsChannelId: '19:channel@thread.tacv2', teamsTeamId: '19:team@thread.tacv2', channel: { id: '19:channel@thread.tacv2' }, team: { id: '19:team@thread.tacv2' }, tenant: { id: 'tenant-test' } },
  };
  const body = JSON.stringify(activity);
  return { body, headers: { 'content-type': 'application/json', authorization: `HMAC ${teamsSignature(m.token ?? TEAMS_TOKEN, body)}` } };
}

export async function sendTeams(base: string, signed: { body: string; headers: Record<string, string> }): Promise<Reply> {
  return reply(await fetch(`${base}/integrations/teams/messages`, { method: 'POST', headers: signed.headers, body: signed.body }));
}

export interface Browser {
  cookie: string;
  csrf: string;
}

export async function signIn(base: string, email: string, password: string): Promise<Browser> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email}: HTTP ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrf_token } = (await res.json()) as { csrf_token: string };
  return { cookie, csrf: csrf_token };
}

/** Opens the one-time link as the signed-in person and confirms it, as they would with the page's button. */
export async function confirmLinkInBrowser(linkUrl: string, browser: Browser): Promise<{ page: Reply; confirmed: Reply }> {
  const page = await reply(await fetch(linkUrl, { headers: { cookie: browser.cookie } }));
  const csrf = /name="csrf" value="([^"]+)"/.exec(page.text)?.[1] ?? '';
  const confirmed = await reply(await fetch(linkUrl, { method: 'POST', headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ csrf }).toString() }));
  return { page, confirmed };
}

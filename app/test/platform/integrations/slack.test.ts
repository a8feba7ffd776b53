// The Slack slash command on a real server (API + worker, real Chromium and ffmpeg, real Postgres), with a
// local HTTP server as the response_url: a correctly signed `/animate …` from a linked editor is
// acknowledged and the finished video's link arrives at the response_url; bad signatures, stale
// timestamps and replays are refused with 401 and the reason; an unknown user is told how to link, a
// viewer is refused in words, a description not understood gets suggestions, and a response_url
// outside integrations.slack.responseHosts is refused.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { insertUser } from '../../../src/platform/domain/commands/users.ts';
import { call } from '../helpers/http.ts';
import { probe } from '../helpers/media.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startReceiver, type Receiver } from '../helpers/receiver.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { confirmLinkInBrowser, SLACK_SECRET, sendSlack, signedSlashCommand, signIn } from './chat-helpers.ts';

const PASSWORD = 'plum orbit cactus 42';

let pg: TestPostgres;
let server: TestServer;
let slack: Receiver;

test.before(async () => {
  pg = await startTestPostgres();
  slack = await startReceiver();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { integrations: { slack: { signingSecret: SLACK_SECRET, responseHosts: '127.0.0.1' } } } });
  await insertUser(server.platform.db, { email: 'editor@example.com', role: 'editor', password: PASSWORD });
  await insertUser(server.platform.db, { email: 'viewer@example.com', role: 'viewer', password: PASSWORD });
});

test.after.always(async () => {
  await server?.stop();
  await slack?.close();
  await pg?.destroy();
});

/** How many of the response_url's messages the tests have read. */
let read = 0;

/** The next message posted to the response_url. */
async function nextPosted(): Promise<{ text: string }> {
  const all = await slack.waitFor(read + 1);
  return all[read++]!.json as { text: string };
}

/**
 * What the command answered: the acknowledgement itself, or, when making the animation took longer than
 * Slack waits (the acknowledgement then says so), the answer posted to the response_url a moment later.
 */
async function answerOf(ack: { status: number; json: { text: string } }): Promise<string> {
  if (/^Working on it/.test(ack.json.text)) return (await nextPosted()).text;
  return ack.json.text;
}

const command = (text: string, userId: string, extra: { skewS?: number; secret?: string; responseUrl?: string } = {}) => sendSlack(server.url, signedSlashCommand({ text, userId, responseUrl: extra.responseUrl ?? slack.url, ...extra }));

/** `/animate link`, then the person opens the link signed in as `email` and confirms. */
async function link(t: { is(a: unknown, b: unknown, m?: string): void; regex(s: string, r: RegExp): void }, userId: string, email: string): Promise<void> {
  const offer = await command('link', userId);
  t.is(offer.status, 200, offer.text);
  const url = /<(http[^|>]+)\|this link>/.exec(offer.json.text as string)?.[1];
  t.regex(String(url), /\/integrations\/link\//);
  const { page, confirmed } = await confirmLinkInBrowser(url!, await signIn(server.url, email, PASSWORD));
  t.is(page.status, 200, page.text);
  t.regex(page.text, new RegExp(`slack-${userId}`));
  t.is(confirmed.status, 200, confirmed.text);
  t.regex(confirmed.text, /is linked/);
}

test.serial('a wrong signature, a stale timestamp, a replay and a missing signature are refused with 401 and the reason', async (t) => {
  const wrong = await command('help', 'U1', { secret: 'not the secret' });
  t.is(wrong.status, 401);
  t.is(wrong.headers.get('content-type'), 'application/problem+json');
  t.regex(wrong.json.detail as string, /X-Slack-Signature does not match/);

  const stale = await command('help', 'U1', { skewS: -301 });
  t.is(stale.status, 401);
  t.regex(stale.json.detail as string, /more than 5 minutes/);

  const signed = signedSlashCommand({ text: 'help', userId: 'U1', responseUrl: slack.url });
  t.is((await sendSlack(server.url, signed)).status, 200);
  const replay = await sendSlack(server.url, signed);
  t.is(replay.status, 401);
  t.regex(replay.json.detail as string, /replay/);

  const unsigned = await fetch(`${server.url}/integrations/slack/commands`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=help' });
  t.is(unsigned.status, 401);
  t.regex(((await unsigned.json()) as { detail: string }).detail, /no X-Slack-Request-Timestamp/);
});

test.serial('help lists the commands and the product examples; an unknown user is told how to link', async (t) => {
  const help = await command('help', 'U2');
  t.is(help.status, 200);
  t.is(help.json.response_type, 'ephemeral');
  t.regex(help.json.text as string, /\/animate Demonstrate bubble sort on 5 3 8 1/);
  t.regex(help.json.text as string, /\/animate link/);

  const unknown = await command('Demonstrate bubble sort on 5 3 8 1', 'U-nobody');
  t.is(unknown.status, 200);
  t.regex(unknown.json.text as string, /not linked to a DevForge account yet.*\/animate link/s);
});

test.serial('a link can be used once, and only by someone signed in', async (t) => {
  const offer = await command('link', 'U3');
  const url = /<(http[^|>]+)\|this link>/.exec(offer.json.text as string)![1]!;
  const anonymous = await fetch(url);
  t.is(anonymous.status, 401);
  t.regex(await anonymous.text(), /sign in to DevForge in this browser first/);
  const browser = await signIn(server.url, 'viewer@example.com', PASSWORD);
  const forged = await fetch(url, { method: 'POST', headers: { cookie: browser.cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: 'csrf=guess' });
  t.is(forged.status, 403, 'a confirmation without the page’s CSRF token is refused');
  t.is((await confirmLinkInBrowser(url, browser)).confirmed.status, 200);
  const again = await confirmLinkInBrowser(url, browser);
  t.is(again.page.status, 404);
  t.regex(again.page.text, /expired or has been used already/);
});

test.serial('a viewer is refused in words; a description not understood gets suggestions', async (t) => {
  await link(t, 'U-viewer', 'viewer@example.com');
  const refused = await command('Demonstrate bubble sort on 5 3 8 1', 'U-viewer');
  t.is(refused.status, 200);
  t.regex(await answerOf(refused), /cannot make this animation: this needs the editor role; this request acts as viewer/);

  await link(t, 'U-editor', 'editor@example.com');
  const vague = await command('something completely vague xyzzy', 'U-editor');
  t.is(vague.status, 200);
  const answer = await answerOf(vague);
  t.regex(answer, /did not understand that/);
  t.regex(answer, /Try one of these:\n• /);
});

test.serial('a response_url outside integrations.slack.responseHosts is refused before anything is made', async (t) => {
  const elsewhere = await command('Demonstrate bubble sort on 5 3 8 1', 'U-editor', { responseUrl: 'https://attacker.example/hook' });
  t.is(elsewhere.status, 200);
  t.regex(elsewhere.json.text as string, /host attacker\.example is not in integrations\.slack\.responseHosts/);
});

test.serial('a linked editor: acknowledged at once, the video link posted to the response_url when it is ready, audited', async (t) => {
  const ack = await command('Demonstrate bubble sort on 5 3 8 1', 'U-editor');
  t.is(ack.status, 200, ack.text);
  t.is(ack.json.response_type, 'ephemeral');
  t.regex(await answerOf(ack), /Making your animation of “Demonstrate bubble sort on 5 3 8 1”/);
  const followUp = await nextPosted();
  t.regex(followUp.text, /is ready: <http[^|]+\/api\/v1\/animations\/[0-9a-f-]{36}\/video\|the video \(MP4\)>/);
  const video = /<(http[^|]+\/video)\|/.exec(followUp.text)![1]!;

  // The link works for the person, signed in as the account the command acted as. (Without server.publicUrl
  // links name http://localhost:<port>; the test server listens on 127.0.0.1 only.)
  const browser = await signIn(server.url, 'editor@example.com', PASSWORD);
  const res = await fetch(server.url + new URL(video).pathname, { headers: { cookie: browser.cookie } });
  t.is(res.status, 200);
  t.is(res.headers.get('content-type'), 'video/mp4');
  const dir = await mkdtemp(join(tmpdir(), 'devforge-slack-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'v.mp4'), Buffer.from(await res.arrayBuffer()));
  const media = await probe(join(dir, 'v.mp4'));
  t.is(media.codec, 'h264');

  const audit = await call(server.url, 'GET', '/api/v1/audit?action=integration.*&limit=100', { key: await server.key('admin') });
  t.is(audit.status, 200, audit.text);
  const entries = audit.json.entries as { via: string; action: string; actor_label: string; details: Record<string, unknown> }[];
  const made = entries.find((e) => e.action === 'integration.command' && e.details.outcome === 'queued');
  t.truthy(made, 'the command that made the animation is audited');
  t.is(made!.via, 'slack');
  t.is(made!.actor_label, 'editor@example.com');
  t.like(made!.details, { provider: 'slack', workspace: 'T0TEST', channel: 'animations', external_id: 'U-editor' });
  t.truthy(
    entries.find((e) => e.action === 'integration.link'),
    'linking is audited',
  );
  const generated = await call(server.url, 'GET', '/api/v1/audit?action=animation.generate', { key: await server.key('admin') });
  t.is((generated.json.entries as { via: string }[])[0]!.via, 'slack', 'the animation itself is recorded as made through Slack');
});

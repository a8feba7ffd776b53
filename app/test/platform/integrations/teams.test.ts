// The Teams outgoing webhook on a real server (API + worker, real Chromium and ffmpeg, real Postgres), with
// a local HTTP server as the channel's incoming webhook (integrations.teams.notifyUrl): a correctly signed
// `@DevForge animate …` from a linked editor is answered with a "queued" card, and the finished card (its
// poster behind a capability URL, the video's link) arrives at the incoming webhook; a wrong HMAC and a
// stale activity are refused with 401 and the reason; an unknown user is told how to link, a viewer is
// refused in words, a description not understood gets suggestions.
import test from 'ava';
import { insertUser } from '../../../src/platform/domain/commands/users.ts';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.ts';
import { startReceiver, type Receiver } from '../helpers/receiver.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { confirmLinkInBrowser, sendTeams, signedTeamsMessage, signIn, TEAMS_TOKEN } from './chat-helpers.ts';

const PASSWORD = 'plum orbit cactus 42';

let pg: TestPostgres;
let server: TestServer;
let channel: Receiver;

test.before(async () => {
  pg = await startTestPostgres();
  channel = await startReceiver();
  server = await startTestServer({ databaseUrl: pg.url, overrides: { integrations: { teams: { securityToken: TEAMS_TOKEN, notifyUrl: channel.url } } } });
  await insertUser(server.platform.db, { email: 'editor@example.com', role: 'editor', password: PASSWORD });
  await insertUser(server.platform.db, { email: 'viewer@example.com', role: 'viewer', password: PASSWORD });
});

test.after.always(async () => {
  await server?.stop();
  await channel?.close();
  await pg?.destroy();
});

type Card = { body: { type: string; text?: string; url?: string }[]; actions?: { title: string; url: string }[] };

function cardOf(message: { type: string; attachments: { contentType: string; content: Card }[] }): Card {
  if (message.type !== 'message' || message.attachments[0]?.contentType !== 'application/vnd.microsoft.card.adaptive') throw new Error(`not an adaptive card message: ${JSON.stringify(message)}`);
  return message.attachments[0].content;
}

const textOf = (card: Card) => card.body.map((b) => b.text ?? '').join('\n');

const message = (text: string, aadObjectId: string, extra: { skewMs?: number; token?: string } = {}) => sendTeams(server.url, signedTeamsMessage({ text, aadObjectId, ...extra }));

async function link(t: { is(a: unknown, b: unknown, m?: string): void }, aad: string, email: string): Promise<void> {
  const offer = await message('<at>DevForge</at> link', aad);
  t.is(offer.status, 200, offer.text);
  const url = cardOf(offer.json).actions![0]!.url;
  const { confirmed } = await confirmLinkInBrowser(url, await signIn(server.url, email, PASSWORD));
  t.is(confirmed.status, 200, confirmed.text);
}

test.serial('a wrong HMAC, a missing one, a stale activity and a replay are refused with 401 and the reason', async (t) => {
  const wrong = await message('<at>DevForge</at> help', 'aad-1', { token: Buffer.from('another token').toString('base64') });
  t.is(wrong.status, 401);
  t.regex(wrong.json.detail as string, /HMAC in Authorization does not match/);

  const signed = signedTeamsMessage({ text: 'help', aadObjectId: 'aad-1' });
  const missing = await sendTeams(server.url, { body: signed.body, headers: { 'content-type': 'application/json' } });
  t.is(missing.status, 401);
  t.regex(missing.json.detail as string, /no "Authorization: HMAC <signature>" header/);

  const stale = await message('help', 'aad-1', { skewMs: -6 * 60_000 });
  t.is(stale.status, 401);
  t.regex(stale.json.detail as string, /more than 5 minutes/);

  t.is((await sendTeams(server.url, signed)).status, 200);
  const replay = await sendTeams(server.url, signed);
  t.is(replay.status, 401);
  t.regex(replay.json.detail as string, /replay/);
});

test.serial('help is a card with the examples; an unknown user is told how to link', async (t) => {
  const help = await message('<at>DevForge</at>&nbsp;help', 'aad-2');
  t.is(help.status, 200);
  t.regex(textOf(cardOf(help.json)), /@DevForge animate Our incident response process: detect, triage, contain, recover/);
  const unknown = await message('<at>DevForge</at> animate Demonstrate bubble sort on 5 3 8 1', 'aad-nobody');
  t.regex(textOf(cardOf(unknown.json)), /not linked to a DevForge account yet.*@DevForge link/s);
});

test.serial('a viewer is refused in words; a description not understood gets suggestions', async (t) => {
  await link(t, 'aad-viewer', 'viewer@example.com');
  const refused = await message('<at>DevForge</at> animate Demonstrate bubble sort on 5 3 8 1', 'aad-viewer');
  t.regex(textOf(cardOf(refused.json)), /cannot make this animation: this needs the editor role; this request acts as viewer/);
  await link(t, 'aad-editor', 'editor@example.com');
  const vague = await message('<at>DevForge</at> animate something completely vague xyzzy', 'aad-editor');
  t.regex(textOf(cardOf(vague.json)), /did not understand that[^]*Try one of these:/);
});

test.serial('a linked editor: a queued card at once, the finished card with its poster and the video link in the channel', async (t) => {
  const queued = await message('<at>DevForge</at> animate Projectile launched at 20 m/s at 45 degrees', 'aad-editor');
  t.is(queued.status, 200, queued.text);
  const card = cardOf(queued.json);
  t.regex(textOf(card), /Animation queued/);
  t.regex(card.actions![0]!.url, /\/animations\/[0-9a-f-]{36}$/);

  const [posted] = await channel.waitFor(1);
  const finished = cardOf(posted!.json);
  t.regex(finished.actions!.map((a) => a.url).join(' '), /\/api\/v1\/animations\/[0-9a-f-]{36}\/video/);
  const poster = finished.body.find((b) => b.type === 'Image')!.url!;
  t.regex(poster, /\/integrations\/teams\/posters\/[0-9a-f-]{36}\/1\//);
  // Teams fetches the poster without signing in: the capability URL serves it; a tampered one does not.
  const path = new URL(poster).pathname;
  const image = await fetch(server.url + path);
  t.is(image.status, 200);
  t.is(image.headers.get('content-type'), 'image/png');
  t.deepEqual([...new Uint8Array(await image.arrayBuffer()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const tampered = await fetch(server.url + path.replace(/\/1\//, '/2/'));
  t.is(tampered.status, 404);
});

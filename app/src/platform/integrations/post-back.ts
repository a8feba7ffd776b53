// Posting a message back to a chat service: the Slack command's response_url or a Teams incoming webhook.
// A response_url comes from the request, so its host must be on integrations.slack.responseHosts (checked
// when the command arrives and again before each post): otherwise anyone holding the signing secret's
// signature could make the appliance POST anywhere. https only, except to a loopback address (tests).
import { isIP } from 'node:net';
import { JobFailure } from '../domain/failures.ts';

/** Why a post back failed: refused (not on the allow-list, or a 4xx answer) is permanent; the rest is retried. */
export class ChatPostFailure extends JobFailure {
  override name = 'ChatPostFailure';
  readonly code: 'url-not-allowed' | 'refused' | 'http-status' | 'connection-failed';
  readonly permanent: boolean;
  constructor(code: ChatPostFailure['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.permanent = code === 'url-not-allowed' || code === 'refused';
  }
}

function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || (isIP(h) === 4 && h.startsWith('127.'));
}

/** The URL, or a ChatPostFailure (permanent) saying why it may not be posted to. */
export function checkResponseUrl(raw: string, allowedHosts: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ChatPostFailure('url-not-allowed', 'the response_url is not a URL');
  }
  const hosts = allowedHosts
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const host = url.hostname.toLowerCase();
  if (!hosts.includes(host)) throw new ChatPostFailure('url-not-allowed', `the response_url's host ${host} is not in integrations.slack.responseHosts (${hosts.join(', ') || 'none'})`);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(host))) throw new ChatPostFailure('url-not-allowed', 'the response_url must be https');
  return url;
}

/** One POST of a JSON message; throws a ChatPostFailure, permanent when asking again cannot help (4xx but 429). */
export async function postMessage(url: string, message: unknown, timeoutMs: number): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'user-agent': 'DevForge-Chat/1' }, body: JSON.stringify(message), redirect: 'error', signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new ChatPostFailure('connection-failed', `the chat service could not be reached (${(err as Error).message})`, { cause: err });
  }
  const answer = (await res.text()).slice(0, 200);
  if (res.ok) return;
  const permanent = res.status >= 400 && res.status < 500 && res.status !== 429;
  throw new ChatPostFailure(permanent ? 'refused' : 'http-status', `the chat service answered HTTP ${res.status}${answer ? `: ${answer}` : ''}`);
}

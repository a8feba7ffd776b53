// The poster of a Teams card must be an image URL Teams can fetch without signing in, so the finished card
// links a capability URL: the animation id and generation with an HMAC of both under the Teams security
// token. It shows only that generation's poster (a re-render or a deletion ends it) and nothing else.
import { createHmac } from 'node:crypto';
import { safeEqual } from '../auth/tokens.ts';

const sign = (token: string, id: string, generation: number) => createHmac('sha256', Buffer.from(token, 'base64')).update(`devforge poster ${id}.${generation}`).digest('base64url');

export function posterLinkPath(token: string, id: string, generation: number): string {
  return `/integrations/teams/posters/${id}/${generation}/${sign(token, id, generation)}`;
}

export function posterLinkValid(token: string, id: string, generation: number, signature: string): boolean {
  return safeEqual(sign(token, id, generation), signature);
}

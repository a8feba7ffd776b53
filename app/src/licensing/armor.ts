// The text form of a signed DevForge file (a license or a renewal request): an armored block with a
// readable header and a base64 payload, so it survives e-mail, tickets and copy-paste.
//
//   -----BEGIN DEVFORGE LICENSE-----
//   Key-Id: dfk-0123456789abcdef
//   Signature: <base64 Ed25519 signature>
//
//   <base64 of the payload's JSON, 64 characters a line>
//   -----END DEVFORGE LICENSE-----
//
// The signature covers the label, the key id and the payload's exact bytes (see signedMessage), so a
// changed key id, a block relabelled as the other kind or one changed byte of the payload fails the
// check, and nothing needs canonicalising. Text outside the block (a note for people) is ignored.

export const LABELS = { license: 'DEVFORGE LICENSE', request: 'DEVFORGE RENEWAL REQUEST' } as const;
export type ArmorKind = keyof typeof LABELS;

export interface Armored {
  kind: ArmorKind;
  keyId: string;
  signature: Buffer;
  /** The payload's bytes exactly as signed. */
  payload: Buffer;
}

export class ArmorError extends Error {
  override name = 'ArmorError';
}

/** The bytes a signature covers. */
export function signedMessage(kind: ArmorKind, keyId: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${LABELS[kind]}\n${keyId}\n`, 'utf8'), payload]);
}

function wrap(base64: string): string {
  return base64.match(/.{1,64}/g)?.join('\n') ?? '';
}

export function armor(block: Armored, note = ''): string {
  const label = LABELS[block.kind];
  const lines = [`-----BEGIN ${label}-----`, `Key-Id: ${block.keyId}`, `Signature: ${block.signature.toString('base64')}`, '', wrap(block.payload.toString('base64')), `-----END ${label}-----`, ''];
  return (note ? `${note.trimEnd()}\n\n` : '') + lines.join('\n');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Reads the one armored block of `text`; throws an ArmorError saying what is malformed. */
export function dearmor(text: string): Armored {
  const begin = /^-----BEGIN (DEVFORGE LICENSE|DEVFORGE RENEWAL REQUEST)-----\r?$/m.exec(text);
  if (!begin) throw new ArmorError('no "-----BEGIN DEVFORGE LICENSE-----" or "-----BEGIN DEVFORGE RENEWAL REQUEST-----" line: this is not a DevForge license or renewal request file');
  const label = begin[1]!;
  const kind = (Object.keys(LABELS) as ArmorKind[]).find((k) => LABELS[k] === label)!;
  const rest = text.slice(begin.index + begin[0].length);
  const endAt = rest.indexOf(`-----END ${label}-----`);
  if (endAt < 0) throw new ArmorError(`the "-----END ${label}-----" line is missing: the file is cut short`);
  const lines = rest
    .slice(0, endAt)
    .split(/\r?\n/)
    .map((l) => l.trim());
  const headers = new Map<string, string>();
  let i = 0;
  while (i < lines.length && lines[i] === '') i++;
  for (; i < lines.length && lines[i] !== ''; i++) {
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(lines[i]!);
    if (!m) break;
    headers.set(m[1]!.toLowerCase(), m[2]!);
  }
  const body = lines.slice(i).join('');
  const keyId = headers.get('key-id');
  const signature = headers.get('signature');
  if (!keyId) throw new ArmorError('the Key-Id header is missing');
  if (!signature || !BASE64.test(signature)) throw new ArmorError('the Signature header is missing or not base64');
  if (!body || !BASE64.test(body)) throw new ArmorError('the payload is missing or not base64 (was the file edited?)');
  return { kind, keyId, signature: Buffer.from(signature, 'base64'), payload: Buffer.from(body, 'base64') };
}

// The web origins a publishable key works from: each exactly scheme://host[:port], as a browser sends it in
// the Origin header (URL.origin: lower-case, default port dropped), so the check on every request is a plain
// comparison. Anything else (a path, a wildcard, a query, credentials, another scheme) is refused with a
// message that says what to write instead.
import { invalidField } from '../errors.ts';

export const MAX_ALLOWED_ORIGINS = 20;

function normaliseOrigin(field: string, value: string): string {
  const example = 'such as https://intranet.example.com or http://localhost:8080';
  if (value.includes('*')) throw invalidField(field, `${JSON.stringify(value)}: wildcards are not allowed; list each origin exactly, ${example}`);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidField(field, `${JSON.stringify(value)} is not an origin: write scheme://host[:port], ${example}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalidField(field, `${JSON.stringify(value)}: an origin is http:// or https://, ${example}`);
  if (url.username || url.password) throw invalidField(field, `${JSON.stringify(value)}: an origin has no user name or password; write only scheme://host[:port]`);
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /^[a-z]+:\/\/[^/]+\/./i.test(value.trim())) {
    throw invalidField(field, `${JSON.stringify(value)}: an origin has no path, query or fragment; write only ${url.origin}`);
  }
  return url.origin;
}

/** The origins, normalised and without repeats; at least one, at most MAX_ALLOWED_ORIGINS. */
export function normaliseOrigins(field: string, values: readonly string[]): string[] {
  if (!values.length) throw invalidField(field, 'a publishable key needs at least one allowed origin (the web page it is embedded in), such as https://intranet.example.com');
  if (values.length > MAX_ALLOWED_ORIGINS) throw invalidField(field, `at most ${MAX_ALLOWED_ORIGINS} origins per key; make another key for more`);
  return [...new Set(values.map((v, i) => normaliseOrigin(`${field}[${i}]`, v)))];
}

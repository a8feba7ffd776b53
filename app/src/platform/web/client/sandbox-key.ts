// The sandbox key the developer portal sends its try-it calls with: made in place (POST /api-keys with
// sandbox: true) or pasted. Held in this page's memory only, shared by the portal's pages while the app is
// open, never written to storage: a key is a secret, and a reload asks for it again (the key page shows
// only its prefix afterwards, so a lost one is revoked and replaced, not recovered).
import { useEffect, useState } from 'preact/hooks';
import type { ApiKey } from './api-types.ts';

let current = '';
const listeners = new Set<(key: string) => void>();

export function setSandboxKey(key: string): void {
  current = key.trim();
  for (const l of listeners) l(current);
}

/** The key in use and a setter; every portal page sees the same one. */
export function useSandboxKey(): [string, (key: string) => void] {
  const [key, setKey] = useState(current);
  useEffect(() => {
    listeners.add(setKey);
    return () => void listeners.delete(setKey);
  }, []);
  return [key, setSandboxKey];
}

/**
 * Why a pasted key may not be used for try-it calls, or undefined when it may: it must be one of the
 * caller's own active sandbox keys (matched by its prefix, the part the key list shows), so a production
 * key, whose calls count against the license's quota, is never sent from the portal by mistake.
 */
export function sandboxKeyProblem(key: string, own: ApiKey[]): string | undefined {
  if (!key) return undefined;
  const mine = own.find((k) => key.startsWith(k.prefix));
  if (!mine) return 'This is not one of your API keys: paste a sandbox key of your own, or create one here.';
  if (!mine.sandbox) return `“${mine.name}” is a production key (its calls count against the license’s quota): create a sandbox key for trying the API.`;
  if (!mine.active) return `“${mine.name}” is revoked or expired: create a new sandbox key.`;
  return undefined;
}

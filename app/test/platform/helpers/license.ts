// Test licenses, issued by the real vendor tool (licenses/bin/devforge-license.js) with the repository's test
// key, and installed through the real API. Dates are days from today (UTC), so a test can place a license in
// the past without touching any clock.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { call, type Reply } from './http.ts';

const TOOL = fileURLToPath(new URL('../../../../licenses/bin/devforge-license.js', import.meta.url));
export const TEST_PRIVATE_KEY = fileURLToPath(new URL('../../../../licenses/test-keys/private.pem', import.meta.url));

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `devforge-license …` as a vendor would. */
export function licenseTool(args: string[]): Promise<ToolResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [TOOL, ...args], { timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

/** YYYY-MM-DD, `offset` days from today (UTC). */
export function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

export interface IssueOptions {
  tier: 'free' | 'professional' | 'enterprise';
  customer?: string;
  /** Days from today; default a year. */
  expires?: number;
  notBefore?: number;
  graceDays?: number;
  notifyDays?: number;
  sequence?: number;
  installId?: string;
  set?: string[];
  key?: string;
}

/** The text of a license issued by the real tool. */
export async function issueLicense(opts: IssueOptions): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'devforge-lic-'));
  try {
    const out = join(dir, 'license.lic');
    const args = ['issue', '--key', opts.key ?? TEST_PRIVATE_KEY, '--customer', opts.customer ?? 'Test Customer', '--tier', opts.tier, '--expires', day(opts.expires ?? 365), '--out', out];
    if (opts.notBefore !== undefined) args.push('--not-before', day(opts.notBefore));
    if (opts.graceDays !== undefined) args.push('--grace-days', String(opts.graceDays));
    if (opts.notifyDays !== undefined) args.push('--notify-days', String(opts.notifyDays));
    if (opts.sequence !== undefined) args.push('--sequence', String(opts.sequence));
    if (opts.installId) args.push('--install-id', opts.installId);
    for (const s of opts.set ?? []) args.push('--set', s);
    const r = await licenseTool(args);
    if (r.code !== 0) throw new Error(`devforge-license issue failed: ${r.stderr}`);
    return await readFile(out, 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** PUT /api/v1/license with the file's text. */
export function putLicense(base: string, adminKey: string, text: string): Promise<Reply> {
  return call(base, 'PUT', '/api/v1/license', { key: adminKey, raw: text, headers: { 'content-type': 'text/plain' } });
}

/** Config overrides of a test install that accepts test licenses. */
export const ACCEPT_TEST_LICENSES = { license: { acceptTestLicenses: true } };

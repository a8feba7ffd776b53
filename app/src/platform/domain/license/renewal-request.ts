// `devforge license request`: a renewal request file for the vendor, made offline. It carries this install's
// id and public key, the license in force, this month's use, and the hash of the previous request, and is
// signed with the install's key; request numbers count up, so the vendor sees when one is missing.
import type { DataSource } from 'typeorm';
import type { RequestPayload } from '../../../licensing/payloads.ts';
import { signRequest } from '../../../licensing/sign.ts';
import { textHash } from '../../../licensing/verify.ts';
import { sql } from '../../db/sql.ts';
import { recordAudit, type AuditActor } from '../audit/record.ts';
import { currentUse } from './current-use.ts';
import { ensureInstallIdentity } from './identity.ts';
import { installedLicense } from './standing.ts';

export async function makeRenewalRequest(db: DataSource, actor: AuditActor): Promise<{ text: string; payload: RequestPayload }> {
  const identity = await ensureInstallIdentity(db);
  return db.transaction(async (tx) => {
    // The row lock orders two requests made at once: each links to the one before.
    const [chain] = await sql<{ request_number: number; last_request_hash: string | null }>(tx, 'SELECT request_number, last_request_hash FROM license_runtime WHERE id = 1 FOR UPDATE');
    const license = await installedLicense(tx);
    const use = await currentUse(tx);
    const payload: RequestPayload = {
      format: 1,
      install_id: identity.installId,
      install_public_key: identity.publicKeyPem,
      request_number: chain!.request_number + 1,
      previous_request_hash: chain!.last_request_hash,
      created_at: new Date().toISOString(),
      current_license: license?.text ?? null,
      current_license_id: license?.payload.license_id ?? null,
      current_sequence: license?.payload.sequence ?? null,
      usage: { month: use.month, animations_accepted: use.animations_per_month },
    };
    const note = `DevForge renewal request ${payload.request_number} from install ${payload.install_id}\nSend this file to your DevForge vendor; install the license file they send back with devforge license install FILE.`;
    const text = signRequest(payload, identity.privateKey, note);
    await sql(tx, 'UPDATE license_runtime SET request_number = $1, last_request_hash = $2 WHERE id = 1', [payload.request_number, textHash(text)]);
    await recordAudit(tx, { actor, action: 'license.request', target: { type: 'license', id: payload.current_license_id ?? 'none' }, details: { request_number: payload.request_number, usage: payload.usage } });
    return { text, payload };
  });
}

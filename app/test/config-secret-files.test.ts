// Secrets given as files (DEVFORGE_OIDC_CLIENT_SECRET_FILE, the Compose and Kubernetes way): the file's
// content becomes auth.oidc.clientSecret, and a missing or empty file, or both ways at once, is a
// configuration problem that says what to fix.
import test from 'ava';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, redactedConfig } from '../src/config/load.ts';

test('the OIDC client secret can come from a file, and bad uses are named', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'devforge-secret-file-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  const file = join(dir, 'client-secret');
  await writeFile(file, 's3cr3t-from-file\n');
  const config = loadConfig({ env: { DEVFORGE_OIDC_CLIENT_SECRET_FILE: file } });
  t.is(config.auth.oidc.clientSecret, 's3cr3t-from-file', 'the trailing newline is not part of it');
  t.is((redactedConfig(config).auth as { oidc: { clientSecret: string } }).oidc.clientSecret, '[redacted]');

  t.throws(() => loadConfig({ env: { DEVFORGE_OIDC_CLIENT_SECRET_FILE: file, DEVFORGE_OIDC_CLIENT_SECRET: 'x' } }), { message: /auth\.oidc\.clientSecretFile and auth\.oidc\.clientSecret are both set: set one of them/ });
  t.throws(() => loadConfig({ env: { DEVFORGE_OIDC_CLIENT_SECRET_FILE: join(dir, 'absent') } }), { message: /auth\.oidc\.clientSecretFile=.*absent: ENOENT/ });
  await writeFile(join(dir, 'empty'), '\n');
  t.throws(() => loadConfig({ env: { DEVFORGE_OIDC_CLIENT_SECRET_FILE: join(dir, 'empty') } }), { message: /the file is empty; put the secret in it/ });
});

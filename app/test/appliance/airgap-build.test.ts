// airgap/build.sh's own steps without Docker: staging the repository's parts, the manifest, the SBOM and
// notices, SHA256SUMS, the signature and the final verification. Docker is replaced by a small stand-in `docker`
// command first on PATH that answers the three calls build.sh makes (image inspect, save, run dpkg-query: this
// machine's real package list); the images themselves are built, saved and loaded for real by
// `npm run test:appliance` (installer/test/appliance-test.sh), which needs a Docker daemon.
import test from 'ava';
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

const FAKE_DOCKER = `#!/bin/bash
# Test stand-in for the docker CLI (app/test/appliance/airgap-build.test.ts): never a daemon.
case "$1 $2" in
  "image inspect") case "$*" in *minio* | *keycloak*) exit 1 ;; esac; echo "sha256:$(printf '%s' "$*" | sha256sum | cut -c1-64)" ;;
  "save "*) printf 'docker save output of %s\\n' "$2" ;;
  "run --rm") dpkg-query -W -f='\${Package}\\t\${Version}\\t\${Architecture}\\t\${source:Package}\\n' ;;
  *) echo "fake docker: unexpected call: $*" >&2; exit 1 ;;
esac
`;

async function build(t: { teardown: (fn: () => Promise<void>) => void }, args: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'airgap-build-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'docker'), FAKE_DOCKER);
  await chmod(join(dir, 'docker'), 0o755);
  const env = { ...process.env, PATH: `${dir}:${dirname(process.execPath)}:${process.env.PATH ?? ''}` };
  try {
    const { stdout, stderr } = await run(join(REPO, 'airgap/build.sh'), [...args, '--out', join(dir, 'dist')], { env, maxBuffer: 16 << 20 });
    return { dir, code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { dir, code: e.code, out: e.stdout + e.stderr };
  }
}

test('build.sh --no-build --test-key --with-stand-ins makes a bundle that verifies, with the manifest, SBOM and notices', async (t) => {
  const r = await build(t, ['--no-build', '--test-key', '--with-stand-ins', '--version', '0.1.1']);
  t.is(r.code, 0, r.out);
  t.regex(r.out, /is not loaded: this test bundle replaces it with the stand-ins/);
  const bundle = join(r.dir, 'dist/devforge-0.1.1-airgap.tar');
  const out = join(r.dir, 'verified');
  const { stdout } = await run(join(REPO, 'airgap/verify.sh'), [bundle, '--accept-test-key', '--extract-to', out]);
  t.regex(stdout, /bundle OK: devforge 0\.1\.1/);
  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    product: string;
    version: string;
    min_upgrade_from: string;
    key_id: string;
    created: string;
    images: { ref: string; file: string; id: string }[];
  };
  t.like(manifest, { product: 'devforge', version: '0.1.1', key_id: 'dfk-f48a5b2232adebff' });
  t.is(manifest.min_upgrade_from, (await readFile(join(REPO, 'airgap/min-upgrade-from'), 'utf8')).trim());
  t.false(Number.isNaN(Date.parse(manifest.created)));
  t.deepEqual(
    manifest.images.map((i) => [i.ref, i.file]),
    [
      ['localhost/devforge:0.1.1', 'images/app.tar.zst'],
      ['localhost/devforge-postgres:0.1.1', 'images/postgres.tar.zst'],
      ['localhost/devforge-proxy:0.1.1', 'images/proxy.tar.zst'],
      ['localhost/devforge-stand-ins:0.1.1', 'images/stand-ins.tar.zst'],
    ],
  );
  for (const image of manifest.images) {
    t.regex(image.id, /^sha256:[0-9a-f]{64}$/);
    const { stdout: saved } = await run('zstd', ['-dc', join(out, image.file)]);
    t.is(saved, `docker save output of ${image.ref}\n`, 'the file is the zstd of docker save');
  }
  const sbom = JSON.parse(await readFile(join(out, 'sbom.cdx.json'), 'utf8')) as { metadata: { component: { version: string } }; components: { 'bom-ref': string; components?: unknown[] }[] };
  t.is(sbom.metadata.component.version, '0.1.1');
  t.true((sbom.components.find((c) => c['bom-ref'] === 'image:postgres')?.components?.length ?? 0) > 50, 'each image has its Debian packages');
  t.regex(await readFile(join(out, 'THIRD-PARTY-NOTICES.txt'), 'utf8'), /^koa 3\./m);
  t.deepEqual(await readFile(join(out, 'installer/verify.sh')), await readFile(join(REPO, 'airgap/verify.sh')));
});

test('build.sh refuses to run without a key, and a release build without the pinned third-party images', async (t) => {
  const noKey = await build(t, ['--no-build']);
  t.is(noKey.code, 2);
  t.regex(noKey.out, /say which key signs the bundle: --key PRIVATE\.pem \(a release\) or --test-key/);
  const release = await build(t, ['--no-build', '--test-key']);
  t.is(release.code, 1);
  t.regex(release.out, /quay\.io\/minio\/minio:.* is not loaded here\. A release carries it/);
});

// The air-gap bundle's SBOM and notices (app/scripts/make-sbom.ts), made from the repository's real
// package-lock.json and node_modules and this machine's real dpkg-query output, as airgap/build.sh makes them
// from each image's. CycloneDX's own JSON schema validation needs ajv, which is not installed here: when it is
// missing the test says so and checks the fields the bundle's readers rely on instead.
import test from 'ava';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const IMAGE_ID = `sha256:${'0123456789abcdef'.repeat(4)}`;

interface Component {
  type: string;
  name: string;
  group?: string;
  version?: string;
  purl?: string;
  'bom-ref': string;
  licenses?: { license?: { id?: string; name?: string }; expression?: string }[];
  hashes?: { alg: string; content: string }[];
  components?: Component[];
}

interface Made {
  bom: { bomFormat: string; specVersion: string; metadata: { component: { name: string; version: string } }; components: Component[] };
  json: string;
  notices: string;
  dpkg: string[];
  stdout: string;
}

let made: Promise<Made> | undefined;
/** One run for all the tests below: the SBOM of this repository plus one image with this machine's packages. */
function make(): Promise<Made> {
  made ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sbom-'));
    try {
      const { stdout: list } = await run('dpkg-query', ['-W', '-f=${Package}\\t${Version}\\t${Architecture}\\t${source:Package}\\n'], { maxBuffer: 64 << 20 });
      await writeFile(join(dir, 'host.tsv'), list);
      const { stdout } = await run(process.execPath, [
        join(REPO, 'app/scripts/make-sbom.ts'),
        '--version',
        '0.1.1',
        '--image',
        `app=localhost/devforge:0.1.1=${IMAGE_ID}=${join(dir, 'host.tsv')}`,
        '--image',
        `minio=quay.io/minio/minio:RELEASE.2025-09-07T16-13-09Z=${IMAGE_ID}`,
        '--out',
        join(dir, 'sbom.cdx.json'),
        '--notices',
        join(dir, 'NOTICES.txt'),
      ]);
      const json = await readFile(join(dir, 'sbom.cdx.json'), 'utf8');
      return { bom: JSON.parse(json) as Made['bom'], json, notices: await readFile(join(dir, 'NOTICES.txt'), 'utf8'), dpkg: list.trim().split('\n'), stdout };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return made;
}

interface LockEntry {
  version: string;
  dev?: boolean;
  link?: boolean;
  optional?: boolean;
  integrity?: string;
  license?: string;
}

test('the npm packages are the production entries of package-lock.json, each with a purl, its license and its SHA-512', async (t) => {
  const { bom } = await make();
  t.is(bom.bomFormat, 'CycloneDX');
  t.is(bom.specVersion, '1.6');
  t.deepEqual([bom.metadata.component.name, bom.metadata.component.version], ['devforge', '0.1.1']);
  const lock = JSON.parse(await readFile(join(REPO, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const npm = bom.components.filter((c) => c.purl?.startsWith('pkg:npm/'));
  const byPath = new Map(npm.map((c) => [c['bom-ref'].split('#')[1], c]));
  const production = Object.entries(lock.packages).filter(([path, e]) => path.includes('node_modules/') && !e.dev && !e.link && !e.optional);
  t.true(production.length > 100, `${production.length} production packages in the lock`);
  for (const [path, entry] of production) {
    const c = byPath.get(path);
    if (!c) {
      t.fail(`${path} (a production dependency) is missing from the SBOM`);
      continue;
    }
    t.is(c.version, entry.version, path);
    const name = path.slice(path.lastIndexOf('node_modules/') + 13);
    t.is(c.purl, `pkg:npm/${name.replace('@', '%40')}@${entry.version}`, path);
    if (entry.integrity?.startsWith('sha512-')) t.deepEqual(c.hashes, [{ alg: 'SHA-512', content: Buffer.from(entry.integrity.slice(7), 'base64').toString('hex') }], path);
    if (entry.license) t.truthy(c.licenses?.length, `${path} has its declared license ${entry.license}`);
  }
  // Development-only packages are not in the image, so not in its SBOM.
  for (const [path, e] of Object.entries(lock.packages)) if (e.dev && path.includes('node_modules/')) t.false(byPath.has(path), `${path} is a dev dependency`);
  const koa = npm.find((c) => c.name === 'koa' && !c.group);
  t.deepEqual(koa?.licenses, [{ license: { id: 'MIT' } }]);
  t.is(npm.find((c) => c.group === '@koa' && c.name === 'router')?.purl?.startsWith('pkg:npm/%40koa/router@'), true);
});

test("each image is a container component with its Debian packages (this machine's dpkg-query list, every line)", async (t) => {
  const { bom, dpkg } = await make();
  const app = bom.components.find((c) => c['bom-ref'] === 'image:app');
  t.truthy(app);
  t.is(app!.type, 'container');
  t.deepEqual([app!.name, app!.version], ['localhost/devforge', '0.1.1']);
  t.deepEqual(app!.hashes, [{ alg: 'SHA-256', content: IMAGE_ID.slice(7) }]);
  t.is(app!.components?.length, dpkg.length, 'one component per dpkg-query line');
  const [name, version, arch] = dpkg.find((l) => l.startsWith('dpkg\t'))!.split('\t');
  const dpkgComponent = app!.components!.find((c) => c.name === name);
  t.is(dpkgComponent?.version, version);
  t.is(dpkgComponent?.purl, `pkg:deb/debian/dpkg@${encodeURIComponent(version!)}?arch=${arch}&distro=debian-12`);
  for (const c of app!.components!) t.regex(c.purl ?? '', /^pkg:deb\/debian\/[^@]+@[^?]+\?arch=[a-z0-9]+/, c.name);
  const minio = bom.components.find((c) => c['bom-ref'] === 'image:minio');
  t.deepEqual([minio?.name, minio?.version, minio?.components], ['quay.io/minio/minio', 'RELEASE.2025-09-07T16-13-09Z', undefined]);
});

test('every bom-ref is unique and the document validates against the CycloneDX 1.6 schema (when a validator is installed)', async (t) => {
  const { bom, json } = await make();
  const refs: string[] = [];
  const walk = (cs: Component[] | undefined) => cs?.forEach((c) => (refs.push(c['bom-ref']), walk(c.components)));
  walk(bom.components);
  t.is(new Set(refs).size, refs.length);
  try {
    const errors = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json);
    t.is(errors, null, JSON.stringify(errors));
  } catch (err) {
    if (!(err instanceof Validation.MissingOptionalDependencyError)) throw err;
    t.log(`CycloneDX schema validation skipped: ${err.message.split('\n')[0]} (the library needs ajv, ajv-formats and ajv-formats-draft2019)`);
    for (const c of refs) t.truthy(c);
    t.true(bom.components.every((c) => ['library', 'container'].includes(c.type) && typeof c.name === 'string' && c.name.length > 0));
  }
});

test('the notices carry each npm package license text and say where the Debian copyright files are', async (t) => {
  const { notices, stdout, dpkg } = await make();
  const koaLicense = await readFile(join(REPO, 'node_modules/koa/LICENSE'), 'utf8');
  t.true(notices.includes(koaLicense.trimEnd()), "koa's LICENSE text is in the notices");
  t.regex(notices, /^koa 3\.\d+\.\d+\nLicense: MIT\nFolder in the image: \/app\/node_modules\/koa$/m);
  t.regex(notices, /\/usr\/share\/doc\/<package>\/copyright/);
  t.true(notices.includes(`  ${dpkg[0]!.split('\t').slice(0, 3).join(' ')}`), 'the Debian packages are listed');
  t.regex(notices, /quay\.io\/minio\/minio:RELEASE\.2025-09-07T16-13-09Z \(images\/minio\.tar\.zst\) is a third-party image/);
  t.regex(stdout, /make-sbom: .*: \d+ npm packages, 2 images, \d+ Debian packages/);
});

test('make-sbom refuses a malformed dpkg-query list and a missing lock file with a message', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'bad.tsv'), 'libc6 2.36 amd64\n');
  const args = (extra: string[]) => [join(REPO, 'app/scripts/make-sbom.ts'), '--version', '0.1.1', '--out', join(dir, 'o.json'), '--notices', join(dir, 'n.txt'), ...extra];
  const bad = await run(process.execPath, args(['--image', `app=r:1=${IMAGE_ID}=${join(dir, 'bad.tsv')}`])).catch((e: { code: number; stderr: string }) => e);
  t.is((bad as { code: number }).code, 2);
  t.regex((bad as { stderr: string }).stderr, /bad\.tsv line 1: "libc6 2\.36 amd64" is not NAME<TAB>VERSION<TAB>ARCH<TAB>SOURCE/);
  const noLock = await run(process.execPath, args(['--lock', join(dir, 'none.json')])).catch((e: { code: number; stderr: string }) => e);
  t.is((noLock as { code: number }).code, 2);
  t.regex((noLock as { stderr: string }).stderr, /none\.json: cannot read it as JSON/);
});

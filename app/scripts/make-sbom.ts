// node app/scripts/make-sbom.ts: the air-gap bundle's CycloneDX SBOM and THIRD-PARTY-NOTICES.txt
// (airgap/build.sh calls it; docs/airgap.md). Inputs: package-lock.json and node_modules (the application's
// production npm packages, as the image installs them) and, per image, its id and the dpkg-query list
// airgap/build.sh collected from it.
//
//   node app/scripts/make-sbom.ts --version V --image NAME=REF=ID[=DPKG-LIST.tsv]... --out sbom.cdx.json
//     --notices THIRD-PARTY-NOTICES.txt [--lock package-lock.json] [--root DIR (where node_modules is)]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeSbom, type ImageInput } from './sbom/bom.ts';
import { DpkgListError, parseDpkgList } from './sbom/debian-packages.ts';
import { makeNotices } from './sbom/notices.ts';
import { LockfileError, productionPackages } from './sbom/npm-packages.ts';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function fail(message: string): never {
  console.error(`make-sbom: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    version: { type: 'string' },
    image: { type: 'string', multiple: true },
    out: { type: 'string' },
    notices: { type: 'string' },
    lock: { type: 'string' },
    root: { type: 'string' },
  },
  strict: true,
});
if (!values.version || !values.out || !values.notices) fail('give --version, --out and --notices (see the header of app/scripts/make-sbom.ts)');
const lock = resolve(values.lock ?? `${REPO}/package-lock.json`);
const root = resolve(values.root ?? dirname(lock));

try {
  const images: ImageInput[] = (values.image ?? []).map((spec) => {
    const [name, ref, id, list] = spec.split('=');
    if (!name || !ref || !id) fail(`--image ${spec}: write it as NAME=REF=ID[=DPKG-LIST.tsv]`);
    return { name, ref, id, debian: list ? parseDpkgList(readFileSync(list, 'utf8'), list) : undefined };
  });
  const npm = productionPackages(lock, root);
  writeFileSync(values.out, makeSbom({ version: values.version, npm, images }));
  const notices = makeNotices({ version: values.version, root, npm, images });
  writeFileSync(values.notices, notices.text);
  const debs = images.reduce((n, i) => n + (i.debian?.length ?? 0), 0);
  console.log(`make-sbom: ${values.out}: ${npm.length} npm packages, ${images.length} images, ${debs} Debian packages; ${values.notices}: ${npm.length - notices.withoutText.length} license texts`);
  if (notices.withoutText.length) console.log(`make-sbom: no license file in ${notices.withoutText.join(', ')} (their declared license is listed)`);
} catch (err) {
  if (err instanceof LockfileError || err instanceof DpkgListError) fail(err.message);
  if ((err as NodeJS.ErrnoException).code === 'ENOENT') fail(`cannot read ${(err as NodeJS.ErrnoException).path}`);
  throw err;
}

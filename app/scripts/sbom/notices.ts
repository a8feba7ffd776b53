// THIRD-PARTY-NOTICES.txt: for each production npm package its declared license and the license texts it
// ships (LICENSE*, LICENCE*, NOTICE*, COPYING* in its folder, found by CycloneDX's own gatherer), and for each
// image's Debian packages where their copyright files are (every package keeps /usr/share/doc/<name>/copyright;
// the base image is slimmed but keeps those, images/mkbase.sh).
import { Contrib, Enums } from '@cyclonedx/cyclonedx-library';
import { join } from 'node:path';
import type { ImageInput } from './bom.ts';
import type { NpmPackage } from './npm-packages.ts';

const RULE = '='.repeat(100);

function licenseTexts(root: string, p: NpmPackage): { file: string; text: string }[] {
  const gatherer = new Contrib.License.Utils.LicenseEvidenceGatherer();
  const out: { file: string; text: string }[] = [];
  for (const a of gatherer.getFileAttachments(join(root, p.path), () => undefined)) {
    const content = a.text.content.toString();
    out.push({ file: a.file, text: a.text.encoding === Enums.AttachmentEncoding.Base64 ? Buffer.from(content, 'base64').toString('utf8') : content });
  }
  return out;
}

export function makeNotices(input: { version: string; root: string; npm: NpmPackage[]; images: ImageInput[] }): { text: string; withoutText: string[] } {
  const parts: string[] = [
    `DevForge ${input.version}: third-party notices`,
    '',
    'DevForge includes the open-source software below. Each part keeps its own license. The npm packages are',
    "those in the application image's node_modules; the Debian packages are in the images named below.",
    '',
  ];
  const withoutText: string[] = [];
  parts.push(RULE, `npm packages (${input.npm.length})`, RULE, '');
  for (const p of input.npm) {
    const texts = licenseTexts(input.root, p);
    parts.push(`${p.name} ${p.version}`, `License: ${p.license ?? '(none declared)'}`, `Folder in the image: /app/${p.path}`);
    if (!texts.length) {
      withoutText.push(`${p.name}@${p.version}`);
      parts.push('The package ships no license file; its license is the one declared above.');
    }
    for (const t of texts) parts.push('', `--- ${t.file} ---`, t.text.trimEnd());
    parts.push('', '-'.repeat(100), '');
  }
  parts.push(RULE, 'Debian packages', RULE, '');
  for (const image of input.images) {
    if (!image.debian) {
      parts.push(`${image.ref} (images/${image.name}.tar.zst) is a third-party image: its notices are inside it (see its vendor's documentation).`, '');
      continue;
    }
    parts.push(
      `${image.ref} (images/${image.name}.tar.zst): ${image.debian.length} Debian packages. Each one's copyright and license`,
      'text is in the image at /usr/share/doc/<package>/copyright, e.g.:',
      `  docker run --rm --entrypoint cat ${image.ref} /usr/share/doc/${image.debian[0]!.name}/copyright`,
      'The packages (name, version, architecture, source package; the SBOM lists them with their purls):',
      ...image.debian.map((d) => `  ${d.name} ${d.version} ${d.arch}${d.source !== d.name ? ` (source ${d.source})` : ''}`),
      '',
    );
  }
  return { text: `${parts.join('\n')}\n`, withoutText };
}

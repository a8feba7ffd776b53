// The air-gap bundle's CycloneDX SBOM (JSON, spec 1.6): the appliance as the described application, its npm
// packages (type library, purl pkg:npm, declared license, the lock's SHA-512), and each image as a container
// component holding its Debian packages (purl pkg:deb/debian with arch and source qualifiers). Debian packages
// are nested under their image because one package (libc6) is in several images, possibly in different versions.
import { Enums, Models, Serialize, Spec, SPDX } from '@cyclonedx/cyclonedx-library';
import { PackageURL } from 'packageurl-js';
import type { DebianPackage } from './debian-packages.ts';
import type { NpmPackage } from './npm-packages.ts';

export interface ImageInput {
  /** Its file name in the bundle: app, postgres, proxy, … */
  name: string;
  /** e.g. localhost/devforge:0.1.1 */
  ref: string;
  /** The image id, sha256:… */
  id: string;
  /** Its Debian packages, when it is a Debian image (the third-party images are not). */
  debian?: DebianPackage[];
}

/** A declared license: an SPDX id, an SPDX expression, or (anything else) a named license. */
function licenseOf(declared: string | undefined): Models.License[] {
  if (!declared) return [];
  // Through `unknown`: the guard would otherwise narrow the string itself, and every other case with it.
  const id: unknown = declared;
  if (SPDX.isSupportedSpdxId(id)) return [new Models.SpdxLicense(id)];
  if (/\b(OR|AND|WITH)\b|[()]/.test(declared)) return [new Models.LicenseExpression(declared.replace(/^\((.*)\)$/, '$1'))];
  return [new Models.NamedLicense(declared)];
}

function npmComponent(p: NpmPackage): Models.Component {
  const at = p.name.lastIndexOf('/');
  const [namespace, name] = p.name.startsWith('@') && at > 0 ? [p.name.slice(0, at), p.name.slice(at + 1)] : [undefined, p.name];
  const purl = new PackageURL('npm', namespace, name, p.version, undefined, undefined).toString();
  const c = new Models.Component(Enums.ComponentType.Library, name, { group: namespace, version: p.version, purl, bomRef: `${purl}#${p.path}` });
  for (const l of licenseOf(p.license)) c.licenses.add(l);
  const sha512 = p.integrity?.startsWith('sha512-') ? Buffer.from(p.integrity.slice(7), 'base64').toString('hex') : undefined;
  if (sha512) c.hashes.set(Enums.HashAlgorithm['SHA-512'], sha512);
  c.properties.add(new Models.Property('devforge:path', p.path));
  return c;
}

function debianComponent(image: string, p: DebianPackage): Models.Component {
  const qualifiers: Record<string, string> = { arch: p.arch, distro: 'debian-12' };
  if (p.source !== p.name) qualifiers.upstream = p.source;
  const purl = new PackageURL('deb', 'debian', p.name, p.version, qualifiers, undefined).toString();
  return new Models.Component(Enums.ComponentType.Library, p.name, { version: p.version, purl, bomRef: `${image}/${purl}`, publisher: 'Debian' });
}

function imageComponent(image: ImageInput): Models.Component {
  const colon = image.ref.lastIndexOf(':');
  const tag = colon > image.ref.lastIndexOf('/') ? image.ref.slice(colon + 1) : undefined;
  const c = new Models.Component(Enums.ComponentType.Container, image.ref.slice(0, colon > image.ref.lastIndexOf('/') ? colon : undefined), {
    version: tag,
    bomRef: `image:${image.name}`,
  });
  if (/^sha256:[0-9a-f]{64}$/.test(image.id)) c.hashes.set(Enums.HashAlgorithm['SHA-256'], image.id.slice(7));
  c.properties.add(new Models.Property('devforge:image-id', image.id));
  c.properties.add(new Models.Property('devforge:bundle-file', `images/${image.name}.tar.zst`));
  for (const p of image.debian ?? []) c.components.add(debianComponent(image.name, p));
  return c;
}

export function makeSbom(input: { version: string; npm: NpmPackage[]; images: ImageInput[]; created?: Date }): string {
  const bom = new Models.Bom();
  bom.metadata.timestamp = input.created ?? new Date();
  bom.metadata.component = new Models.Component(Enums.ComponentType.Application, 'devforge', { version: input.version, bomRef: 'devforge' });
  for (const p of input.npm) {
    const c = npmComponent(p);
    bom.components.add(c);
    bom.metadata.component.dependencies.add(c.bomRef);
  }
  for (const image of input.images) {
    const c = imageComponent(image);
    bom.components.add(c);
    bom.metadata.component.dependencies.add(c.bomRef);
  }
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6));
  return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
}

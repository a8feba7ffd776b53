// An image's Debian packages, from the output of
//   dpkg-query -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\n'
// run in the image (airgap/build.sh: docker run --rm --entrypoint dpkg-query IMAGE …). The same format from any
// Debian machine.

export interface DebianPackage {
  name: string;
  version: string;
  arch: string;
  /** The source package (the same as the name when the package has no Source field). */
  source: string;
}

export class DpkgListError extends Error {
  override name = 'DpkgListError';
}

export function parseDpkgList(text: string, what: string): DebianPackage[] {
  const out: DebianPackage[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const [name, version, arch, source] = line.split('\t');
    if (!name || !version || !arch) {
      throw new DpkgListError(`${what} line ${i + 1}: "${line}" is not NAME<TAB>VERSION<TAB>ARCH<TAB>SOURCE; make it with dpkg-query -W -f='\${Package}\\t\${Version}\\t\${Architecture}\\t\${source:Package}\\n'`);
    }
    out.push({ name, version, arch, source: source || name });
  });
  if (!out.length) throw new DpkgListError(`${what}: no packages listed (is it an image built on Debian?)`);
  return out;
}

#!/usr/bin/env bash
# The last step of airgap/build.sh, without Docker: turns a staging folder that holds everything a bundle
# carries (manifest.json, images/, compose/, installer/, …) into the signed bundle tar. It writes SHA256SUMS
# (every file, paths relative to the bundle's top folder), signs it with `devforge-license sign` (a raw Ed25519
# signature, SHA256SUMS.sig), checks that signature with OpenSSL as a customer would, and writes a plain tar
# whose one top folder is devforge-<version>/ (the version from manifest.json), owned by root, sorted by name.
# Tests call it on a small staging folder (app/test/appliance/airgap-bundle.test.ts).
#
# usage: airgap/lib/assemble.sh STAGING OUT.tar (--key PRIVATE.pem | --test-key)
#   --key PRIVATE.pem  the release key (production: kept offline, handed to the build as a file)
#   --test-key         the repository's test release key (airgap/test-keys/): bundles only tests accept
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
usage() { echo "assemble.sh: $*" >&2; echo "usage: airgap/lib/assemble.sh STAGING OUT.tar (--key PRIVATE.pem | --test-key)" >&2; exit 2; }

[ $# -ge 2 ] || usage "give the staging folder and the output file"
staging=$1
out=$2
shift 2
key=
while [ $# -gt 0 ]; do
  case "$1" in
    --key) [ $# -ge 2 ] || usage "--key needs the release private key file"; key=$2; shift 2 ;;
    --test-key) key=$repo/airgap/test-keys/private.pem; shift ;;
    *) usage "unknown option $1" ;;
  esac
done
[ -n "$key" ] || usage "say which key signs: --key PRIVATE.pem, or --test-key for a test bundle"
[ -r "$key" ] || usage "--key $key: no such readable file"
[ -d "$staging" ] || usage "$staging: not a folder"
[ -f "$staging/manifest.json" ] || usage "$staging has no manifest.json"

version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$staging/manifest.json" | head -1)
[[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z.+~-]*$ ]] || usage "manifest.json has no usable \"version\" (found \"$version\")"
key_id=$(sed -n 's/^ *"key_id": *"\([^"]*\)".*/\1/p' "$staging/manifest.json" | head -1)
public=$(mktemp)
trap 'rm -f "$public"' EXIT
openssl pkey -in "$key" -pubout -out "$public" 2>/dev/null || usage "--key $key: not a private key in PEM form"
signer=dfk-$(openssl pkey -pubin -in "$public" -outform DER | sha256sum | cut -c1-16)
[ "$key_id" = "$signer" ] || usage "manifest.json names key_id \"$key_id\", but $key is $signer"

# Only plain files and folders: a link would be refused by verify.sh (and could point outside the bundle).
odd=$(find "$staging" ! -type f ! -type d -print -quit)
[ -z "$odd" ] || usage "$odd is not a plain file or folder (copy what it points to instead)"

# An empty folder holds no listed file, so verify.sh would call it unlisted.
empty=$(find "$staging" -mindepth 1 -type d -empty -print -quit)
[ -z "$empty" ] || usage "$empty is an empty folder (remove it, or put what belongs there in it)"

rm -f "$staging/SHA256SUMS" "$staging/SHA256SUMS.sig"
sums=$(cd "$staging" && find . -type f -printf '%P\n' | LC_ALL=C sort | while IFS= read -r f; do sha256sum -- "$f"; done)
printf '%s\n' "$sums" >"$staging/SHA256SUMS"
chmod 0755 "$staging"
node "$repo/licenses/bin/devforge-license.js" sign --key "$key" --in "$staging/SHA256SUMS" --out "$staging/SHA256SUMS.sig" >/dev/null
openssl pkeyutl -verify -pubin -inkey "$public" -rawin -in "$staging/SHA256SUMS" -sigfile "$staging/SHA256SUMS.sig" >/dev/null ||
  { echo "assemble.sh: the signature just made does not verify with OpenSSL" >&2; exit 1; }

mkdir -p "$(dirname "$out")"
tar --create --file "$out.tmp" --format=gnu --sort=name --owner=0 --group=0 --numeric-owner \
  --directory "$staging" --transform "s,^\\.\$,devforge-$version,;s,^\\./,devforge-$version/," .
mv "$out.tmp" "$out"
echo "assemble.sh: $out: devforge $version, $(wc -l <"$staging/SHA256SUMS") files, signed by $signer"

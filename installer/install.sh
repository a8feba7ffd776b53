#!/usr/bin/env bash
# Installs DevForge from a signed air-gap bundle (dist/devforge-<version>-airgap.tar), with no registry and no
# internet. In this order: verify the bundle (signature, checksums, nothing unlisted) into a verified copy, run
# the preflight checks (a pass/fail table), load the images from the verified copy, make the secrets once, start
# the stack (`up --wait`), write the first administrator's sign-in to a 0600 file, apply a license if given, and
# print the URL. Idempotent: a second run with the same bundle changes nothing (images with the same id are not
# loaded again, secrets and settings are kept, containers are not recreated). Another version installed: use
# devforge-ctl upgrade.
#
# usage: install.sh --bundle FILE [--prefix DIR] [--https-port N] [--http-port N] [--hostname NAME]
#                   [--bind ADDR] [--workers N] [--override FILE]... [--license FILE] [--yes]
#   --bundle FILE     the air-gap bundle to install (required)
#   --prefix DIR      where the installation lives (default /opt/devforge)
#   --https-port N    HTTPS port (default 443); --http-port N: the port that redirects to HTTPS (default 80)
#   --hostname NAME   the name clients use (the certificate's and the links'; default: this host's name)
#   --bind ADDR       the address the ports are published on (default 0.0.0.0: every interface)
#   --workers N       render worker containers on this host (default 1)
#   --override FILE   a compose override from the bundle's compose/ (gpu.yaml, storage-external.yaml); repeatable
#   --license FILE    a license file to apply (devforge license install)
#   --yes             do not ask; take the options and defaults as they are (for scripts)
# Environment: DEVFORGE_ACCEPT_TEST_BUNDLE=1 accepts a bundle signed with the repository's test key (tests only).
# Exit status: 0 installed (or already installed), 1 refused or failed (the message says why), 2 wrong usage.
set -euo pipefail
PROG=install.sh
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=installer/lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=installer/lib/preflight.sh
. "$here/lib/preflight.sh"

usage() {
  echo "install.sh: $*" >&2
  echo "usage: install.sh --bundle FILE [--prefix DIR] [--https-port N] [--license FILE] [--yes] (--help for all)" >&2
  exit 2
}
bundle='' PREFIX=/opt/devforge HTTPS_PORT=443 HTTP_PORT=80 BIND=0.0.0.0 hostname_='' workers=1 license='' yes=false
overrides=()
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle=${2:-}; shift 2 || usage "--bundle needs a file" ;;
    --prefix) PREFIX=${2:-}; shift 2 || usage "--prefix needs a folder" ;;
    --https-port) HTTPS_PORT=${2:-}; shift 2 || usage "--https-port needs a number" ;;
    --http-port) HTTP_PORT=${2:-}; shift 2 || usage "--http-port needs a number" ;;
    --hostname) hostname_=${2:-}; shift 2 || usage "--hostname needs a name" ;;
    --bind) BIND=${2:-}; shift 2 || usage "--bind needs an address" ;;
    --workers) workers=${2:-}; shift 2 || usage "--workers needs a number" ;;
    --override) overrides+=("${2:-}"); shift 2 || usage "--override needs a file name" ;;
    --license) license=${2:-}; shift 2 || usage "--license needs a file" ;;
    --yes | -y) yes=true; shift ;;
    -h | --help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage "unknown option $1" ;;
  esac
done
[ -n "$bundle" ] || usage "give the bundle: --bundle devforge-<version>-airgap.tar"
[ -f "$bundle" ] || usage "--bundle $bundle: no such file"
for n in "$HTTPS_PORT" "$HTTP_PORT" "$workers"; do [[ "$n" =~ ^[0-9]+$ ]] || usage "not a number: $n"; done
[ "$HTTPS_PORT" != "$HTTP_PORT" ] || usage "--https-port and --http-port must differ"
[ -z "$license" ] || [ -r "$license" ] || usage "--license $license: no such readable file"
[ "$(id -u)" = 0 ] || die "run it as root (it loads images, writes $PREFIX and starts containers)"
case "$PREFIX" in /*) ;; *) PREFIX=$PWD/$PREFIX ;; esac
bundle=$(cd "$(dirname "$bundle")" && pwd)/$(basename "$bundle")
started=$SECONDS

# 1. Verify, before anything else: the rest reads only the verified copy.
verify=$here/verify.sh
[ -x "$verify" ] || verify=$here/../airgap/verify.sh # a repository checkout
mkdir -p "$PREFIX"
incoming=$PREFIX/.incoming-$$
trap 'rm -rf "$incoming"' EXIT
say "== verifying $bundle"
verify_bundle "$verify" "$bundle" "$incoming"
version=$(manifest_string "$incoming/manifest.json" version)
[ -n "$version" ] || die "the bundle's manifest.json names no version"
for o in "${overrides[@]}"; do
  [ -f "$incoming/compose/$o" ] || usage "--override $o: the bundle has no compose/$o"
done

# Already installed: the same version goes on (idempotent); another is an upgrade.
if [ -f "$PREFIX/devforge.env" ]; then
  installed=$(sed -n 's/^DEVFORGE_VERSION=//p' "$PREFIX/devforge.env")
  if [ "$installed" != "$version" ]; then
    die "devforge $installed is installed in $PREFIX; this bundle is $version: upgrade with $PREFIX/devforge-ctl upgrade --bundle $bundle"
  fi
  if [ -f "$PREFIX/releases/$version/manifest.json" ] && ! cmp -s "$PREFIX/releases/$version/manifest.json" "$incoming/manifest.json"; then
    die "a different build of devforge $version is installed in $PREFIX (its manifest differs from this bundle's); refusing to mix them"
  fi
fi

# 2. Preflight.
[ -n "$hostname_" ] || hostname_=$(hostname -f 2>/dev/null || hostname)
say "== preflight"
run_preflight

if ! $yes; then
  [ -t 0 ] || die "not a terminal: pass --yes to install without questions"
  read -r -p "Host name clients will use [$hostname_]: " answer
  [ -n "$answer" ] && hostname_=$answer
  read -r -p "Install devforge $version into $PREFIX, serving https://$hostname_:$HTTPS_PORT? [y/N] " answer
  case "$answer" in y | Y | yes) ;; *) die "not installed (nothing was changed)" ;; esac
fi

# 3. The images, from the verified copy.
say "== images"
load_images "$incoming"

# 4. The release's files (no images: they are in Docker now), the settings, the secrets.
release=$PREFIX/releases/$version
if [ ! -d "$release" ]; then
  mkdir -p "$release.tmp"
  (cd "$incoming" && tar -cf - --exclude=./images .) | tar -xf - -C "$release.tmp"
  mv "$release.tmp" "$release"
fi
[ "$(readlink "$PREFIX/current" 2>/dev/null)" = "releases/$version" ] || ln -sfn "releases/$version" "$PREFIX/current"
ln -sfn current/installer/devforge-ctl "$PREFIX/devforge-ctl"
mkdir -p "$PREFIX/backups" && chmod 0700 "$PREFIX/backups"

suffix=
[ "$HTTPS_PORT" = 443 ] || suffix=:$HTTPS_PORT
override_list=$(IFS=,; echo "${overrides[*]}")
settings=$(
  cat <<EOF
# DevForge installation settings (written by install.sh; devforge-ctl reads them). Compose's env file.
DEVFORGE_VERSION=$version
DEVFORGE_SECRETS=$PREFIX/secrets
DEVFORGE_HOSTNAME=$hostname_
DEVFORGE_PUBLIC_URL=https://$hostname_$suffix
DEVFORGE_BIND=$BIND
DEVFORGE_HTTPS_PORT=$HTTPS_PORT
DEVFORGE_HTTP_PORT=$HTTP_PORT
DEVFORGE_HTTPS_PORT_SUFFIX=$suffix
DEVFORGE_WORKERS=$workers
DEVFORGE_OVERRIDES=$override_list
EOF
)
if [ "$(cat "$PREFIX/devforge.env" 2>/dev/null)" != "$settings" ]; then
  printf '%s\n' "$settings" >"$PREFIX/devforge.env.tmp"
  chmod 0644 "$PREFIX/devforge.env.tmp"
  mv "$PREFIX/devforge.env.tmp" "$PREFIX/devforge.env"
  say "settings: $PREFIX/devforge.env"
fi
"$release/compose/make-secrets.sh" "$PREFIX/secrets"
read_install "$PREFIX"

# 5. Start, and wait until every service is healthy.
say "== starting devforge $version"
dc up -d --wait --wait-timeout 600 --pull never --remove-orphans --scale "worker=$DEVFORGE_WORKERS" ||
  die "the stack did not become healthy: $PREFIX/devforge-ctl status and $PREFIX/devforge-ctl logs show why"

# 6. The first administrator: the API creates admin@local with the admin_password secret at its first start.
admin_file=$PREFIX/initial-admin-password
if [ ! -f "$admin_file" ]; then
  (
    umask 077
    printf 'DevForge first administrator (created at the first start; change the password after signing in)\nsign-in: admin@local\npassword: %s\n' \
      "$(cat "$PREFIX/secrets/admin_password")" >"$admin_file.tmp"
  )
  mv "$admin_file.tmp" "$admin_file"
fi

# 7. The license.
if [ -n "$license" ]; then
  mkdir -p "$PREFIX/license"
  cmp -s "$license" "$PREFIX/license/license" || install -m 0644 "$license" "$PREFIX/license/license"
  dc exec -T api devforge license install /dev/stdin <"$PREFIX/license/license" || die "the license $license was refused (above); DevForge runs without it"
fi

ca=$PREFIX/ca.crt
dc exec -T proxy cat /certs/ca.crt >"$ca.tmp" && { cmp -s "$ca.tmp" "$ca" || mv "$ca.tmp" "$ca"; }
rm -f "$ca.tmp"
say ""
say "devforge $version is running ($((SECONDS - started)) s)."
say "  open:           $DEVFORGE_PUBLIC_URL"
say "  sign in:        the sign-in and password are in $admin_file (readable by root only)"
say "  internal CA:    $ca (give it to clients, unless you installed your own certificate)"
say "  operate it:     $PREFIX/devforge-ctl status | logs | backup | restore | upgrade | support-bundle"

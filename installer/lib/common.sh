# shellcheck shell=bash
# Shared by installer/install.sh and installer/devforge-ctl (sourced, never run): the layout of an installation,
# the compose command for it, reading the bundle's manifest without jq or Node, version order, loading images
# from a verified bundle, and the messages. One home for each of these rules.
#
# An installation (PREFIX, default /opt/devforge):
#   PREFIX/devforge.env          the settings: DEVFORGE_VERSION, ports, host name, overrides (compose's env file)
#   PREFIX/secrets/              made once by compose/make-secrets.sh (0750 root:10001, files 0640)
#   PREFIX/releases/<version>/   a verified bundle's compose/, installer/, docs/, manifest.json (no images)
#   PREFIX/current               → releases/<version> in use
#   PREFIX/devforge-ctl          → current/installer/devforge-ctl
#   PREFIX/initial-admin-password  the first administrator's sign-in (0600 root), written once
#   PREFIX/license/              the license file applied, when one was given
#   PREFIX/backups/              devforge-ctl backup's archives (and the one made before each upgrade)

DEVFORGE_PROJECT=${DEVFORGE_PROJECT:-devforge}

say() { printf '%s\n' "$*"; }
warn() { printf '%s: warning: %s\n' "$PROG" "$*" >&2; }
die() {
  printf '%s: %s\n' "$PROG" "$*" >&2
  exit 1
}

# version_lt A B: true when version A sorts before B (dotted numbers; sort -V's order).
version_lt() { [ "$1" != "$2" ] && [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -1)" = "$1" ]; }

# The manifest is JSON written by airgap/build.sh. It is read with sed so the installer needs neither jq nor
# Node: top-level strings by name, and the images as the objects of the "images" array, one a line.
manifest_string() { # FILE KEY
  tr -d '\n' <"$1" | sed -n "s/.*\"$2\" *: *\"\\([^\"]*\\)\".*/\\1/p"
}
manifest_images() { # FILE: "ref file id" per image
  tr -d '\n' <"$1" | grep -o '{[^{}]*"ref"[^{}]*}' | while IFS= read -r obj; do
    local ref file id
    ref=$(sed -n 's/.*"ref" *: *"\([^"]*\)".*/\1/p' <<<"$obj")
    file=$(sed -n 's/.*"file" *: *"\([^"]*\)".*/\1/p' <<<"$obj")
    id=$(sed -n 's/.*"id" *: *"\([^"]*\)".*/\1/p' <<<"$obj")
    printf '%s %s %s\n' "$ref" "$file" "$id"
  done
}

# load_images BUNDLE_DIR: docker load of each image the (verified) bundle carries, skipping one already loaded
# with the same id, so a second install loads nothing. Checks the loaded id against the manifest's.
load_images() {
  local dir=$1 ref file id have loaded=0
  while read -r ref file id; do
    have=$(docker image inspect --format '{{.Id}}' "$ref" 2>/dev/null || true)
    if [ -n "$have" ] && [ "$have" = "$id" ]; then
      say "  $ref: already loaded"
      continue
    fi
    [ -f "$dir/$file" ] || die "the bundle's manifest names $file, which is not in the bundle"
    zstd -dc "$dir/$file" | docker load -q >/dev/null || die "docker load of $file failed"
    have=$(docker image inspect --format '{{.Id}}' "$ref" 2>/dev/null || true)
    [ "$have" = "$id" ] || die "$file loaded, but $ref is ${have:-missing}, not $id as the manifest says"
    say "  $ref: loaded"
    loaded=$((loaded + 1))
  done < <(manifest_images "$dir/manifest.json")
  return 0
}

# verify_bundle VERIFY_SH BUNDLE DIR: the bundle's signature and checksums checked by VERIFY_SH (the bundle's
# installer/verify.sh, or the one of the installed version on an upgrade: its trusted keys), extracted into DIR.
verify_bundle() {
  local verify=$1 bundle=$2 dir=$3 args=()
  [ -x "$verify" ] || die "no verify.sh at $verify"
  [ "${DEVFORGE_ACCEPT_TEST_BUNDLE:-}" = 1 ] && args+=(--accept-test-key)
  "$verify" "$bundle" "${args[@]}" --extract-to "$dir" || die "the bundle $bundle is refused (above): nothing was loaded or changed"
}

# read_install PREFIX: the installation's settings into the environment; fails when there is none.
read_install() {
  PREFIX=$(cd "$1" 2>/dev/null && pwd) || die "no installation at $1 (install.sh installs one; --prefix names another)"
  { [ -f "$PREFIX/devforge.env" ] && [ -d "$PREFIX/current/compose" ]; } || die "no installation at $PREFIX (devforge.env or current/ is missing)"
  set -a
  # shellcheck source=/dev/null
  . "$PREFIX/devforge.env"
  set +a
}

# dc ARGS...: docker compose on the installation: its release's compose files, its settings, its project.
dc() {
  local files=(-f "$PREFIX/current/compose/compose.yaml") o
  for o in ${DEVFORGE_OVERRIDES//,/ }; do files+=(-f "$PREFIX/current/compose/$o"); done
  docker compose --project-name "$DEVFORGE_PROJECT" --project-directory "$PREFIX/current/compose" \
    --env-file "$PREFIX/devforge.env" "${files[@]}" "$@"
}

# The secret files' values, for redaction: one a line (the master key and every password).
secret_values() {
  local f
  for f in "$PREFIX"/secrets/*; do
    [ -f "$f" ] && [ -s "$f" ] && tr -d '\n' <"$f" && echo
  done
  return 0
}

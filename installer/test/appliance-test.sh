#!/usr/bin/env bash
# npm run test:appliance: the appliance as a customer gets it, really run (the issue's "done when").
#   1. ShellCheck on every script; `docker compose config` for every override.
#   2. A private Docker daemon when none answers (installer/test/dockerd.sh).
#   3. Builds the images and two signed test bundles (airgap/build.sh --test-key --with-stand-ins): this version,
#      and a rebuilt one (--version UPGRADE) to upgrade to; verify.sh accepts them. The Ansible render_worker
#      role adds a render node to an appliance run from those images (ansible/test/render-worker-test.sh).
#   4. Removes every image and the build cache; blocks the containers' outbound traffic (DOCKER-USER chain).
#   5. A bundle with one byte changed is refused by verify.sh and by install.sh before anything is loaded.
#   6. installer/install.sh --bundle … --yes into a temporary prefix; HTTPS answers through the proxy with the
#      internal CA, HTTP redirects, the first administrator signs in with the password from its 0600 file, an
#      animation generated through the API downloads as a 720p H.264 MP4 (ffprobe).
#   7. A second install run changes nothing (container ids, secrets, settings, release files, image ids).
#   8. devforge-ctl backup; the volumes destroyed; devforge-ctl restore brings the animation back (same bytes).
#   9. devforge-ctl upgrade to the rebuilt bundle keeps it; restoring the older backup onto it is refused with
#      the reason; the older bundle is refused as a downgrade; a bundle whose min_upgrade_from is above the
#      installed version is refused with the version to install first, and nothing changes.
#  10. devforge-ctl support-bundle contains no secret (grepped for each); uninstall keeps the data volumes.
# Everything it started is torn down on success and on failure (EXIT trap): the stack and its volumes, the
# daemon it started, the iptables changes. Prints the timings and sizes.
#
# Needs root, docker.io, debootstrap, Debian trixie's docker-compose (v2) and docker-buildx, zstd, openssl, curl,
# ShellCheck, ffprobe, iptables, Node 24, and (for the image builds only) Debian's mirror and the npm registry.
# Environment: APPLIANCE_STATE  keep the daemon's data here between runs (the build cache; default: a new
#                               temporary folder, removed at the end)
#              APPLIANCE_HTTPS_PORT / APPLIANCE_HTTP_PORT  loopback ports to publish (default 18443 / 18080)
#              APPLIANCE_UPGRADE_VERSION  the rebuilt bundle's version (default 0.1.1)
set -euo pipefail
cd "$(dirname "$0")/../.."

keep_state=false
if [ -n "${APPLIANCE_STATE:-}" ]; then
  state=$APPLIANCE_STATE
  keep_state=true
  mkdir -p "$state"
else
  state=$(mktemp -d /tmp/devforge-appliance.XXXXXX)
fi
state=$(cd "$state" && pwd)
https_port=${APPLIANCE_HTTPS_PORT:-18443}
http_port=${APPLIANCE_HTTP_PORT:-18080}
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
upgrade_version=${APPLIANCE_UPGRADE_VERSION:-0.1.1}
prefix=$state/prefix
dist=$state/dist
base_url=https://localhost:$https_port
export DEVFORGE_ACCEPT_TEST_BUNDLE=1 # the bundles are signed with the repository's test key
ctl=("$prefix/devforge-ctl")
project=(docker compose --project-name devforge)

step() { printf '\n== %s\n' "$*"; }
timings=()
timed() { # LABEL COMMAND...: runs it and records how long it took
  local label=$1 started=$SECONDS
  shift
  "$@"
  timings+=("$label: $((SECONDS - started)) s")
}
fail() {
  echo "appliance-test: FAILED: $*" >&2
  exit 1
}

daemon=
egress_rules=()
cleanup() {
  local rc=$?
  set +e
  if [ -n "$daemon" ] && docker info >/dev/null 2>&1; then
    if [ $rc -ne 0 ] && [ -f "$prefix/devforge.env" ] && [ -e "$prefix/current" ]; then
      echo "appliance-test: the stack's state and last log lines, for the failure above:" >&2
      "${ctl[@]}" logs --tail 40 >&2
    fi
    for rule in "${egress_rules[@]}"; do
      # shellcheck disable=SC2086 # a rule is words
      iptables -D DOCKER-USER $rule 2>/dev/null
    done
    docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1
    docker volume ls -q --filter label=com.docker.compose.project=devforge | xargs -r docker volume rm >/dev/null 2>&1
  fi
  [ "$daemon" = started ] && installer/test/dockerd.sh stop "$state"
  rm -rf "$prefix"
  $keep_state || rm -rf "$state"
  [ $rc -eq 0 ] && echo "appliance-test: passed" || echo "appliance-test: failed (exit $rc); everything it started is stopped" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in docker dockerd debootstrap shellcheck curl ffprobe iptables zstd openssl node; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: docker.io, debootstrap, shellcheck, curl, ffmpeg, iptables, zstd, openssl; Node 24)"
done
docker compose version >/dev/null 2>&1 || fail "docker compose (v2) is missing: Debian trixie's docker-compose package"
[ -x airgap/build.sh ] || fail "airgap/build.sh is missing (the air-gap bundle builder)"

step "shellcheck on every script"
mapfile -t scripts < <(git ls-files -co --exclude-standard '*.sh' installer/devforge-ctl)
shellcheck -x "${scripts[@]}"
echo "${#scripts[@]} scripts clean"

step "docker compose config, every override"
secrets=$state/config-secrets
compose/make-secrets.sh "$secrets" >/dev/null
compose/make-secrets.sh "$secrets" | grep -q 'kept them' || fail "make-secrets.sh changed existing secrets"
for override in "" test-stand-ins.yaml gpu.yaml storage-external.yaml; do
  DEVFORGE_VERSION=$version DEVFORGE_SECRETS=$secrets DEVFORGE_S3_ENDPOINT=https://s3.example.invalid \
    docker compose --project-directory compose -f compose/compose.yaml ${override:+-f "compose/$override"} config -q
  echo "compose.yaml${override:+ + $override}: valid"
done

step "Docker daemon"
daemon=$(installer/test/dockerd.sh start "$state")
echo "$daemon ($(docker version --format '{{.Server.Version}}'))"
# A run killed before its trap (SIGKILL, a power cut) may have left an installation: start from nothing.
docker ps -aq | xargs -r docker rm -f >/dev/null
docker volume ls -q --filter label=com.docker.compose.project=devforge | xargs -r docker volume rm >/dev/null
rm -rf "$prefix" "$dist"

step "images and the signed bundles ($version, and $upgrade_version to upgrade to)"
timed "base image (debootstrap, when missing)" images/mkbase.sh --if-missing
timed "bundle $version (image builds, save, SBOM, sign)" airgap/build.sh --version "$version" --test-key --with-stand-ins --out "$dist"
timed "bundle $upgrade_version (rebuilt)" airgap/build.sh --version "$upgrade_version" --test-key --with-stand-ins --out "$dist"
bundle=$dist/devforge-$version-airgap.tar
bundle2=$dist/devforge-$upgrade_version-airgap.tar
# No build secret in any layer: the host CA was a secret mount, never copied.
for image in devforge devforge-postgres devforge-proxy; do
  if docker history --no-trunc --format '{{.CreatedBy}}' "localhost/$image:$version" | grep -q 'host_ca,src\|COPY.*ca-certificates.crt'; then
    fail "localhost/$image:$version has the build CA in its history"
  fi
done
docker run --rm --entrypoint sh "localhost/devforge:$version" -c 'test ! -e /run/secrets/host_ca && [ "$(id -u)" = 10001 ]' ||
  fail "the app image has a build secret in it, or does not run as uid 10001"
image_sizes=$(docker image ls --filter reference='localhost/devforge*' --format '{{.Repository}}:{{.Tag}} {{.Size}}' | grep ":$version " | sort)
airgap/verify.sh "$bundle" --accept-test-key | tail -1
airgap/verify.sh "$bundle2" --accept-test-key | tail -1

step "ansible: the render_worker role adds a render node that takes jobs from the appliance's queue"
# Before the images go: it runs its own appliance (project devforge-render-test) from the images just built.
timed "render node added with ansible (appliance, playbook twice, one render)" ansible/test/render-worker-test.sh

step "every image removed, the containers' outbound traffic blocked"
docker image ls -aq | sort -u | xargs -r docker image rm -f >/dev/null
docker builder prune -af >/dev/null
[ -z "$(docker image ls -aq)" ] || fail "images are left: $(docker image ls)"
echo "no image in the daemon"
# Traffic from any container bridge to anything but a bridge (the host's uplink) is dropped: an install that
# tried to pull or fetch would fail. Loopback-published ports (the test's own requests) do not pass FORWARD.
egress_rules=("-i br+ ! -o br+ -j DROP" "-i docker0 ! -o docker0 -j DROP")
for rule in "${egress_rules[@]}"; do
  # shellcheck disable=SC2086 # a rule is words
  iptables -I DOCKER-USER $rule
done
iptables -S DOCKER-USER | grep -q -- '-i br+ ! -o br+ -j DROP' || fail "the egress rule is not in place"
echo "DOCKER-USER: $(iptables -S DOCKER-USER | grep -c DROP) DROP rules"

step "a tampered bundle is refused before anything is loaded"
tampered=$state/devforge-$version-tampered.tar
cp "$bundle" "$tampered"
# One byte in the middle of the bundle (inside the app image's data), flipped.
offset=$(($(stat -c %s "$tampered") / 2))
byte=$(dd if="$tampered" bs=1 skip="$offset" count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
printf '%b' "\\$(printf '%03o' $(((byte + 1) % 256)))" | dd of="$tampered" bs=1 seek="$offset" conv=notrunc 2>/dev/null
if airgap/verify.sh "$tampered" --accept-test-key >"$state/verify.out" 2>&1; then fail "verify.sh accepted a tampered bundle"; fi
echo "verify.sh: $(tail -1 "$state/verify.out")"
if installer/install.sh --bundle "$tampered" --prefix "$prefix" --yes >"$state/install.out" 2>&1; then fail "install.sh installed a tampered bundle"; fi
grep -q 'REFUSED' "$state/install.out" || fail "install.sh failed on the tampered bundle without saying it was refused: $(tail -3 "$state/install.out")"
[ -z "$(docker image ls -aq)" ] || fail "install.sh loaded images from a tampered bundle"
[ ! -e "$prefix/devforge.env" ] || fail "install.sh wrote settings for a tampered bundle"
echo "install.sh: refused, nothing loaded: $(grep -m1 REFUSED "$state/install.out")"
rm -f "$tampered"

install_args=(--bundle "$bundle" --prefix "$prefix" --https-port "$https_port" --http-port "$http_port" --bind 127.0.0.1
  --hostname localhost --workers 2 --override test-stand-ins.yaml --yes)
step "install.sh --yes into $prefix (no registry, no outbound traffic)"
timed "install (verify, preflight, load, up --wait)" installer/install.sh "${install_args[@]}" >"$state/install.out" 2>&1 ||
  { cat "$state/install.out"; fail "install.sh failed"; }
cat "$state/install.out"
grep -q '^preflight:' "$state/install.out" || fail "install.sh printed no preflight table"
[ "$(stat -c %a "$prefix/initial-admin-password")" = 600 ] || fail "the administrator's password file is not 0600"
grep -qF "$(cat "$prefix/secrets/admin_password")" "$state/install.out" && fail "install.sh printed the administrator's password"

step "HTTPS through the proxy"
ca=$prefix/ca.crt
curl_tls=(curl -sS --fail-with-body --cacert "$ca" --max-time 30)
code=$("${curl_tls[@]}" -o /dev/null -w '%{http_code}' "$base_url/readyz")
[ "$code" = 200 ] || fail "/readyz answered $code"
echo "/readyz: 200 over HTTPS, the certificate verified against the internal CA"
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/readyz")
[ "$redirect" = "308 $base_url/readyz" ] || fail "HTTP did not redirect to HTTPS: $redirect"
echo "http://localhost:$http_port → $base_url (308)"

json() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const v=process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s));console.log(v??"")})' "$1"; }
jar=$state/cookies
sign_in() {
  local password login
  password=$(sed -n 's/^password: //p' "$prefix/initial-admin-password")
  login=$("${curl_tls[@]}" -c "$jar" -H 'content-type: application/json' \
    -d "{\"email\":\"admin@local\",\"password\":\"$password\"}" "$base_url/api/v1/auth/login")
  csrf=$(json csrf_token <<<"$login")
  [ -n "$csrf" ] || fail "sign-in returned no CSRF token: $login"
}
step "the first administrator signs in (the password from the 0600 file)"
sign_in
echo "signed in as admin@local"

step "generate an animation through the API"
started=$SECONDS
queued=$("${curl_tls[@]}" -b "$jar" -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"description":"bubble sort of 5 numbers","quality":"720p","duration":4}' "$base_url/api/v1/animations/generate")
id=$(json id <<<"$queued")
echo "queued $id"
status=queued
for _ in $(seq 1 180); do
  status=$("${curl_tls[@]}" -b "$jar" "$base_url/api/v1/animations/$id" | json status)
  case "$status" in completed | failed | cancelled) break ;; esac
  sleep 1
done
[ "$status" = completed ] || fail "the animation ended $status: $("${curl_tls[@]}" -b "$jar" "$base_url/api/v1/animations/$id")"
timings+=("render through the API (queued → completed): $((SECONDS - started)) s")
video=$state/video.mp4
"${curl_tls[@]}" -b "$jar" -o "$video" "$base_url/api/v1/animations/$id/video"
probe=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name,width,height -show_entries format=duration -of csv=p=0 "$video" | tr '\n' ' ')
echo "video: $(stat -c %s "$video") bytes; ffprobe: $probe"
case "$probe" in h264,1280,720*) ;; *) fail "the download is not a 720p H.264 video: $probe" ;; esac
video_sum=$(sha256sum <"$video")
same_video() { # LABEL: the animation is there and its video has the same bytes
  sign_in
  local got=$state/video-again.mp4
  [ "$("${curl_tls[@]}" -b "$jar" "$base_url/api/v1/animations/$id" | json status)" = completed ] || fail "$1: the animation is not there"
  "${curl_tls[@]}" -b "$jar" -o "$got" "$base_url/api/v1/animations/$id/video"
  [ "$(sha256sum <"$got")" = "$video_sum" ] || fail "$1: the video differs from the one rendered"
  echo "$1: animation $id is there, its video byte for byte the same"
}

step "install.sh a second time changes nothing"
snapshot() { # what an install owns: container ids, image ids, secrets, settings, release files
  docker ps -aq --no-trunc --filter label=com.docker.compose.project=devforge | sort
  docker image ls -q --no-trunc | sort -u
  (cd "$prefix" && find secrets releases devforge.env initial-admin-password ca.crt -type f -print0 | sort -z | xargs -0 sha256sum)
  (cd "$prefix" && find . -printf '%p %m %u %g\n' | sort)
}
before=$(snapshot)
installer/install.sh "${install_args[@]}" >"$state/install2.out" 2>&1 || { cat "$state/install2.out"; fail "the second install failed"; }
after=$(snapshot)
if [ "$before" != "$after" ]; then
  diff <(echo "$before") <(echo "$after") >&2 || true
  fail "the second install changed the installation (diff above)"
fi
grep -c 'already loaded' "$state/install2.out" | xargs -I{} echo "second run: {} images already loaded, nothing changed"

step "backup, destroy the volumes, restore"
timed "backup (while running)" "${ctl[@]}" backup --out "$state/backup.tar"
"${project[@]}" --project-directory "$prefix/current/compose" -f "$prefix/current/compose/compose.yaml" \
  --env-file "$prefix/devforge.env" down -v >/dev/null 2>&1
[ -z "$(docker volume ls -q --filter label=com.docker.compose.project=devforge)" ] || fail "the volumes are still there"
echo "volumes destroyed"
timed "restore" "${ctl[@]}" restore "$state/backup.tar" --yes
same_video "after restore"

step "upgrade to $upgrade_version"
timed "upgrade $version → $upgrade_version" "${ctl[@]}" upgrade --bundle "$bundle2"
grep -q "^DEVFORGE_VERSION=$upgrade_version$" "$prefix/devforge.env" || fail "devforge.env does not name $upgrade_version"
running=$(docker ps --filter label=com.docker.compose.project=devforge --filter label=com.docker.compose.service=api --format '{{.Image}}')
[ "$running" = "localhost/devforge:$upgrade_version" ] || fail "the api runs $running after the upgrade"
same_video "after the upgrade"
if "${ctl[@]}" upgrade --bundle "$bundle" >"$state/down.out" 2>&1; then fail "a downgrade to $version was accepted"; fi
grep -q 'older than the installed' "$state/down.out" || fail "the downgrade was refused without the reason: $(tail -2 "$state/down.out")"
echo "a downgrade is refused: $(tail -1 "$state/down.out")"
if "${ctl[@]}" restore "$state/backup.tar" --yes >"$state/restore-old.out" 2>&1; then fail "a $version backup was restored onto $upgrade_version"; fi
grep -q "the backup is of devforge $version, this installation is $upgrade_version" "$state/restore-old.out" || fail "restore refused without the reason: $(tail -2 "$state/restore-old.out")"
echo "a backup of $version onto $upgrade_version is refused: $(tail -1 "$state/restore-old.out")"

step "a release that needs a newer installed version is refused, with the version to install first"
# A signed bundle of 0.3.0 that upgrades only from 0.2.0 (min_upgrade_from): bundle2's files with its manifest
# changed and signed again, without the images (the refusal comes before anything is loaded).
skip=$state/skip-staging
mkdir -p "$skip"
tar -xf "$bundle2" -C "$skip" --strip-components=1 --exclude='*/images/*'
rm -rf "$skip/images"
sed -i 's/^  "version": "[^"]*"/  "version": "0.3.0"/; s/^  "min_upgrade_from": "[^"]*"/  "min_upgrade_from": "0.2.0"/' "$skip/manifest.json"
airgap/lib/assemble.sh "$skip" "$state/devforge-0.3.0-airgap.tar" --test-key >/dev/null
if "${ctl[@]}" upgrade --bundle "$state/devforge-0.3.0-airgap.tar" >"$state/skip.out" 2>&1; then fail "an upgrade skipping 0.2.0 was accepted"; fi
grep -q "upgrade to 0.2.0 first" "$state/skip.out" || fail "the skipped version was refused without naming it: $(tail -2 "$state/skip.out")"
grep -q "^DEVFORGE_VERSION=$upgrade_version$" "$prefix/devforge.env" || fail "the refused upgrade changed the installed version"
same_video "after the refused upgrade"
echo "skipping a required version is refused: $(tail -1 "$state/skip.out")"
rm -rf "$skip" "$state/devforge-0.3.0-airgap.tar"

step "the support bundle holds no secret"
"${ctl[@]}" support-bundle --out "$state/support.tar.gz"
mkdir -p "$state/support" && tar -xzf "$state/support.tar.gz" -C "$state/support"
for f in logs.txt gpu.txt queue.txt health.txt versions.txt compose-config.yaml; do
  [ -s "$(find "$state/support" -name "$f" | head -1)" ] || fail "the support bundle has no $f"
done
checked=0
for secret_file in "$prefix"/secrets/*; do
  [ -f "$secret_file" ] || continue
  value=$(tr -d '\n' <"$secret_file")
  if grep -rqF -- "$value" "$state/support"; then fail "the support bundle contains the secret $(basename "$secret_file")"; fi
  checked=$((checked + 1))
done
echo "grepped for $checked secrets: none found; $(find "$state/support" -type f | wc -l) files"

step "uninstall keeps the data"
"${ctl[@]}" uninstall --yes
[ -n "$(docker volume ls -q --filter name=devforge_pgdata)" ] || fail "uninstall removed the database volume"
[ -s "$prefix/secrets/master_key" ] || fail "uninstall removed the secrets"
[ -z "$(docker ps -aq --filter label=com.docker.compose.project=devforge)" ] || fail "uninstall left containers"
echo "containers and images removed; volumes, secrets and backups kept"

step "figures"
printf '%s\n' "${timings[@]}"
echo "images:"
while IFS= read -r line; do echo "  $line"; done <<<"$image_sizes"
echo "bundles: $(du -h "$bundle" | cut -f1) ($version), $(du -h "$bundle2" | cut -f1) ($upgrade_version)"
echo "backup: $(du -h "$state/backup.tar" | cut -f1)"

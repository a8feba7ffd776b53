#!/usr/bin/env bash
# npm run test:appliance: the appliance stack, really run. Starts a private Docker daemon when none answers
# (installer/test/dockerd.sh), builds the base and the images (images/build.sh, with the test stand-ins), checks
# `docker compose config` for every override and shellcheck on every script, brings the stack up with the
# stand-ins (compose/test-stand-ins.yaml) and two workers, then over HTTPS through the proxy, with the internal
# CA: /readyz, HTTP → HTTPS, the first administrator signs in, an animation generated through the API finishes,
# its MP4 downloads and ffprobe reads it. Tears everything down on success and on failure (the EXIT trap):
# compose down -v, the daemon it started, its iptables changes. Prints the timings and image sizes.
#
# Needs root, docker.io, debootstrap, docker-compose and docker-buildx (Debian trixie's: Compose v2, buildx), curl,
# ShellCheck, ffprobe, and the npm registry (the image build). Traffic: loopback and the stack's own
# networks; the builds reach Debian's mirror and the npm registry.
# Environment: APPLIANCE_STATE  reuse this directory for the daemon's data (keeps the build cache between runs;
#                               default: a new temporary one, removed at the end)
#              APPLIANCE_HTTPS_PORT / APPLIANCE_HTTP_PORT  loopback ports to publish (default 18443 / 18080)
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
https_port=${APPLIANCE_HTTPS_PORT:-18443}
http_port=${APPLIANCE_HTTP_PORT:-18080}
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
export DEVFORGE_VERSION=$version DEVFORGE_SECRETS=$state/secrets DEVFORGE_BIND=127.0.0.1 \
  DEVFORGE_HTTPS_PORT=$https_port DEVFORGE_HTTP_PORT=$http_port DEVFORGE_HTTPS_PORT_SUFFIX=:$https_port \
  DEVFORGE_PUBLIC_URL=https://localhost:$https_port COMPOSE_PROJECT_NAME=devforge-test
compose=(docker compose --project-directory compose -f compose/compose.yaml -f compose/test-stand-ins.yaml)
base_url=https://localhost:$https_port

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
cleanup() {
  local rc=$?
  set +e
  if [ $rc -ne 0 ] && [ -n "$daemon" ] && docker info >/dev/null 2>&1; then
    echo "appliance-test: the stack's state and last log lines, for the failure above:" >&2
    "${compose[@]}" ps -a >&2
    "${compose[@]}" logs --no-color --tail 40 >&2
  fi
  if [ -n "$daemon" ] && docker info >/dev/null 2>&1; then
    "${compose[@]}" down -v --remove-orphans >/dev/null 2>&1
  fi
  [ "$daemon" = started ] && installer/test/dockerd.sh stop "$state"
  $keep_state || rm -rf "$state"
  [ $rc -eq 0 ] && echo "appliance-test: passed" || echo "appliance-test: failed (exit $rc); everything it started is stopped" >&2
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

for tool in docker dockerd debootstrap shellcheck curl ffprobe iptables; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: docker.io, debootstrap, shellcheck, curl, ffmpeg, iptables)"
done
docker compose version >/dev/null 2>&1 || fail "docker compose (v2) is missing: Debian trixie's docker-compose package"

step "shellcheck on every script"
mapfile -t scripts < <(git ls-files -co --exclude-standard '*.sh')
shellcheck "${scripts[@]}"
echo "${#scripts[@]} scripts clean"

step "Docker daemon"
daemon=$(installer/test/dockerd.sh start "$state")
echo "$daemon ($(docker version --format '{{.Server.Version}}'))"

step "secrets (made once; the second run keeps them)"
compose/make-secrets.sh "$DEVFORGE_SECRETS"
compose/make-secrets.sh "$DEVFORGE_SECRETS" | grep -q 'kept them' || fail "make-secrets.sh changed existing secrets"

step "docker compose config, every override"
for override in "" test-stand-ins.yaml gpu.yaml storage-external.yaml; do
  DEVFORGE_S3_ENDPOINT=https://s3.example.invalid docker compose --project-directory compose -f compose/compose.yaml \
    ${override:+-f "compose/$override"} config -q
  echo "compose.yaml${override:+ + $override}: valid"
done

step "images"
timed "base image (debootstrap)" images/mkbase.sh --if-missing
timed "image build (app, postgres, proxy, stand-ins)" images/build.sh --stand-ins
# No build secret in any layer: the host CA was a secret mount, never copied.
for image in devforge devforge-postgres devforge-proxy; do
  if docker history --no-trunc --format '{{.CreatedBy}}' "localhost/$image:$version" | grep -q 'host_ca,src\|COPY.*ca-certificates.crt'; then
    fail "localhost/$image:$version has the build CA in its history"
  fi
done
docker run --rm --entrypoint sh "localhost/devforge:$version" -c 'test ! -e /run/secrets/host_ca && [ "$(id -u)" = 10001 ]' ||
  fail "the app image has a build secret in it, or does not run as uid 10001"

step "up --wait (two workers)"
# A run killed before its trap (SIGKILL, a power cut) may have left the stack: start from nothing.
"${compose[@]}" down -v --remove-orphans >/dev/null 2>&1 || true
timed "compose up --wait" "${compose[@]}" up -d --wait --pull never --scale worker=2
"${compose[@]}" ps --format 'table {{.Service}}\t{{.Status}}'

step "HTTPS through the proxy"
ca=$state/ca.crt
"${compose[@]}" exec -T proxy cat /certs/ca.crt >"$ca"
curl_tls=(curl -sS --fail-with-body --cacert "$ca" --max-time 30)
code=$("${curl_tls[@]}" -o /dev/null -w '%{http_code}' "$base_url/readyz")
[ "$code" = 200 ] || fail "/readyz answered $code"
echo "/readyz: 200 over HTTPS, the certificate verified against the internal CA"
redirect=$(curl -sS -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http_port/readyz")
[ "$redirect" = "308 $base_url/readyz" ] || fail "HTTP did not redirect to HTTPS: $redirect"
echo "http://localhost:$http_port → $base_url (308)"

step "the first administrator signs in"
# The installer will do this (a password in a 0600 file); here the CLI in the api container sets a known one.
password=$(head -c 24 /dev/urandom | base64 | tr -d '=+/\n')
printf '%s\n' "$password" | "${compose[@]}" exec -T api devforge admin reset-password --email admin@local --password-stdin
jar=$state/cookies
login=$("${curl_tls[@]}" -c "$jar" -H 'content-type: application/json' \
  -d "{\"email\":\"admin@local\",\"password\":\"$password\"}" "$base_url/api/v1/auth/login")
csrf=$(node -e 'console.log(JSON.parse(process.argv[1]).csrf_token)' "$login")
case "$csrf" in '' | undefined) fail "sign-in returned no CSRF token: $login" ;; esac
echo "signed in as admin@local"

step "generate an animation through the API"
started=$SECONDS
queued=$("${curl_tls[@]}" -b "$jar" -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"description":"bubble sort of 5 numbers","quality":"720p","duration":4}' "$base_url/api/v1/animations/generate")
id=$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$queued")
echo "queued $id"
status=queued
for _ in $(seq 1 180); do
  status=$("${curl_tls[@]}" -b "$jar" "$base_url/api/v1/animations/$id" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))')
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

step "figures"
printf '%s\n' "${timings[@]}"
docker image ls --filter reference='localhost/*' --format '{{.Repository}}:{{.Tag}} {{.Size}}' | sort
echo "worker processes: $("${compose[@]}" ps -q worker | wc -l)"

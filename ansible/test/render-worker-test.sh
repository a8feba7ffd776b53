#!/usr/bin/env bash
# The render_worker role against a real target: brings up an appliance with the test stand-ins and NO workers of
# its own, starts a container as the render node (Debian with python3, driven by Ansible's docker connection; it
# drives the host's Docker through the mounted socket, so the workers it starts are sibling containers), runs
# the role, then generates an animation through the appliance's API: only the render node's worker can take it
# from the queue. Runs the playbook a second time and checks nothing changed. Tears everything down.
#
# usage: ansible/test/render-worker-test.sh      (root; a running Docker daemon; the images built by
#        images/build.sh --stand-ins; ansible with community.docker; curl, node)
# NOT run in `npm test` (it needs Docker). Written without a Docker daemon to try it on: see docs/ansible.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

fail() { echo "render-worker-test: FAILED: $*" >&2; exit 1; }
for tool in docker ansible-playbook curl node; do command -v "$tool" >/dev/null || fail "$tool is missing"; done
docker info >/dev/null 2>&1 || fail "no Docker daemon answers (installer/test/dockerd.sh start DIR starts one)"
version=$(sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
for image in "localhost/devforge:$version" "localhost/devforge-postgres:$version" "localhost/devforge-proxy:$version" \
  "localhost/devforge-stand-ins:$version" localhost/debian:bookworm-slim; do
  docker image inspect "$image" >/dev/null 2>&1 || fail "$image is not built: images/build.sh --stand-ins"
done

state=$(mktemp -d /tmp/devforge-render-test.XXXXXX)
target=devforge-render-test-target
https_port=${RENDER_TEST_HTTPS_PORT:-18543}
# The host as the containers see it: the appliance publishes Postgres and S3 there for the render node.
# Docker 20.10 (Debian's) leaves IPAM's Gateway empty for the default bridge: then the bridge's own address.
gateway=$(docker network inspect bridge --format '{{(index .IPAM.Config 0).Gateway}}')
if [ -z "$gateway" ]; then
  bridge=$(docker network inspect bridge --format '{{index .Options "com.docker.network.bridge.name"}}')
  gateway=$(ip -4 -o addr show "${bridge:-docker0}" | awk '{ sub(/\/.*/, "", $4); print $4; exit }')
fi
[ -n "$gateway" ] || fail "cannot tell the host's address on Docker's default bridge"
# The appliance's compose project as install.sh lays it out and devforge-ctl runs it (installer/lib/common.sh
# dc): the release in $state/current, the settings in $state/devforge.env, compose.yaml plus DEVFORGE_OVERRIDES.
app_dc() {
  local files=(-f compose.yaml) o overrides
  overrides=$(sed -n 's/^DEVFORGE_OVERRIDES=//p' "$state/devforge.env")
  for o in ${overrides//,/ }; do files+=(-f "$o"); done
  (cd "$state/current/compose" && docker compose --project-name devforge-render-test --project-directory . \
    --env-file "$state/devforge.env" "${files[@]}" "$@")
}
cleanup() {
  local rc=$?
  set +e
  if [ $rc -ne 0 ]; then
    { app_dc ps -a && app_dc logs --no-color --tail 30; } >&2
    (cd "$state/render" && docker compose logs --no-color --tail 30) >&2
  fi
  (cd "$state/render" 2>/dev/null && docker compose down -v --remove-orphans) >/dev/null 2>&1
  docker rm -f "$target" >/dev/null 2>&1
  app_dc down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$state"
  [ $rc -eq 0 ] && echo "render-worker-test: passed" || echo "render-worker-test: failed (exit $rc)" >&2
  exit $rc
}
trap cleanup EXIT

# A run killed before its trap (or one whose trap could not read its settings) may have left containers: start
# from nothing.
for project in devforge-render-test render; do # the appliance; the render node's (its folder's name)
  docker ps -aq --filter "label=com.docker.compose.project=$project" | xargs -r docker rm -f >/dev/null
  docker volume ls -q --filter "label=com.docker.compose.project=$project" | xargs -r docker volume rm >/dev/null
done
docker rm -f "$target" >/dev/null 2>&1 || true

echo "== the appliance, with no workers of its own"
mkdir -p "$state/current"
cp -r compose "$state/current/compose"
compose/make-secrets.sh "$state/secrets" >/dev/null
# The master key the render node must share (the role copies it from the appliance's secrets).
head -c 32 /dev/urandom | base64 >"$state/secrets/master_key"
chgrp 10001 "$state/secrets/master_key" && chmod 0640 "$state/secrets/master_key"
cat >"$state/devforge.env" <<ENV
DEVFORGE_PROJECT=devforge-render-test
DEVFORGE_OVERRIDES=test-stand-ins.yaml
DEVFORGE_VERSION=$version
DEVFORGE_SECRETS=$state/secrets
DEVFORGE_BIND=127.0.0.1
DEVFORGE_HTTPS_PORT=$https_port
DEVFORGE_HTTP_PORT=$((https_port + 1))
DEVFORGE_HTTPS_PORT_SUFFIX=:$https_port
DEVFORGE_PUBLIC_URL=https://localhost:$https_port
ENV
app_dc up -d --wait --pull never --scale worker=0

echo "== the render node: a container Ansible reaches with the docker connection"
printf 'FROM localhost/debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3 zstd && rm -rf /var/lib/apt/lists/*\n' |
  docker build -q -t localhost/devforge-render-test-target - >/dev/null
mkdir -p "$state/render" "$state/bundle/compose"
cp compose/render-node.yaml compose/gpu.yaml "$state/bundle/compose/"
# The render folder has the same path inside and outside: Compose in the target hands the host's daemon its
# secret files' paths.
docker run -d --name "$target" -v /var/run/docker.sock:/var/run/docker.sock \
  -v "$(command -v docker)":/usr/bin/docker:ro -v /usr/libexec/docker/cli-plugins:/usr/libexec/docker/cli-plugins:ro \
  -v "$state/render:$state/render" localhost/devforge-render-test-target sleep infinity >/dev/null

cat >"$state/inventory.yml" <<INV
all:
  vars:
    devforge_bundle_dir: $state/bundle
    devforge_release: { version: "$version" }
    devforge_prefix: $state
    devforge_secrets_dir: $state/secrets
    devforge_render_dir: $state/render
    devforge_workers: 1
  children:
    appliance:
      hosts:
        appliance-host: { ansible_connection: local, ansible_python_interpreter: "$(command -v python3)", devforge_appliance_address: "$gateway" }
    render_nodes:
      hosts:
        $target: { ansible_connection: community.docker.docker, ansible_python_interpreter: /usr/bin/python3 }
INV
play() { ANSIBLE_ROLES_PATH=$repo/ansible/roles ANSIBLE_NOCOLOR=1 ansible-playbook -i "$state/inventory.yml" ansible/test/render-worker-test.yml; }
play | tee "$state/play1.log"
(cd "$state/render" && docker compose ps --format '{{.Name}} {{.Status}}') | grep -q 'worker.*Up' || fail "no worker runs on the render node"

echo "== a job from the appliance's queue, taken by the render node"
ca=$state/ca.crt
app_dc exec -T proxy cat /certs/ca.crt >"$ca"
base=https://localhost:$https_port
tls=(curl -sS --fail-with-body --cacert "$ca" --max-time 30)
password=$(head -c 18 /dev/urandom | base64 | tr -d '+/=')
printf '%s\n' "$password" | app_dc exec -T api devforge admin reset-password --email admin@local --password-stdin >/dev/null
login=$("${tls[@]}" -c "$state/jar" -H 'content-type: application/json' -d "{\"email\":\"admin@local\",\"password\":\"$password\"}" "$base/api/v1/auth/login")
csrf=$(node -e 'console.log(JSON.parse(process.argv[1]).csrf_token)' "$login")
queued=$("${tls[@]}" -b "$state/jar" -H 'content-type: application/json' -H "x-csrf-token: $csrf" \
  -d '{"description":"bubble sort of 5 numbers","quality":"720p","duration":4}' "$base/api/v1/animations/generate")
id=$(node -e 'console.log(JSON.parse(process.argv[1]).id)' "$queued")
status=queued
for _ in $(seq 1 180); do
  status=$("${tls[@]}" -b "$state/jar" "$base/api/v1/animations/$id" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).status))')
  case "$status" in completed | failed | cancelled) break ;; esac
  sleep 1
done
[ "$status" = completed ] || fail "the animation ended $status (the appliance has no worker: only the render node's could take it)"
(cd "$state/render" && docker compose logs --no-color worker) | grep -q "$id" || fail "the render node's worker log does not name job $id"
echo "animation $id rendered by the render node"

echo "== a second run changes nothing"
play | tee "$state/play2.log"
grep -Eq "^$target +: .*changed=0 " "$state/play2.log" || fail "the second run changed something on the render node"

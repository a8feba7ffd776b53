# shellcheck shell=bash
# The installer's preflight checks (sourced by installer/install.sh): each adds a row to a pass/fail table,
# printed at the end; any FAIL stops the install before anything is loaded or started. A row is
#   ok    meets what DevForge needs          warn  works, but see the note
#   info  a fact worth knowing (GPU, MAC)    FAIL  cannot install until fixed (the note says how)
# Needs: PREFIX, HTTPS_PORT, HTTP_PORT, BIND set by the caller.

PREFLIGHT_ROWS=()
PREFLIGHT_FAILED=0
row() { # STATUS CHECK DETAIL
  PREFLIGHT_ROWS+=("$(printf '%-5s  %-18s %s' "$1" "$2" "$3")")
  [ "$1" = FAIL ] && PREFLIGHT_FAILED=$((PREFLIGHT_FAILED + 1))
  return 0
}

check_cpu() {
  local n
  n=$(nproc 2>/dev/null || echo 0)
  if [ "$n" -lt 2 ]; then
    row FAIL cpu "$n core(s): at least 2 are needed (one render uses about one core)"
  elif [ "$n" -lt 4 ]; then
    row warn cpu "$n cores: enough for one render at a time; 4 or more for several"
  else
    row ok cpu "$n cores"
  fi
}

check_memory() {
  local kb gb
  kb=$(sed -n 's/^MemTotal: *\([0-9]*\) kB/\1/p' /proc/meminfo 2>/dev/null)
  gb=$(((${kb:-0} + 524288) / 1048576))
  if [ "$gb" -lt 4 ]; then
    row FAIL memory "$gb GB: at least 4 GB are needed (Postgres, the API, a worker with Chromium)"
  elif [ "$gb" -lt 8 ]; then
    row warn memory "$gb GB: enough for one worker; 8 GB or more for several"
  else
    row ok memory "$gb GB"
  fi
}

free_gb() { # PATH: free GB on the filesystem holding PATH (or its nearest existing parent)
  local p=$1
  while [ ! -e "$p" ]; do p=$(dirname "$p"); done
  df -Pk "$p" | awk 'NR == 2 { printf "%d", $4 / 1048576 }'
}
check_disk() {
  local gb root rgb
  gb=$(free_gb "$PREFIX")
  if [ "$gb" -lt 5 ]; then
    row FAIL "disk (prefix)" "$gb GB free in $PREFIX: at least 5 GB are needed for the release, secrets and backups"
  else
    row ok "disk (prefix)" "$gb GB free in $PREFIX"
  fi
  root=$(docker info --format '{{.DockerRootDir}}' 2>/dev/null || true)
  [ -n "$root" ] || return 0
  rgb=$(free_gb "$root")
  if [ "$rgb" -lt 15 ]; then
    row FAIL "disk (docker)" "$rgb GB free in $root: at least 15 GB are needed for the images and data"
  elif [ "$rgb" -lt 40 ]; then
    row warn "disk (docker)" "$rgb GB free in $root: the videos grow with use; 40 GB or more is comfortable"
  else
    row ok "disk (docker)" "$rgb GB free in $root"
  fi
}

check_docker() {
  local server compose
  if ! command -v docker >/dev/null; then
    row FAIL docker "not installed: Docker Engine 20.10 or newer (Debian/Ubuntu: docker.io; or docker-ce)"
    return
  fi
  server=$(docker version --format '{{.Server.Version}}' 2>/dev/null || true)
  if [ -z "$server" ]; then
    row FAIL docker "the Docker daemon does not answer: start it (systemctl start docker) and run again as root"
  elif version_lt "${server%%[-+]*}" 20.10; then
    row FAIL docker "Engine $server: 20.10 or newer is needed"
  else
    row ok docker "Engine $server"
  fi
  compose=$(docker compose version --short 2>/dev/null || true)
  if [ -z "$compose" ]; then
    row FAIL compose "docker compose (v2) is missing: install the Compose plugin (docker-compose-plugin or Debian's docker-compose 2.x)"
  elif version_lt "${compose%%[-+]*}" 2.24; then
    row FAIL compose "Compose $compose: 2.24 or newer is needed"
  else
    row ok compose "Compose $compose"
  fi
  command -v zstd >/dev/null || row FAIL zstd "zstd is missing (it unpacks the images): apt-get install zstd"
}

port_in_use() { # PORT: true when something listens on it
  if command -v ss >/dev/null; then
    [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
  fi
}
check_ports() {
  local port ours
  for port in "$HTTPS_PORT" "$HTTP_PORT"; do
    if ! port_in_use "$port"; then
      row ok "port $port" "free"
      continue
    fi
    # A second run finds the installation's own proxy there: that is not a conflict.
    ours=$(docker ps -q --filter "label=com.docker.compose.project=$DEVFORGE_PROJECT" --filter "publish=$port" 2>/dev/null || true)
    if [ -n "$ours" ]; then
      row ok "port $port" "in use by this installation's proxy"
    else
      row FAIL "port $port" "in use by another program ($BIND:$port): stop it, or choose another with --https-port / --http-port"
    fi
  done
}

check_clock() {
  local synced=
  if command -v timedatectl >/dev/null; then synced=$(timedatectl show -p NTPSynchronized --value 2>/dev/null || true); fi
  if [ "$synced" = yes ]; then
    row ok clock "synchronised (NTP)"
  elif [ -z "$synced" ] && command -v chronyc >/dev/null && chronyc tracking 2>/dev/null | grep -q 'Leap status *: Normal'; then
    row ok clock "synchronised (chrony)"
  elif [ "$synced" = no ]; then
    row warn clock "not synchronised: turn on NTP (timedatectl set-ntp true); licenses and sign-in tokens check the time"
  else
    row warn clock "cannot tell whether the clock is synchronised (no timedatectl or chrony): make sure it is (NTP)"
  fi
}

check_mac() {
  if command -v getenforce >/dev/null && [ "$(getenforce 2>/dev/null)" = Enforcing ]; then
    row info selinux "enforcing: the secret files are bind-mounted; label them once with chcon -Rt container_file_t $PREFIX/secrets"
  elif command -v getenforce >/dev/null; then
    row info selinux "$(getenforce 2>/dev/null || echo unknown): nothing to do"
  fi
  if [ "$(cat /sys/module/apparmor/parameters/enabled 2>/dev/null)" = Y ]; then
    row info apparmor "enabled: containers run under Docker's docker-default profile; nothing to change"
  fi
  return 0
}

# GPUs: the NVIDIA driver, the Container Toolkit (compose/gpu.yaml needs it) and NVENC. Data-centre GPUs of
# the A100/H100/H200 kind have no NVENC: their workers render on the GPU and encode in software. The worker
# probes the encoder itself at start (devforge gpus; devforge-ctl support-bundle reports it).
check_gpu() {
  local gpus name runtimes
  if ! command -v nvidia-smi >/dev/null; then
    row info gpu "no NVIDIA driver (nvidia-smi): renders and encodes on the CPU"
    return
  fi
  gpus=$(nvidia-smi --query-gpu=name,driver_version --format=csv,noheader 2>/dev/null || true)
  if [ -z "$gpus" ]; then
    row warn gpu "nvidia-smi is installed but lists no GPU (is the driver loaded?)"
    return
  fi
  while IFS=, read -r name driver; do
    name=${name# }
    row ok gpu "$name, driver ${driver# }"
    case "$name" in
      *A100* | *A30* | *A800* | *H100* | *H800* | *H200*)
        row info nvenc "$name has no NVENC: videos are encoded in software (rendering still uses the GPU)" ;;
      *) row info nvenc "$name: NVENC expected; the worker probes it at start and falls back to software" ;;
    esac
  done <<<"$gpus"
  runtimes=$(docker info --format '{{json .Runtimes}}' 2>/dev/null || true)
  if [[ "$runtimes" == *nvidia* ]] || command -v nvidia-ctk >/dev/null; then
    row ok "container toolkit" "NVIDIA Container Toolkit present: install with --override gpu.yaml to give the workers the GPUs"
  else
    row warn "container toolkit" "NVIDIA Container Toolkit missing: workers cannot use the GPU until it is installed (nvidia-container-toolkit)"
  fi
}

run_preflight() {
  check_cpu
  check_memory
  check_docker
  check_disk
  check_ports
  check_clock
  check_mac
  check_gpu
  say "preflight:"
  printf '  %s\n' "${PREFLIGHT_ROWS[@]}"
  [ "$PREFLIGHT_FAILED" -eq 0 ] || die "preflight: $PREFLIGHT_FAILED check(s) FAILED (above): fix them and run again; nothing was changed"
}

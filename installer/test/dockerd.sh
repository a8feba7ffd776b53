#!/usr/bin/env bash
# Starts and stops a private Docker daemon for the appliance test on a machine where nothing runs one (CI, the
# development machines): its own data root, exec root and pidfile under STATE_DIR, so it never touches another
# daemon's images, and a stop that removes its containers and undoes what dockerd did to the host's network
# (iptables chains, the FORWARD policy, NAT rules, docker0, ip_forward).
#
# usage: installer/test/dockerd.sh start STATE_DIR   # prints "started" or "external" (a daemon already answered)
#        installer/test/dockerd.sh stop STATE_DIR    # stops only a daemon this script started there
set -euo pipefail

action=${1:?usage: dockerd.sh start|stop STATE_DIR}
state=${2:?usage: dockerd.sh start|stop STATE_DIR}
pidfile=$state/dockerd.pid

start() {
  if docker info >/dev/null 2>&1; then
    echo external
    return
  fi
  command -v dockerd >/dev/null || { echo "dockerd.sh: dockerd is missing: apt-get install docker.io" >&2; exit 1; }
  mkdir -p "$state"
  dockerd --storage-driver=overlay2 --data-root "$state/data" --exec-root "$state/exec" --pidfile "$pidfile" \
    >"$state/dockerd.log" 2>&1 &
  for _ in $(seq 1 120); do
    docker info >/dev/null 2>&1 && { echo started; return; }
    sleep 0.25
  done
  tail -20 "$state/dockerd.log" >&2
  echo "dockerd.sh: dockerd did not answer within 30 s (log above: $state/dockerd.log)" >&2
  exit 1
}

# Deletes, one at a time, the rules of an iptables chain that match a pattern.
delete_rules() {
  local table=$1 chain=$2 pattern=$3 rule
  while rule=$(iptables -t "$table" -S "$chain" 2>/dev/null | grep -m1 -e "$pattern"); do
    read -ra words <<<"${rule/#-A /-D }"
    iptables -t "$table" "${words[@]}" 2>/dev/null || break
  done
}

stop() {
  [ -s "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    # Only this daemon's containers: the docker CLI talks to the daemon just checked by its pid.
    docker ps -aq | xargs -r docker rm -f >/dev/null 2>&1 || true
    kill -TERM "$pid"
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  fi
  rm -f "$pidfile"
  # What dockerd leaves behind.
  iptables -D FORWARD -j DOCKER-USER 2>/dev/null || true
  iptables -D FORWARD -j DOCKER-ISOLATION-STAGE-1 2>/dev/null || true
  delete_rules filter FORWARD '-[io] docker0\|-[io] br-'
  local chain
  for chain in DOCKER DOCKER-ISOLATION-STAGE-1 DOCKER-ISOLATION-STAGE-2 DOCKER-USER; do
    iptables -F "$chain" 2>/dev/null || true
    iptables -X "$chain" 2>/dev/null || true
  done
  iptables -P FORWARD ACCEPT
  iptables -t nat -D PREROUTING -m addrtype --dst-type LOCAL -j DOCKER 2>/dev/null || true
  iptables -t nat -D OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER 2>/dev/null || true
  delete_rules nat POSTROUTING MASQUERADE
  iptables -t nat -F DOCKER 2>/dev/null || true
  iptables -t nat -X DOCKER 2>/dev/null || true
  ip link delete docker0 2>/dev/null || true
  echo 0 >/proc/sys/net/ipv4/ip_forward
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) echo "dockerd.sh: unknown action $action: use start or stop" >&2; exit 2 ;;
esac

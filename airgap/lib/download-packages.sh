#!/usr/bin/env bash
# Fetches the Debian packages an offline host needs to run the appliance's containers (airgap/build.sh
# --with-packages → the bundle's packages/, installed by ansible's docker role): docker.io and zstd (Debian 12's
# Engine 20.10 cannot read zstd archives itself: images are loaded with `zstd -dc | docker load`) with their
# dependency closure from this machine's Debian 12 sources, and Compose v2 (docker-compose 2.x, from Debian trixie: bookworm
# has only Compose v1; it needs nothing but libc6 ≥ 2.34). The closure is what apt would install on a minimal
# Debian 12 (the dpkg status of the appliance's debootstrap base image, when it is loaded), so every package a
# customer's server might lack is carried; the docker role installs only those it does lack.
#
# usage: airgap/lib/download-packages.sh DIR [--status DPKG-STATUS] [--print-uris]
#   --status FILE  the dpkg status of the minimal system to resolve against (default: from the image
#                  localhost/debian:bookworm-slim when Docker has it, else none: the whole closure)
#   --print-uris   list what would be fetched, fetch nothing
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: airgap/lib/download-packages.sh DIR [--status DPKG-STATUS] [--print-uris]" >&2; exit 2; }
dir=$1
shift
status=
print=false
while [ $# -gt 0 ]; do
  case "$1" in
    --status) status=${2:?--status needs a file}; shift 2 ;;
    --print-uris) print=true; shift ;;
    *) echo "download-packages.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v apt-get >/dev/null || { echo "download-packages.sh: needs apt-get (a Debian 12 build machine)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$status" ]; then
  status=$work/status
  : >"$status"
  if command -v docker >/dev/null && docker image inspect localhost/debian:bookworm-slim >/dev/null 2>&1; then
    docker run --rm --network none --entrypoint cat localhost/debian:bookworm-slim /var/lib/dpkg/status >"$status"
  fi
fi

# What apt would install on that system, as NAME=VERSION (its simulation prints "Inst NAME [OLD] (VERSION …)").
bookworm=$(apt-get -o Dir::State::status="$status" -o Dir::State::extended_states="$work/extended_states" \
  -o Debug::NoLocking=1 install -s -qq --no-install-recommends -y docker.io iptables tini zstd |
  sed -n 's/^Inst \([^ ]*\) \(\[[^]]*\] \)\{0,1\}(\([^ ]*\) .*/\1=\3/p')
grep -q '^docker\.io=' <<<"$bookworm" || { echo "download-packages.sh: apt found no docker.io to install (run apt-get update?)" >&2; exit 1; }

# Compose v2 from trixie, with a private apt configuration (the system's sources stay untouched).
mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(http[^ ]*\) bookworm main.*/\1/p' /etc/apt/sources.list 2>/dev/null | head -1)
[ -n "$mirror" ] || { echo "download-packages.sh: found no Debian mirror in /etc/apt/sources.list.d/debian.sources" >&2; exit 1; }
mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" >"$work/sources.list"
trixie=(-o Dir::Etc::sourcelist="$work/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::lists="$work/lists" -o Dir::Cache="$work/cache")
apt-get "${trixie[@]}" update -qq

if $print; then
  echo "$bookworm"
  (cd "$work" && apt-get "${trixie[@]}" download --print-uris docker-compose) | awk '{ print $2 }'
  exit 0
fi
mkdir -p "$dir"
mapfile -t names <<<"$bookworm"
(cd "$dir" && apt-get download -qq "${names[@]}")
(cd "$dir" && apt-get "${trixie[@]}" download -qq docker-compose)
ls "$dir"/*.deb >"$work/list"
echo "download-packages.sh: $(wc -l <"$work/list") packages in $dir ($(du -sh "$dir" | cut -f1))"

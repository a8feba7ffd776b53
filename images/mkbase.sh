#!/usr/bin/env bash
# Makes the Debian base image every DevForge image is built FROM, with debootstrap, where no image registry is
# reachable (the vendor's build machines, an air-gapped site): a minbase rootfs slimmed like the official
# debian:*-slim image, imported as a local image. Where a registry is reachable, pass BASE=debian:bookworm-slim
# to the image builds instead and skip this.
#
# usage: images/mkbase.sh [--tag TAG] [--suite SUITE] [--mirror URL] [--if-missing]
#   --tag       image to create (default localhost/debian:bookworm-slim: "localhost/" so it can never be
#               mistaken for, or pulled as, the Hub image)
#   --suite     Debian release (default bookworm)
#   --mirror    Debian mirror (default: the one this machine's apt uses, else deb.debian.org)
#   --if-missing  do nothing when TAG exists (each import gets a new image id, which misses the build cache)
# Needs root, debootstrap and a running Docker daemon.
set -euo pipefail

tag=localhost/debian:bookworm-slim
suite=bookworm
mirror=
if_missing=false
while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag=${2:?--tag needs a value}; shift 2 ;;
    --suite) suite=${2:?--suite needs a value}; shift 2 ;;
    --mirror) mirror=${2:?--mirror needs a value}; shift 2 ;;
    --if-missing) if_missing=true; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "mkbase: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

if $if_missing && docker image inspect "$tag" >/dev/null 2>&1; then
  echo "mkbase: $tag exists; keeping it"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "mkbase: debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }
[ "$(id -u)" = 0 ] || { echo "mkbase: debootstrap needs root" >&2; exit 1; }
if [ -z "$mirror" ]; then
  # The mirror this machine's apt already uses (deb822 or one-line sources), so builds reach the same one.
  mirror=$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
  [ -n "$mirror" ] || mirror=$(awk '$1 == "deb" && $2 !~ /^\[/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root=$work/rootfs
debootstrap --variant=minbase "$suite" "$root" "$mirror" >"$work/debootstrap.log" 2>&1 || {
  tail -20 "$work/debootstrap.log" >&2
  echo "mkbase: debootstrap $suite from $mirror failed (log above)" >&2
  exit 1
}

# apt sources as the official image has them (deb822): the release, its updates and security.
rm -f "$root/etc/apt/sources.list"
cat >"$root/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: ${mirror}
Suites: ${suite} ${suite}-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: ${suite}-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES

# The official image's container tweaks (debuerreotype's "slimify" and apt settings): no docs, man pages or
# locales from later installs, no recommends, no apt caches left in layers.
cat >"$root/etc/dpkg/dpkg.cfg.d/docker" <<'DPKG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
DPKG
echo 'APT::Install-Recommends "false"; APT::Install-Suggests "false";' >"$root/etc/apt/apt.conf.d/docker-no-recommends"
echo 'Acquire::Languages "none";' >"$root/etc/apt/apt.conf.d/docker-no-languages"
cat >"$root/etc/apt/apt.conf.d/docker-clean" <<'APT'
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";
APT
# Keep the copyright files: they are the packages' license notices (the SBOM and NOTICE files use them).
find "$root/usr/share/doc" -mindepth 2 -not -name copyright -not -type d -delete 2>/dev/null || true
find "$root/usr/share/doc" -mindepth 1 -type d -empty -delete 2>/dev/null || true
roothome="$root/root"
rm -rf "$root"/usr/share/man/* "$root"/usr/share/groff/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
  "$root"/usr/share/lintian/* "$root"/var/cache/apt/archives/*.deb "$root"/var/cache/apt/*.bin \
  "$root"/var/lib/apt/lists/* "$root"/var/log/*.log "$root"/var/log/apt/* "$root"/tmp/* "$roothome"/.bash_history
# Docker bind-mounts its own resolv.conf and hostname; an empty machine-id is made unique per container.
: >"$root/etc/resolv.conf"
echo localhost >"$root/etc/hostname"
: >"$root/etc/machine-id"

tar --numeric-owner --xattrs -C "$root" -c . |
  docker import -c 'CMD ["bash"]' -c 'ENV LANG=C.UTF-8' -m "debootstrap --variant=minbase $suite $(date -u +%F)" - "$tag" >/dev/null
docker image ls "$tag"

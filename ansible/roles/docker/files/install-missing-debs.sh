#!/bin/bash
# Installs, from the .deb files in DIR, the packages this host does not have yet, with no download: apt-get
# resolves them against what is installed and the given files, and fails (naming the package) when something
# is missing from both. Prints "nothing to install" when the host has them all (ansible's docker role).
set -euo pipefail
dir=${1:?usage: install-missing-debs.sh DIR}
missing=()
for deb in "$dir"/*.deb; do
  name=$(dpkg-deb --field "$deb" Package)
  dpkg-query --show --showformat='${Status}' "$name" 2>/dev/null | grep -q 'install ok installed' || missing+=("$deb")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "nothing to install"
  exit 0
fi
DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-download --no-install-recommends "${missing[@]}"

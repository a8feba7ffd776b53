#!/usr/bin/env bash
# Copies what an air-gap bundle carries from the repository into a staging folder (airgap/build.sh, then
# airgap/lib/assemble.sh): compose/, installer/, ansible/, docs/ and README.md (at the top), the
# files git tracks or would track (never ignored ones such as compose/secrets/), plus the trust material:
#   release-keys/<kid>.pem          the production release public keys this version trusts
#   installer/release-keys/<kid>.pem  the same, where the installed appliance keeps them for the next bundle
#   installer/verify.sh             airgap/verify.sh, so an installed appliance checks the next bundle itself
#   installer/test-release-key.pem  the TEST public key, honoured only with --accept-test-key
#
# usage: airgap/lib/stage-sources.sh STAGING
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
[ $# -eq 1 ] || { echo "usage: airgap/lib/stage-sources.sh STAGING" >&2; exit 2; }
staging=$1
mkdir -p "$staging"
git -C "$repo" rev-parse --git-dir >/dev/null 2>&1 || { echo "stage-sources.sh: $repo is not a git checkout: the bundle copies the files git tracks" >&2; exit 1; }

copy() { # FOLDER-OR-FILE DEST-PREFIX: the tracked (and untracked, not ignored) files under it, modes kept
  local from=$1 to=$2 f
  while IFS= read -r -d '' f; do
    [ -f "$repo/$f" ] || continue # deleted in the work tree, still in the index
    [ -L "$repo/$f" ] && { echo "stage-sources.sh: $f is a link; the bundle carries plain files only" >&2; exit 1; }
    mkdir -p "$staging/$to$(dirname "${f#"$from"}")"
    cp -p "$repo/$f" "$staging/$to${f#"$from"}"
  done < <(git -C "$repo" ls-files -z --cached --others --exclude-standard -- "$from")
}

for folder in compose installer ansible; do
  [ -d "$repo/$folder" ] || { echo "stage-sources.sh: $folder/ is missing from the repository" >&2; exit 1; }
  copy "$folder" "$folder"
done
copy docs docs
# The repository's README at the top, where its links to docs/ still work (docs/README.md is the docs index).
top_doc=README.md
cp -p "$repo/$top_doc" "$staging/$top_doc"

mkdir -p "$staging/release-keys" "$staging/installer/release-keys"
for key in "$repo"/airgap/release-keys/*.pem; do
  [ -f "$key" ] || { echo "stage-sources.sh: no production release key in airgap/release-keys/" >&2; exit 1; }
  cp -p "$key" "$staging/release-keys/"
  cp -p "$key" "$staging/installer/release-keys/"
done
cp -p "$repo/airgap/verify.sh" "$staging/installer/verify.sh"
cp -p "$repo/airgap/test-keys/public.pem" "$staging/installer/test-release-key.pem"

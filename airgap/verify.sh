#!/usr/bin/env bash
# Verifies a DevForge air-gap bundle (dist/devforge-<version>-airgap.tar) with nothing but bash, tar, sha256sum
# and OpenSSL 3: no Node, no Docker, no network. In this order, stopping at the first problem:
#   1. every tar member is a plain file or folder inside the one top folder devforge-<version>/ (no absolute
#      path, no "..", no link of any kind, no device), checked on the listing before anything is extracted;
#   2. SHA256SUMS.sig is a valid Ed25519 signature over SHA256SUMS by a trusted release key;
#   3. every file SHA256SUMS lists has that checksum;
#   4. no file (or folder) is present that SHA256SUMS does not list;
#   5. manifest.json names the same version as the top folder and the key that signed.
# Exit 0 and "bundle OK: devforge <version>", or non-zero and the first problem. It extracts into a temporary
# folder it removes, or with --extract-to DIR leaves the verified bundle in DIR (DIR/manifest.json,
# DIR/images/…), so that the installer loads only what was verified.
#
# usage: verify.sh BUNDLE.tar [--key PUBLIC.pem]... [--accept-test-key] [--extract-to DIR]
#   --key PUBLIC.pem    trust this release public key instead of the default set (repeatable)
#   --accept-test-key   accept a bundle signed with the repository's TEST release key (tests only; also
#                       DEVFORGE_ACCEPT_TEST_BUNDLE=1). Anyone can sign with that key: never for a customer.
#   --extract-to DIR    leave the verified bundle in DIR (which must be absent or empty)
# Trusted by default: the production release keys beside this script (release-keys/*.pem: airgap/release-keys/
# in the repository, installer/release-keys/ in a bundle). The test key is test-keys/public.pem (repository) or
# test-release-key.pem (bundle). Exit status: 0 verified, 1 refused (the message says why), 2 wrong usage.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The test release key's id, also known here so that it is recognised even when given with --key.
TEST_KEY_ID=dfk-f48a5b2232adebff

usage() { echo "verify.sh: $*" >&2; echo "usage: verify.sh BUNDLE.tar [--key PUBLIC.pem]... [--accept-test-key] [--extract-to DIR] (--help)" >&2; exit 2; }
refuse() { echo "verify.sh: REFUSED: $*" >&2; exit 1; }

bundle=
keys=()
accept_test=false
[ "${DEVFORGE_ACCEPT_TEST_BUNDLE:-}" = 1 ] && accept_test=true
extract_to=
while [ $# -gt 0 ]; do
  case "$1" in
    --key) [ $# -ge 2 ] || usage "--key needs a public key file"; keys+=("$2"); shift 2 ;;
    --accept-test-key) accept_test=true; shift ;;
    --extract-to) [ $# -ge 2 ] || usage "--extract-to needs a folder"; extract_to=$2; shift 2 ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) usage "unknown option $1" ;;
    *) [ -z "$bundle" ] || usage "one bundle at a time ($bundle and $1)"; bundle=$1; shift ;;
  esac
done
[ -n "$bundle" ] || usage "give the bundle: verify.sh devforge-<version>-airgap.tar"
if [ ! -f "$bundle" ] || [ ! -r "$bundle" ]; then usage "$bundle: no such readable file"; fi
for tool in tar sha256sum openssl; do
  command -v "$tool" >/dev/null || refuse "$tool is missing (install it: Debian/Ubuntu tar, coreutils, openssl)"
done
openssl pkeyutl -help 2>&1 | grep -q -- -rawin || refuse "this OpenSSL ($(openssl version)) cannot verify raw Ed25519 signatures: OpenSSL 3.0 or newer is needed"

# Key id and fingerprint, as devforge-license computes them: the SHA-256 of the key's SPKI (DER) form.
fingerprint() { openssl pkey -pubin -in "$1" -outform DER 2>/dev/null | sha256sum | cut -d' ' -f1; }
key_id_of() { local fp; fp=$(fingerprint "$1"); echo "dfk-${fp:0:16}"; }

# The trusted keys: id → file. The test key only with the flag.
declare -A trusted=()
if [ ${#keys[@]} -eq 0 ]; then
  for k in "$here"/release-keys/*.pem; do [ -f "$k" ] && keys+=("$k"); done
  [ ${#keys[@]} -gt 0 ] || refuse "no trusted release keys in $here/release-keys/ (give one with --key PUBLIC.pem)"
fi
for k in "${keys[@]}"; do
  [ -r "$k" ] || usage "--key $k: no such readable file"
  openssl pkey -pubin -in "$k" -noout 2>/dev/null || usage "--key $k: not a public key in PEM form"
  trusted[$(key_id_of "$k")]=$k
done
test_key=
for k in "$here/test-release-key.pem" "$here/test-keys/public.pem"; do
  [ -f "$k" ] && [ "$(key_id_of "$k")" = "$TEST_KEY_ID" ] && { test_key=$k; break; }
done
if [ -n "${trusted[$TEST_KEY_ID]:-}" ]; then test_key=${trusted[$TEST_KEY_ID]}; unset "trusted[$TEST_KEY_ID]"; fi

# 1. The listing, before anything is extracted. GNU tar prints one member a line (a newline in a name is
# written as \n), and the type as the first letter of the long listing: - a file, d a folder.
names=$(tar -tf "$bundle" 2>/dev/null) || refuse "$bundle is not a readable tar file (tar -tf $bundle says why)"
[ -n "$names" ] || refuse "$bundle is an empty tar file"
top=${names%%$'\n'*}
top=${top%%/*}
[[ "$top" =~ ^devforge-[0-9A-Za-z][0-9A-Za-z.+~-]*$ ]] || refuse "unsafe or unexpected top folder \"$top\": a bundle holds one folder devforge-<version>/"
while IFS= read -r name; do
  case "$name" in
    *\\*) refuse "unsafe member \"$name\": a name with escaped characters" ;;
    "$top" | "$top/") continue ;;
    "$top"/*) ;;
    *) refuse "unsafe member \"$name\": outside the top folder $top/ (an absolute path or another folder)" ;;
  esac
  case "/$name/" in */../* | */./*) refuse "unsafe member \"$name\": a \"..\" or \".\" path component" ;; esac
done <<<"$names"
while IFS= read -r line; do
  case "${line:0:1}" in
    - | d) ;;
    *) refuse "unsafe member: not a plain file or folder (links and devices are refused): $line" ;;
  esac
done < <(tar -tvf "$bundle" 2>/dev/null)

# Extract where nothing else looks: a temporary folder (beside DIR with --extract-to, so the move is a rename).
if [ -n "$extract_to" ]; then
  if [ -e "$extract_to" ]; then
    [ -d "$extract_to" ] || usage "--extract-to $extract_to: exists and is not a folder"
    [ -z "$(ls -A "$extract_to")" ] || usage "--extract-to $extract_to: not empty (give an absent or empty folder)"
  fi
  parent=$(dirname "$extract_to")
  mkdir -p "$parent"
  work=$(mktemp -d "$parent/.devforge-verify.XXXXXX")
else
  work=$(mktemp -d "${TMPDIR:-/tmp}/devforge-verify.XXXXXX")
fi
trap 'rm -rf "$work"' EXIT
tar -xf "$bundle" -C "$work" --no-same-owner --no-same-permissions || refuse "could not extract $bundle (is the disk full?)"
root=$work/$top

# 2. The signature over SHA256SUMS, by a trusted key.
[ -f "$root/SHA256SUMS" ] || refuse "missing SHA256SUMS: this is not a signed DevForge bundle"
[ -f "$root/SHA256SUMS.sig" ] || refuse "missing SHA256SUMS.sig: this bundle is not signed"
verifies() { openssl pkeyutl -verify -pubin -inkey "$1" -rawin -in "$root/SHA256SUMS" -sigfile "$root/SHA256SUMS.sig" >/dev/null 2>&1; }
signer=
for id in "${!trusted[@]}"; do
  if verifies "${trusted[$id]}"; then signer=$id; break; fi
done
# manifest.json's key_id is read only to say what went wrong; it is trusted after its checksum is checked.
claimed=$(sed -n 's/^ *"key_id": *"\([^"]*\)".*/\1/p' "$root/manifest.json" 2>/dev/null | head -1 || true)
if [ -z "$signer" ] && [ -n "$test_key" ] && verifies "$test_key"; then
  if ! $accept_test; then
    refuse "signed with the TEST release key ($TEST_KEY_ID). Anyone can sign with that key (it is in the public repository), so a customer must never install such a bundle; pass --accept-test-key (or DEVFORGE_ACCEPT_TEST_BUNDLE=1) only in tests"
  fi
  signer=$TEST_KEY_ID
  trusted[$TEST_KEY_ID]=$test_key
fi
if [ -z "$signer" ]; then
  if [ -n "$claimed" ] && [ -z "${trusted[$claimed]:-}" ] && { [ "$claimed" != "$TEST_KEY_ID" ] || [ -z "$test_key" ]; }; then
    refuse "unknown key id $claimed: the bundle says it is signed with a key this verify.sh does not trust (trusted: ${!trusted[*]}); get the vendor's public key and pass it with --key, after checking its fingerprint"
  fi
  refuse "bad signature: SHA256SUMS.sig is not a valid signature over SHA256SUMS by ${claimed:-any trusted key} (the bundle was changed after it was signed, or damaged in transit)"
fi

# 3. Every checksum. The list is signed, so it is the vendor's; its paths are still checked to be plain relative ones.
listed=$(mktemp "${TMPDIR:-/tmp}/devforge-listed.XXXXXX")
trap 'rm -rf "$work" "$listed"' EXIT
while IFS= read -r line; do
  [[ "$line" =~ ^[0-9a-f]{64}\ \ (.+)$ ]] || refuse "SHA256SUMS has a line that is not \"<sha256>  <path>\": $line"
  path=${BASH_REMATCH[1]}
  case "/$path/" in //* | */../* | */./* | *\\*) refuse "SHA256SUMS lists an unsafe path: $path" ;; esac
  case "$path" in SHA256SUMS | SHA256SUMS.sig) refuse "SHA256SUMS lists $path, which it cannot cover" ;; esac
  printf '%s\n' "$path" >>"$listed"
done <"$root/SHA256SUMS"
grep -qx manifest.json "$listed" || refuse "SHA256SUMS does not list manifest.json"
# sha256sum names each file it reads with OK or FAILED, in SHA256SUMS' order; its own notes (a missing file,
# the warning count) go to stderr and are not needed.
check_ok=true
check=$(cd "$root" && sha256sum --check --strict SHA256SUMS 2>/dev/null) || check_ok=false
while IFS= read -r line; do
  case "$line" in
    *": OK") ;;
    *": FAILED open or read") refuse "missing ${line%: FAILED open or read}: SHA256SUMS lists it, the bundle does not have it" ;;
    *": FAILED") refuse "checksum mismatch ${line%: FAILED}: the file differs from what was signed" ;;
  esac
done <<<"$check"
$check_ok || refuse "checking the checksums failed: $(cd "$root" && sha256sum --check --strict --quiet SHA256SUMS 2>&1 | head -3)"

# 4. Nothing unlisted: every file is in SHA256SUMS, every folder holds a listed file.
while IFS= read -r -d '' file; do
  rel=${file#"$root"/}
  case "$rel" in SHA256SUMS | SHA256SUMS.sig) continue ;; esac
  grep -qxF -- "$rel" "$listed" || refuse "unlisted $rel: the bundle has a file SHA256SUMS does not list"
done < <(find "$root" -type f -print0)
# The folders that hold a listed file: every prefix of every listed path.
folders=$(awk -F/ '{ p = $1; for (i = 2; i <= NF; i++) { print p; p = p "/" $i } }' "$listed" | sort -u)
while IFS= read -r -d '' dir; do
  rel=${dir#"$root"/}
  grep -qxF -- "$rel" <<<"$folders" || refuse "unlisted $rel/: the bundle has a folder that holds no listed file"
done < <(find "$root" -mindepth 1 -type d -print0)
other=$(find "$root" ! -type f ! -type d -print -quit)
[ -z "$other" ] && other=$(find "$work" -mindepth 1 -maxdepth 1 ! -name "$top" -print -quit)
[ -z "$other" ] || refuse "unlisted ${other#"$work"/}: not a plain file inside $top/"

# 5. The manifest agrees with the folder and the signer.
version=$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$root/manifest.json" | head -1)
[ "devforge-$version" = "$top" ] || refuse "manifest.json says version \"$version\" but the bundle's folder is $top/"
[ "$claimed" = "$signer" ] || refuse "manifest.json names key id \"$claimed\" but the bundle is signed by $signer"

fp=$(fingerprint "${trusted[$signer]}")
if [ "$signer" = "$TEST_KEY_ID" ]; then
  echo "verify.sh: WARNING: ACCEPTED A BUNDLE SIGNED WITH THE TEST RELEASE KEY ($TEST_KEY_ID), AS ASKED (--accept-test-key)." >&2
  echo "verify.sh: WARNING: anyone can sign with the test key: never install such a bundle at a customer's site." >&2
fi
echo "signed by release key $signer"
echo "key fingerprint (SHA-256 of the public key): $fp"
echo "compare it with the fingerprint the vendor publishes before you install."
if [ -n "$extract_to" ]; then
  [ -d "$extract_to" ] && rmdir "$extract_to"
  mv "$root" "$extract_to"
  echo "verified copy: $extract_to"
fi
echo "bundle OK: devforge $version"

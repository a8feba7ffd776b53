#!/usr/bin/env bash
# Makes the appliance's secret files, once: each is generated only when missing, so re-running (an upgrade, a
# second install) keeps every password the database, MinIO and Keycloak already hold. compose.yaml mounts them
# as secrets (/run/secrets/<name>), never as values in the compose file. Compose (without Swarm) bind-mounts a
# secret file with its owner and mode as they are on the host, so the files are 0640 root:10001 in a 0750
# directory: readable by the group the containers' users have (the app's uid and gid are 10001; postgres, the
# certs job and Keycloak get it with group_add), by nobody else on the host.
#
# usage: compose/make-secrets.sh [DIR]      (default: DEVFORGE_SECRETS, else compose/secrets)
# DIR/tls/ is where a customer's certificate goes (server.crt, server.key, optionally ca.crt); empty: an
# internal CA makes one (images/make-certs.sh).
set -euo pipefail

dir=${1:-${DEVFORGE_SECRETS:-$(dirname "$0")/secrets}}
group=10001
umask 027
mkdir -p "$dir/tls"
chgrp "$group" "$dir" "$dir/tls"
chmod 0750 "$dir" "$dir/tls"

# 32 random bytes as 43 URL-safe characters: no quoting problems in a URL, SQL literal or shell.
random() { head -c 32 /dev/urandom | base64 | tr -d '=\n' | tr '+/' '-_'; }

made=()
secret() { # NAME VALUE-COMMAND...: writes DIR/NAME from the command's output, only when it is missing
  local name=$1
  shift
  [ -s "$dir/$name" ] && return 0
  "$@" >"$dir/$name.tmp"
  chgrp "$group" "$dir/$name.tmp"
  chmod 0640 "$dir/$name.tmp"
  mv "$dir/$name.tmp" "$dir/$name"
  made+=("$name")
}

secret postgres_password random
secret db_password random
# The app reads its whole database URL from one file; it is made from db_password, so the two always agree.
database_url() { printf 'postgres://devforge:%s@postgres:5432/devforge\n' "$(cat "$dir/db_password")"; }
secret database_url database_url
# MinIO's root user is the app's access key (a MinIO user of its own is the installer's next step).
access_key() { printf 'devforge-%s\n' "$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"; }
secret s3_access_key access_key
secret s3_secret_key random
secret admin_password random
secret oidc_client_secret random
secret keycloak_admin_password random
# The master key that seals the secrets the app stores (webhook signing secrets, the stored OIDC client
# secret): base64 of 32 random bytes, the master key file's format. Back it up with the database.
master_key() { head -c 32 /dev/urandom | base64; }
secret master_key master_key

if [ ${#made[@]} -gt 0 ]; then
  echo "make-secrets: made ${made[*]} in $dir"
else
  echo "make-secrets: every secret is already in $dir; kept them"
fi

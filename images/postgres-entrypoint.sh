#!/bin/sh
# Entry point of the Postgres image. On the first start (an empty data volume) it makes the cluster and, for
# the application, a database owned by a login role that is NOT a superuser: the app needs only its own
# database (its tables and pg-boss's schema), and a stolen app password must not own the server.
#   POSTGRES_PASSWORD_FILE  the superuser's ("postgres") password, for the operator and backups
#   APP_DB / APP_USER       the database and role to create (default devforge / devforge)
#   APP_PASSWORD_FILE       that role's password
# Later starts find the cluster and change nothing (passwords are not re-applied from the files).
set -eu

read_secret() { # NAME FILE: the file's content, or a clear stop
  [ -r "$2" ] || { echo "postgres-entrypoint: $1 names $2, which is missing or unreadable" >&2; exit 66; }
  cat "$2"
}

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD_FILE:?POSTGRES_PASSWORD_FILE is required on the first start (the superuser password file)}"
  : "${APP_PASSWORD_FILE:?APP_PASSWORD_FILE is required on the first start (the application role password file)}"
  db=${APP_DB:-devforge}
  user=${APP_USER:-devforge}
  su_password=$(read_secret POSTGRES_PASSWORD_FILE "$POSTGRES_PASSWORD_FILE")
  app_password=$(read_secret APP_PASSWORD_FILE "$APP_PASSWORD_FILE")
  pwfile=$(mktemp)
  printf '%s' "$su_password" >"$pwfile"
  initdb -U postgres --pwfile="$pwfile" --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 \
    -D "$PGDATA" >/dev/null
  rm -f "$pwfile"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  # Single-user mode: no server listens yet, so nothing can connect before the role and database exist.
  # -j: a statement ends at a semicolon and an empty line. The password goes in as a dollar-quoted literal; a
  # secret that contains the quote is refused.
  case "$app_password" in *"\$pw\$"*) echo "postgres-entrypoint: the application password must not contain \$pw\$" >&2; exit 65 ;; esac
  postgres --single -D "$PGDATA" -j postgres >/dev/null <<SQL
CREATE ROLE "$user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD \$pw\$${app_password}\$pw\$;

CREATE DATABASE "$db" OWNER "$user";
SQL
  echo "postgres-entrypoint: created the cluster, database $db and role $user (not a superuser)"
fi
exec "$@"

#!/bin/sh
# Entry point of the application image (after tini): turns secrets given as files into the environment the
# configuration reads, then runs the command. For every DEVFORGE_<KEY>_FILE=/run/secrets/x it sets
# DEVFORGE_<KEY> to the file's content (the convention of the official database images), so a Compose file
# names secret files and never holds a secret itself. A variable set both ways is refused, naming it.
set -eu
# DEVFORGE_MASTER_KEY_FILE is not such a pair: it is a configuration key naming the file the app reads (and
# rewrites on a key rotation) itself.
for name in $(env | sed -n 's/^\(DEVFORGE_[A-Z0-9_]*\)_FILE=.*/\1/p' | grep -vx DEVFORGE_MASTER_KEY); do
  file=$(printenv "${name}_FILE")
  if printenv "$name" >/dev/null; then
    echo "devforge-entrypoint: both $name and ${name}_FILE are set: keep one" >&2
    exit 64
  fi
  if [ ! -r "$file" ]; then
    echo "devforge-entrypoint: ${name}_FILE names $file, which is missing or unreadable" >&2
    exit 66
  fi
  # $(...) drops the file's trailing newline, which is never part of a secret.
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done
exec "$@"

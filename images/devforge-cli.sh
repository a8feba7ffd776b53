#!/bin/sh
# `devforge` on the image's PATH. `docker compose exec api devforge …` does not pass through the image's entry
# point, so this goes through it itself: the command sees the DEVFORGE_<KEY>_FILE secrets as DEVFORGE_<KEY>, as
# the server does. (Run from the entry point, the _FILE variables are already read and unset: nothing twice.)
exec devforge-entrypoint node /app/app/bin/devforge.js "$@"

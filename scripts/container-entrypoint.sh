#!/bin/sh
# Entrypoint of the Quotewire image: brings the database schema to head, then replaces itself with
# `quotewire ARGS` (by default the API on 0.0.0.0:8000), so that the server is PID 1 and a
# SIGTERM from `docker stop` reaches uvicorn, which finishes its requests and exits.
set -eu
quotewire db upgrade
exec quotewire "$@"

#!/usr/bin/env bash
# A Python client generated from the live server's /openapi.json by openapi-python-client, then
# scripts/generated_client_calls.py posting, listing, getting and exporting through it.
# openapi-python-client pins an older typer than Quotewire, so it lives in its own virtualenv (.venv-client).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${CLIENT_CHECK_PORT:-8918}
scratch=$(mktemp -d)
key="client-check-$RANDOM$RANDOM"
export QUOTEWIRE_DATABASE_URL="sqlite:///$scratch/quotewire.db" QUOTEWIRE_API_KEY="$key"
server=
stop() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap stop EXIT

if [ ! -x .venv-client/bin/openapi-python-client ]; then
  python3 -m venv .venv-client
  .venv-client/bin/python -m pip install --quiet --disable-pip-version-check "openapi-python-client==0.29.1"
fi
.venv/bin/quotewire db upgrade >/dev/null
.venv/bin/quotewire serve --port "$port" --no-access-log 2>"$scratch/server.log" &
server=$!
for _ in $(seq 120); do
  curl -sf "http://127.0.0.1:$port/health" >/dev/null && break
  sleep 0.5
done

PATH="$PWD/.venv-client/bin:$PATH" .venv-client/bin/openapi-python-client generate \
  --url "http://127.0.0.1:$port/openapi.json" --output-path "$scratch/client/quotewire_client" --meta none
PYTHONPATH="$scratch/client" .venv-client/bin/python scripts/generated_client_calls.py "http://127.0.0.1:$port" "$key"

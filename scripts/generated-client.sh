#!/usr/bin/env bash
# A Python client generated from the live server's /openapi.json by openapi-python-client, then
# scripts/generated_client_calls.py posting, listing, getting and exporting through it.
# openapi-python-client pins an older typer than Quotewire, so it lives in its own virtualenv (.venv-client).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${CLIENT_CHECK_PORT:-8918}
# shellcheck source=scripts/scratch-server.sh
source scripts/scratch-server.sh

if [ ! -x .venv-client/bin/openapi-python-client ]; then
  python3 -m venv .venv-client
  .venv-client/bin/python -m pip install --quiet --disable-pip-version-check "openapi-python-client==0.29.1"
fi
.venv/bin/quotewire db upgrade >/dev/null
start_server

PATH="$PWD/.venv-client/bin:$PATH" .venv-client/bin/openapi-python-client generate \
  --url "http://127.0.0.1:$port/openapi.json" --output-path "$scratch/client/quotewire_client" --meta none
PYTHONPATH="$scratch/client" .venv-client/bin/python scripts/generated_client_calls.py "http://127.0.0.1:$port" "$key"

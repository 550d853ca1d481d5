#!/usr/bin/env bash
# The API against its own OpenAPI schema (schemathesis, fixed seed): every operation, once with the write
# key and once without. Fails on any server error, response that breaks the schema, or undeclared status.
# Usage: scripts/schemathesis.sh [MAX_EXAMPLES]   (from the checkout, after `make test` built .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
max_examples=${1:-30}
seed=20240207
port=${SCHEMATHESIS_PORT:-8917}
# shellcheck source=scripts/scratch-server.sh
source scripts/scratch-server.sh

.venv/bin/quotewire db upgrade >/dev/null
.venv/bin/quotewire ingest --source "Quotewire samples" app/samples >/dev/null
start_server

checks=not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance
run() {
  .venv/bin/st run "http://127.0.0.1:$port/openapi.json" --checks "$checks" --seed "$seed" \
    --max-examples "$max_examples" --phases examples,coverage,fuzzing --workers 1 --no-color "$@"
}
status=0
echo "== schemathesis: every operation with the write key"
run -H "X-API-Key: $key" || status=1
echo "== schemathesis: every operation without a key"
run || status=1
if grep -q "Traceback" "$scratch/server.log"; then
  echo "the server logged an error:"; cat "$scratch/server.log"; status=1
fi
exit $status

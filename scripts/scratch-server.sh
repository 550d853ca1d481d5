# Sourced by the scripts that test a live server: a scratch SQLite database with a fresh write key,
# `quotewire serve` on 127.0.0.1:$port in the background, stopped and cleaned up on exit.
# Needs $port set; sets $scratch, $key and $server; `start_server` waits until /health answers.
scratch=$(mktemp -d)
key="scratch-$RANDOM$RANDOM"
export QUOTEWIRE_DATABASE_URL="sqlite:///$scratch/quotewire.db" QUOTEWIRE_API_KEY="$key"
server=
stop_server() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$scratch"
}
trap stop_server EXIT

start_server() {
  .venv/bin/quotewire serve --port "$port" --no-access-log 2>"$scratch/server.log" &
  server=$!
  for _ in $(seq 120); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    sleep 0.5
  done
  echo "the server did not answer /health within 60 s:"; cat "$scratch/server.log"; return 1
}

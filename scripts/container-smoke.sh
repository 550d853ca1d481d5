#!/usr/bin/env bash
# Container smoke test, run by .ci/run: builds the image with podman on a Debian base made by
# debootstrap, starts it on a fresh volume, waits for its HEALTHCHECK, posts the seed article with
# the API key, queries /quotes?speaker=Blinken, loads one more article through a one-shot `ingest`
# container (as compose.yaml's ingest service does), replaces the container with a new one on the
# same volume and checks the data survived, and stops it with SIGTERM, expecting a clean exit.
# Any failure exits non-zero with the reason; nothing is skipped.
#
# Installs podman, buildah, debootstrap and runc with apt when they are missing (needs root).
# Timings and the image size are printed as `measure:` lines.
set -euo pipefail
shopt -s inherit_errexit  # a failure inside $(...) fails the script too
set -o errtrace
cd "$(dirname "$0")/.."

IMAGE=${IMAGE:-localhost/quotewire:smoke}
SEED_DIR=${SEED_DIR:-../shared/corpus/seed}
HEALTHY_WITHIN=${HEALTHY_WITHIN:-90}   # seconds
STOPPED_WITHIN=${STOPPED_WITHIN:-10}   # seconds, podman's grace period before SIGKILL
API_KEY=smoke-$RANDOM$RANDOM
RUN_ID=$$
CONTAINER=quotewire-smoke-$RUN_ID
VOLUME=quotewire-smoke-data-$RUN_ID
WORKDIR=$(mktemp -d)
# Quirks of sandboxed machines: the runc runtime, and rlimits below the host's (podman's defaults
# are higher than these machines allow).
RUN_OPTS=(--runtime runc --ulimit nofile=4096:4096 --ulimit nproc=4096:4096)

log() { echo "container-smoke: $*"; }
measure() { echo "measure: $*"; }
now_ms() { date +%s%3N; }
seconds_since() { awk -v start="$1" -v end="$(now_ms)" 'BEGIN { printf "%.1f", (end - start) / 1000 }'; }

fail() {
    echo "container-smoke: FAIL: $*" >&2
    touch "$WORKDIR/failed"
    if podman container exists "$CONTAINER" 2>/dev/null; then
        echo "--- last lines of the container's log ---" >&2
        podman logs --tail 40 "$CONTAINER" >&2 2>&1 || true
    fi
    exit 1
}

cleanup() {
    podman rm --force --time 2 "$CONTAINER" >/dev/null 2>&1 || true
    podman volume rm --force "$VOLUME" >/dev/null 2>&1 || true
    rm -rf "$WORKDIR"
}
trap cleanup EXIT

on_error() {  # an unexpected failure; those that `fail` reports (also inside $(...)) are told once
    [[ -e $WORKDIR/failed ]] || echo "container-smoke: FAIL: line $1: $2 exited with $3" >&2
    touch "$WORKDIR/failed"
}
trap 'on_error "$LINENO" "$BASH_COMMAND" "$?"' ERR

install_tools() {
    local missing=()
    for tool in podman buildah debootstrap runc curl; do
        command -v "$tool" >/dev/null || missing+=("$tool")
    done
    [[ ${#missing[@]} == 0 ]] && return
    [[ $(id -u) == 0 ]] || fail "missing ${missing[*]} and not root to install them with apt-get"
    log "installing ${missing[*]} with apt-get"
    local started
    started=$(now_ms)
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q > "$WORKDIR/apt.log" 2>&1 \
        && apt-get install -y -q podman buildah debootstrap runc uidmap fuse-overlayfs slirp4netns curl \
            >> "$WORKDIR/apt.log" 2>&1 \
        || { tail -n 20 "$WORKDIR/apt.log" >&2; fail "apt-get could not install ${missing[*]}"; }
    measure "tools installed in $(seconds_since "$started") s"
}

# podman 4.3 logs an error when it cannot register the health-check timer with systemd (absent in
# containers); the check itself runs fine through `podman healthcheck run`, which this script uses.
podman_run() {
    podman run "$@" 2> "$WORKDIR/run.err" || { cat "$WORKDIR/run.err" >&2; return 1; }
    grep -v 'unable to get systemd connection' "$WORKDIR/run.err" >&2 || true
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start_container() {  # starts $CONTAINER on $VOLUME with $WORKERS server processes, publishing the API on $PORT
    PORT=$(free_port)
    podman_run --detach --name "$CONTAINER" "${RUN_OPTS[@]}" \
        --env QUOTEWIRE_API_KEY="$API_KEY" --env QUOTEWIRE_WORKERS="${WORKERS:-1}" --volume "$VOLUME:/data" \
        --publish "127.0.0.1:$PORT:8000" "$IMAGE" > /dev/null \
        || fail "podman run could not start the container"
}

wait_until_healthy() {  # polls the image's own HEALTHCHECK; prints the seconds it took
    local started=$1 deadline=$((SECONDS + HEALTHY_WITHIN)) status
    while ((SECONDS < deadline)); do
        status=$(podman inspect --format '{{.State.Status}}' "$CONTAINER")
        [[ $status == running ]] || fail "the container is $status before becoming healthy"
        if podman healthcheck run "$CONTAINER" > /dev/null 2>&1; then
            seconds_since "$started"
            return
        fi
        sleep 0.25
    done
    fail "not healthy within ${HEALTHY_WITHIN}s"
}

api() {  # METHOD PATH [BODY_FILE]: prints the body, sets HTTP_STATUS
    local args=(--silent --show-error --max-time 30 --request "$1" --output "$WORKDIR/body"
                --write-out '%{http_code}' --header "X-API-Key: $API_KEY")
    [[ $# -ge 3 ]] && args+=(--header 'Content-Type: application/json' --data-binary "@$3")
    HTTP_STATUS=$(curl "${args[@]}" "http://127.0.0.1:$PORT$2") || fail "$1 $2: no answer from the API"
    cat "$WORKDIR/body"
}

check_blinken_quotes() {  # prints the number of quotes; fails unless there are some and all are Blinken's
    api GET '/quotes?speaker=Blinken' > "$WORKDIR/quotes.json"
    [[ $HTTP_STATUS == 200 ]] || fail "GET /quotes?speaker=Blinken answered $HTTP_STATUS: $(head -c 400 "$WORKDIR/quotes.json")"
    python3 - "$WORKDIR/quotes.json" <<'PY' || fail "GET /quotes?speaker=Blinken: $(head -c 400 "$WORKDIR/quotes.json")"
import json, sys
items = json.load(open(sys.argv[1]))["items"]
others = [q["speaker"] for q in items if "Blinken" not in ((q.get("speaker") or {}).get("name") or "")]
if not items:
    sys.exit("no quotes for speaker=Blinken")
if others:
    sys.exit(f"{len(others)} of {len(items)} quotes are not Blinken's: {others[:3]}")
print(len(items))
PY
}

stop_gracefully() {  # SIGTERM; the server must exit by itself, cleanly, within $STOPPED_WITHIN seconds
    local started code
    started=$(now_ms)
    podman stop --time "$STOPPED_WITHIN" "$CONTAINER" > /dev/null 2> "$WORKDIR/stop.err" \
        || fail "podman stop failed: $(cat "$WORKDIR/stop.err")"
    grep -q 'resorting to SIGKILL' "$WORKDIR/stop.err" && fail "SIGTERM did not stop the server within ${STOPPED_WITHIN}s"
    code=$(podman inspect --format '{{.State.ExitCode}}' "$CONTAINER")
    [[ $code == 0 ]] || fail "the server exited with code $code after SIGTERM"
    podman logs "$CONTAINER" > "$WORKDIR/server.log" 2>&1
    grep -q 'Finished server process' "$WORKDIR/server.log" \
        || fail "uvicorn did not log a graceful shutdown ('Finished server process')"
    seconds_since "$started"
}

# --- tools, base, image --------------------------------------------------------------------------
install_tools
[[ -d $SEED_DIR ]] || fail "no seed folder $SEED_DIR (the shared corpus is expected beside the repository)"
seed=$(find "$SEED_DIR" -maxdepth 1 -name '*.txt' | sort | head -n 1)
[[ -n $seed ]] || fail "no seed article (*.txt) in $SEED_DIR"

started=$(now_ms)
scripts/container-base.sh || fail "could not build the Debian base image"
measure "base image ready in $(seconds_since "$started") s"

previous_image=$(podman image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
started=$(now_ms)
scripts/container-build.sh "$IMAGE" > "$WORKDIR/build.log" 2>&1 \
    || { tail -n 40 "$WORKDIR/build.log" >&2; fail "the image did not build (last lines of the build above)"; }
measure "image built in $(seconds_since "$started") s"
if [[ -n $previous_image && $previous_image != "$(podman image inspect --format '{{.Id}}' "$IMAGE")" ]]; then
    podman rmi "$previous_image" > /dev/null 2>&1 || true  # the last run's image, now untagged
fi
measure "image size $(podman image inspect --format '{{.Size}}' "$IMAGE" | awk '{ printf "%.0f MB", $1 / 1e6 }')"

# The final image: a non-root user, no pip, no build tools, no caches, no build secrets.
podman_run --rm "${RUN_OPTS[@]}" --entrypoint sh "$IMAGE" -c '
    test "$(id -u)" != 0 || { echo "runs as root"; exit 1; }
    for tool in pip pip3 gcc cc make; do
        command -v "$tool" >/dev/null && { echo "has $tool"; exit 1; }
    done
    for dir in /root/.cache /run/secrets /src /tmp/requirements.txt; do
        test -e "$dir" && { echo "has $dir"; exit 1; }
    done
    test -z "$(find /opt/venv -name "pip*" -maxdepth 4 -print -quit)" || { echo "has pip in the venv"; exit 1; }
    exit 0' > "$WORKDIR/hygiene.out" || fail "image hygiene: $(cat "$WORKDIR/hygiene.out")"
log "image runs as a non-root user, with no pip, compilers, caches or build secrets"

# --- start, ingest through the API, query ----------------------------------------------------------
podman volume create "$VOLUME" > /dev/null
started=$(now_ms)
start_container
healthy_after=$(wait_until_healthy "$started")
measure "start to healthy $healthy_after s (fresh volume, migrations included)"

python3 - "$seed" > "$WORKDIR/article.json" <<'PY'
import json, pathlib, sys
title, _, text = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8").partition("\n")
json.dump({"title": title.strip(), "text": text.strip(), "published": "2024-02-07",
           "source": "Quotewire smoke test", "url": "https://smoke.example/seed"}, sys.stdout)
PY
keyless_status=$(curl --silent --max-time 30 --output /dev/null --write-out '%{http_code}' --request POST \
    --header 'Content-Type: application/json' --data-binary "@$WORKDIR/article.json" \
    "http://127.0.0.1:$PORT/articles") || fail "POST /articles: no answer from the API"
[[ $keyless_status == 401 || $keyless_status == 403 ]] \
    || fail "POST /articles without the key answered $keyless_status, not 401/403"

api POST /articles "$WORKDIR/article.json" > "$WORKDIR/posted.json"
[[ $HTTP_STATUS == 201 ]] || fail "POST /articles answered $HTTP_STATUS: $(head -c 400 "$WORKDIR/posted.json")"
posted=$(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))["quotes"]))' "$WORKDIR/posted.json")
((posted > 0)) || fail "POST /articles stored the seed article with no quotes"
log "POST /articles (seed article, with the key): 201, $posted quotes; without the key: $keyless_status"

blinken=$(check_blinken_quotes)
log "GET /quotes?speaker=Blinken: $blinken quotes, all Blinken's"

# --- one-shot ingest container on the same volume (compose.yaml's ingest service) -------------------
mkdir "$WORKDIR/articles"
cat > "$WORKDIR/articles/harbour.txt" <<'EOF'
Harbour master promises a quieter port

"The night shifts will end by the first of June," harbour master Ottilie Varga said on Monday.
EOF
podman_run --rm "${RUN_OPTS[@]}" --env QUOTEWIRE_API_KEY="$API_KEY" --volume "$VOLUME:/data" \
    --volume "$WORKDIR/articles:/articles:ro" "$IMAGE" ingest --published 2024-03-04 /articles \
    > "$WORKDIR/ingest.out" 2>&1 || fail "the ingest container failed: $(tail -n 20 "$WORKDIR/ingest.out")"
api GET '/quotes?speaker=Varga' > "$WORKDIR/varga.json"
python3 -c 'import json, sys; sys.exit(not json.load(open(sys.argv[1]))["items"])' "$WORKDIR/varga.json" \
    || fail "the article loaded by the ingest container is not served: $(head -c 400 "$WORKDIR/varga.json")"
log "ingest container loaded a mounted folder into the running service's volume"

# --- stop with SIGTERM, a new container on the same volume, stop again --------------------------------
stopped_after=$(stop_gracefully)
measure "SIGTERM to clean exit (code 0) $stopped_after s"
podman rm "$CONTAINER" > /dev/null 2>&1 || fail "could not remove the stopped container"
started=$(now_ms)
WORKERS=2 start_container
healthy_after=$(wait_until_healthy "$started")
measure "restart to healthy $healthy_after s (existing volume, 2 workers)"
after=$(check_blinken_quotes)
[[ $after == "$blinken" ]] || fail "after the restart GET /quotes?speaker=Blinken has $after quotes, not $blinken"
log "data survived a new container on the same volume: $after Blinken quotes"
stopped_after=$(stop_gracefully)
measure "SIGTERM to clean exit (code 0) $stopped_after s"

log "passed"

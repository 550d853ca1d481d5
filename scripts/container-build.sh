#!/usr/bin/env bash
# Builds the Quotewire image with podman (no Docker daemon needed), handing this machine's pip
# settings (index URLs, CA bundle) to the build as secrets so that pip inside the build reaches the
# package index the way pip here does, without any of it being stored in the image.
#
#   scripts/container-build.sh [IMAGE_TAG]      # default localhost/quotewire:latest
#
# BASE_IMAGE (default localhost/quotewire-base:bookworm, see scripts/container-base.sh) is passed
# through as the Dockerfile's build argument.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE_TAG=${1:-localhost/quotewire:latest}
BASE_IMAGE=${BASE_IMAGE:-localhost/quotewire-base:bookworm}

secrets_dir=$(mktemp -d)
trap 'rm -rf "$secrets_dir"' EXIT

# The host's effective pip settings: pip's own files and PIP_* variables, as `pip config list` shows them.
# Local folders (file:// indexes, find-links) are not reachable inside the build and are left out.
host_pip_settings() {
    python3 -m pip config list 2>/dev/null | python3 -c '
import re, sys
settings = {}
for line in sys.stdin:
    match = re.match(r"^(?:[\w-]+|:env:)\.([\w-]+)=(.*)$", line.strip())
    if match:
        key, value = match[1], match[2].strip("\x27\"")
        settings[key] = value  # later lines (the environment) win, as in pip
remote = lambda value: " ".join(u for u in value.split() if u.startswith(("http://", "https://")))
print("[global]")
for key in ("index-url", "extra-index-url", "trusted-host", "timeout", "default-timeout", "retries"):
    value = settings.get(key, "")
    value = remote(value) if key.endswith("index-url") else value
    if value:
        print(f"{key} = {value}")
print("# cert=" + settings.get("cert", ""))
'
}

if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    host_pip_settings > "$secrets_dir/pip.conf"
else
    printf '[global]\n' > "$secrets_dir/pip.conf"
fi
ca_bundle=$(sed -n 's/^# cert=//p' "$secrets_dir/pip.conf")
sed -i '/^# cert=/d' "$secrets_dir/pip.conf"
for candidate in "$ca_bundle" "${PIP_CERT:-}" "${SSL_CERT_FILE:-}" /etc/ssl/certs/ca-certificates.crt; do
    if [[ -n $candidate && -s $candidate ]]; then
        ca_bundle=$candidate
        break
    fi
done

secret_args=(--secret "id=pip_conf,src=$secrets_dir/pip.conf")
[[ -s $ca_bundle ]] && secret_args+=(--secret "id=pip_ca,src=$ca_bundle")

# chroot isolation and the host network: what works where builds run inside a sandbox.
podman build --isolation chroot --network host --format docker \
    --build-arg "BASE_IMAGE=$BASE_IMAGE" "${secret_args[@]}" \
    --tag "$IMAGE_TAG" --file Dockerfile .

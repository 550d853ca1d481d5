#!/usr/bin/env bash
# Builds a local Debian bookworm base image (python3, python3-venv, ca-certificates) with debootstrap,
# from the Debian mirror this machine's apt is configured with, for machines that cannot pull
# python:3.11-slim-bookworm. Tags it localhost/quotewire-base:bookworm (or $BASE_TAG).
# Keeps an image made by this same script unless --rebuild is given. Needs root, debootstrap and podman.
set -euo pipefail

BASE_TAG=${BASE_TAG:-localhost/quotewire-base:bookworm}
SUITE=bookworm
PACKAGES=python3,python3-venv,ca-certificates

die() { echo "container-base: $*" >&2; exit 1; }

rebuild=false
[[ ${1:-} == --rebuild ]] && rebuild=true

[[ $(id -u) == 0 ]] || die "must run as root (debootstrap creates device nodes and chowns files)"
command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
command -v podman >/dev/null || die "podman is not installed (apt-get install -y podman)"

# The image records which version of this script made it, so that a changed recipe is rebuilt.
recipe=$(sha256sum "$0" | cut -c1-16)
if ! $rebuild && podman image exists "$BASE_TAG"; then
    made_by=$(podman image inspect --format '{{index .Labels "quotewire.base-recipe"}}' "$BASE_TAG")
    if [[ $made_by == "$recipe" ]]; then
        echo "container-base: $BASE_TAG is up to date (pass --rebuild to make it again)"
        exit 0
    fi
    echo "container-base: $BASE_TAG was made by another version of this script; rebuilding"
fi

# The mirror and the security mirror for the suite, as this machine's apt knows them.
apt_uri() {  # LABEL -> the first repository URI apt has for that label and the suite
    apt-get indextargets --format '$(LABEL) $(CODENAME) $(REPO_URI)' \
        | awk -v label="$1" -v codename="$2" '$1 == label && $2 == codename { print $3; exit }'
}
mirror=$(apt_uri Debian "$SUITE")
security_mirror=$(apt_uri Debian-Security "$SUITE-security")
[[ -n $mirror ]] || die "apt has no Debian $SUITE source configured (run apt-get update, or add one to /etc/apt/sources.list.d)"

workdir=$(mktemp -d /var/tmp/quotewire-base.XXXXXX)
trap 'rm -rf "$workdir"' EXIT
rootfs=$workdir/rootfs
started=$SECONDS

echo "container-base: debootstrap $SUITE (minbase + $PACKAGES)"
for attempt in 1 2; do  # a second try when a download from the mirror fails
    if debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$rootfs" "$mirror" > "$workdir/debootstrap.log" 2>&1; then
        break
    fi
    tail -n 30 "$workdir/debootstrap.log" >&2
    [[ $attempt == 1 ]] || die "debootstrap failed twice (log above)"
    echo "container-base: debootstrap failed, trying once more" >&2
    rm -rf "$rootfs"
done

if [[ -n $security_mirror ]]; then
    echo "container-base: applying $SUITE-security updates"
    {
        echo "deb $mirror $SUITE main"
        echo "deb $mirror $SUITE-updates main"
        echo "deb $security_mirror $SUITE-security main"
    } > "$rootfs/etc/apt/sources.list"
    chroot "$rootfs" sh -c 'apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get upgrade -y -q' \
        > "$workdir/upgrade.log" 2>&1 || { tail -n 30 "$workdir/upgrade.log" >&2; die "security upgrade failed"; }
fi

# Leave no machine-specific mirror, package lists, caches, documentation or translations in the
# image, and keep packages installed later on this base from adding the last three back.
rm -f "$rootfs/etc/apt/sources.list"
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/* "$rootfs"/var/log/* \
       "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/*
find "$rootfs/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name locale.alias -exec rm -rf {} +
printf '%s\n' 'path-exclude /usr/share/doc/*' 'path-exclude /usr/share/man/*' \
    'path-exclude /usr/share/info/*' 'path-exclude /usr/share/locale/*' 'path-include /usr/share/locale/locale.alias' \
    > "$rootfs/etc/dpkg/dpkg.cfg.d/quotewire-slim"

echo "container-base: importing as $BASE_TAG"
tar --numeric-owner -C "$rootfs" -c . | podman import --quiet \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' --change 'CMD ["/bin/bash"]' \
    --change "LABEL quotewire.base-recipe=$recipe" - "$BASE_TAG" > /dev/null

echo "container-base: built $BASE_TAG in $((SECONDS - started)) s, $(podman image inspect --format '{{.Size}}' "$BASE_TAG" | awk '{ printf "%.0f MB\n", $1 / 1e6 }')"

# Quotewire API image: multi-stage, non-root, SQLite database on the /data volume.
#
#   docker build -t quotewire .                      # on the official Python image
#   podman build --isolation chroot --format docker \
#     --build-arg BASE_IMAGE=localhost/quotewire-base:bookworm -t quotewire .   # on a local Debian base
#
# Any Debian bookworm image with python3 (3.11) and its venv module works as BASE_IMAGE
# (scripts/container-base.sh makes one with debootstrap). Package index settings for pip can be
# handed to the build as optional secrets, never stored in a layer:
#   --secret id=pip_conf,src=FILE   a pip configuration file (index-url, extra-index-url, ...)
#   --secret id=pip_ca,src=FILE     a CA bundle for pip to trust
# scripts/container-build.sh passes this machine's pip settings that way.
ARG BASE_IMAGE=python:3.11-slim-bookworm

FROM ${BASE_IMAGE} AS builder
ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_ROOT_USER_ACTION=ignore
RUN python3 -m venv /opt/venv
WORKDIR /src

# The dependencies first, from the lock (exact versions, hashes checked), in a layer of their own that
# survives changes to the code.
COPY requirements.lock ./
RUN --mount=type=secret,id=pip_conf --mount=type=secret,id=pip_ca \
    if [ -s /run/secrets/pip_conf ]; then export PIP_CONFIG_FILE=/run/secrets/pip_conf; fi; \
    if [ -s /run/secrets/pip_ca ]; then export PIP_CERT=/run/secrets/pip_ca; fi; \
    pip install --require-hashes --requirement requirements.lock

# Then the project itself (a regular, non-editable install), and pip and setuptools leave the venv.
COPY pyproject.toml README.md LICENSE ./
COPY app ./app
COPY migrations ./migrations
RUN --mount=type=secret,id=pip_conf --mount=type=secret,id=pip_ca \
    if [ -s /run/secrets/pip_conf ]; then export PIP_CONFIG_FILE=/run/secrets/pip_conf; fi; \
    if [ -s /run/secrets/pip_ca ]; then export PIP_CERT=/run/secrets/pip_ca; fi; \
    pip install --no-deps . \
    && pip uninstall --yes setuptools pip \
    && quotewire --help > /dev/null


FROM ${BASE_IMAGE}
LABEL org.opencontainers.image.title="Quotewire" \
      org.opencontainers.image.description="Who said what, when, in news articles: quote extraction and attribution behind a REST API." \
      org.opencontainers.image.licenses="Apache-2.0"
ENV PATH=/opt/venv/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    QUOTEWIRE_DATABASE_URL=sqlite:////data/quotewire.db

RUN groupadd --system --gid 10001 quotewire \
    && useradd --system --uid 10001 --gid quotewire --no-create-home --home-dir /nonexistent \
        --shell /usr/sbin/nologin quotewire \
    && mkdir /data \
    && chown quotewire:quotewire /data

COPY --from=builder /opt/venv /opt/venv
# The migrations ship inside the installed package (as app.store.migrations); `quotewire db upgrade` finds them there.
WORKDIR /srv/quotewire
COPY scripts/container-entrypoint.sh /usr/local/bin/quotewire-entrypoint

USER quotewire
VOLUME /data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=4).status != 200)"]
ENTRYPOINT ["quotewire-entrypoint"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8000"]

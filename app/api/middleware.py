"""The HTTP manners every response shares, as one middleware stack in one order (`install_middleware`).

From Starlette: CORS (only for the origins configured; off by default) and GZip. From packages made for
the job: request ids echoed in `X-Request-ID` and put on every log record (asgi-correlation-id),
security headers (secure), Prometheus metrics at `/metrics` (prometheus-fastapi-instrumentator).
Here: the ETag and `Cache-Control` of buffered GET answers and the 304 of a conditional GET, which
Starlette leaves to the application and no maintained package does for ASGI.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import FastAPI
from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector
from prometheus_fastapi_instrumentator import Instrumentator
from secure import ReferrerPolicy, Secure, XContentTypeOptions, XFrameOptions
from secure.middleware import SecureASGIMiddleware
from starlette.datastructures import Headers, MutableHeaders
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.responses import RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.config import Settings

REQUEST_ID = re.compile(r"[\w.:@/+=-]{1,128}")  # a client's id such as "req-2024-02-07.42" or a UUID, echoed as sent
GZIP_MIN_BYTES = 1000  # smaller bodies gain less than the compression costs
CACHE_CONTROL = "no-cache"  # any cache may keep an answer but must ask again (a 304 when unchanged): quotes change
# Every response: no MIME sniffing, no framing by other sites, only our origin (not the path and query)
# sent to the sites linked. Pages set their own Content-Security-Policy (app.api.docs).
SECURITY_HEADERS = Secure(
    xcto=XContentTypeOptions(),
    xfo=XFrameOptions().deny(),
    referrer=ReferrerPolicy().strict_origin_when_cross_origin(),
)
HEADERS_SENT_TO_CORS_CLIENTS = ["Link", "Location", "ETag", "X-Request-ID", "Content-Disposition"]


def install_middleware(app: FastAPI, settings: Settings) -> None:
    """Outermost last: metrics see every request, the request id is set before anything logs, the ETag
    is taken of the uncompressed body. The app must be made with `redirect_slashes=False`."""
    app.add_middleware(TrailingSlashRedirect)
    app.add_middleware(ConditionalGetMiddleware)
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MIN_BYTES)
    app.add_middleware(SecureASGIMiddleware, secure=SECURITY_HEADERS)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST", "DELETE"],
            allow_headers=["X-API-Key", "Content-Type", "X-Request-ID", "If-None-Match"],
            expose_headers=HEADERS_SENT_TO_CORS_CLIENTS,
        )
    app.add_middleware(CorrelationIdMiddleware, header_name="X-Request-ID", validator=is_request_id)
    Instrumentator(excluded_handlers=["/metrics"], registry=app_registry()).instrument(app).expose(
        app, include_in_schema=False
    )


def app_registry() -> CollectorRegistry:
    """The app's own metrics (requests, and the process's memory, CPU and garbage collection): a second app
    in one process (the tests) counts its own requests."""
    registry = CollectorRegistry()
    for collector in (ProcessCollector, PlatformCollector, GCCollector):
        collector(registry=registry)
    return registry


class TrailingSlashRedirect:
    """`/quotes/?q=x` answers 308 to `/quotes?q=x`, a path on this server. (Starlette's own redirect names
    the host the request's Host header gave, which any client can set to another site.)"""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        raw_path = scope.get("raw_path") or path.encode()  # an id ending in %2F is no trailing slash
        if scope["type"] != "http" or len(path) < 2 or not raw_path.endswith(b"/"):
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("latin-1")
        location = quote("/" + path.strip("/")) + (f"?{query}" if query else "")  # never `//host`
        await RedirectResponse(location, status_code=308)(scope, receive, send)


def is_request_id(value: str) -> bool:
    """A request id a client sends is kept when it is short and plain; any other is replaced by a new one."""
    return REQUEST_ID.fullmatch(value) is not None


def entity_tag(body: bytes) -> str:
    """A weak tag: the same JSON whatever its compression (RFC 9110 8.8.3)."""
    return f'W/"{hashlib.blake2b(body, digest_size=16).hexdigest()}"'


def matches(if_none_match: str, tag: str) -> bool:
    """If-None-Match compares weakly: `W/"x"` matches `"x"`; `*` matches any current answer."""
    candidates = [candidate.strip().removeprefix("W/") for candidate in if_none_match.split(",")]
    return "*" in candidates or tag.removeprefix("W/") in candidates


class ConditionalGetMiddleware:
    """A GET answered 200 in one piece gets an ETag of its body and `Cache-Control: no-cache`; when the
    request's If-None-Match names that tag, a 304 with those headers and no body goes instead.

    Streamed answers (CSV exports) and answers that already carry a tag (static files) pass untouched.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        if_none_match = Headers(scope=scope).get("if-none-match")
        held: Message | None = None

        async def send_tagged(message: Message) -> None:
            nonlocal held
            if message["type"] == "http.response.start":
                if message["status"] == 200 and "etag" not in Headers(raw=message["headers"]):
                    held = message
                    return
            elif held is not None:
                start, held = held, None
                if message.get("more_body", False):
                    await send(start)
                else:
                    body = message.get("body", b"")
                    headers = MutableHeaders(scope=start)
                    headers["ETag"] = entity_tag(body)
                    headers.setdefault("Cache-Control", CACHE_CONTROL)
                    if if_none_match is not None and matches(if_none_match, headers["ETag"]):
                        await send(not_modified(start))
                        await send({"type": "http.response.body", "body": b""})
                        return
                    await send(start)
            await send(message)

        await self.app(scope, receive, send_tagged)


def not_modified(start: Message) -> Message:
    """The 304 of a 200: the headers RFC 9110 15.4.5 keeps, no content headers."""
    dropped = {b"content-length", b"content-type", b"content-encoding"}
    headers = [(name, value) for name, value in start["headers"] if name.lower() not in dropped]
    return {**start, "status": 304, "headers": headers}

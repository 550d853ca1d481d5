"""The request-body size limit: a 413 problem before a route sees a body over `max_body_bytes`.

Both the declared Content-Length and the bytes actually streamed (chunked uploads declare none) are
checked; an accepted body is buffered once and replayed to the route.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import Problem, problem_response


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self.refuse(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                await self.refuse(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        await self.app(scope, replay(b"".join(chunks), receive), send)

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = Problem(
            413,
            f"The request body is over the limit of {self.max_body_bytes:,} bytes (QUOTEWIRE_MAX_BODY_BYTES).",
            kind="body-too-large",
        )
        await problem_response(Request(scope, receive), problem)(scope, receive, send)


def replay(body: bytes, downstream: Receive) -> Receive:
    """The buffered body once, then whatever the client sends next (its disconnect)."""
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await downstream()

    return receive

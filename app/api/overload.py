"""The bounded queue: a server process holds at most `max_pending` requests at once; past that, a request
is answered at once with a 503 problem and `Retry-After`, instead of waiting behind the others without end.

A request counts from when it arrives until its response starts: a streamed export being sent (or one
whose client stopped reading) no longer counts, nor holds a database connection (`app.api.deps`).
`/health` is never refused: it is how a load balancer tells a busy server from a broken one.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import Problem, problem_response

RETRY_AFTER_SECONDS = 1
ALWAYS_ANSWERED = frozenset({"/health"})


class PendingRequestLimit:
    def __init__(self, app: ASGIApp, max_pending: int) -> None:
        self.app = app
        self.max_pending = max_pending
        self.pending = 0  # only the event loop's thread changes it

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in ALWAYS_ANSWERED:
            await self.app(scope, receive, send)
            return
        if self.pending >= self.max_pending:
            await self.refuse(scope, receive, send)
            return
        self.pending += 1
        counted = True

        def done() -> None:
            nonlocal counted
            if counted:
                counted = False
                self.pending -= 1

        async def send_counting(message: Message) -> None:
            if message["type"] == "http.response.start":
                done()
            await send(message)

        try:
            await self.app(scope, receive, send_counting)
        finally:
            done()

    async def refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        problem = Problem(
            503,
            f"The server is answering {self.max_pending} requests already (QUOTEWIRE_MAX_PENDING_REQUESTS); "
            f"retry in {RETRY_AFTER_SECONDS} s.",
            kind="overloaded",
            title="Overloaded",
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
        await problem_response(Request(scope, receive), problem)(scope, receive, send)

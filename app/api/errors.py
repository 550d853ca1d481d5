"""RFC 9457 problem details: the one shape of every error the API returns, and the handlers that produce it.

Routes raise `Problem(status, detail, ...)`; FastAPI's own errors (unknown route, validation) are
turned into the same `application/problem+json` body by the handlers registered in `install`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_TYPE_BASE = "/problems/"  # relative to the API's own address; GET it to read what the type means

log = logging.getLogger(__name__)
Handler = Callable[[Request, Exception], Awaitable[Response]]


class ParameterError(BaseModel):
    """One rejected input: which parameter (or body field) and why."""

    parameter: str = Field(examples=["limit"])
    message: str = Field(examples=["Input should be less than or equal to 200"])


class ProblemDetails(BaseModel):
    """An error, as RFC 9457 problem details."""

    type: str = Field(examples=[PROBLEM_TYPE_BASE + "invalid-parameter"], description="URI naming the kind of error.")
    title: str = Field(examples=["Invalid parameter"], description="Short summary of the kind of error.")
    status: int = Field(examples=[400], description="The HTTP status code.")
    detail: str = Field(
        examples=["limit: Input should be less than or equal to 200"],
        description="What went wrong with this request, and how to fix it.",
    )
    instance: str = Field(examples=["/quotes?limit=500"], description="The request path and query that failed.")
    errors: list[ParameterError] | None = Field(
        default=None, description="For invalid input: each rejected parameter and why."
    )


class Problem(Exception):
    """Raise from a route to answer with problem details."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        title: str | None = None,
        errors: list[ParameterError] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind or slug_of_status(status)
        self.title = title or HTTPStatus(status).phrase
        self.errors = errors
        self.headers = headers


def invalid_parameter(parameter: str, message: str, *, status: int = 400) -> Problem:
    """A 400 naming one bad query parameter (422 for a body field that fails validation)."""
    names_itself = message.startswith((f"{parameter} ", f"{parameter}:"))
    detail = message if names_itself else f"{parameter}: {message}"
    return Problem(
        status,
        detail,
        kind="invalid-parameter",
        title="Invalid parameter",
        errors=[ParameterError(parameter=parameter, message=message)],
    )


def slug_of_status(status: int) -> str:
    return HTTPStatus(status).phrase.lower().replace(" ", "-").replace("'", "")


def instance_of(request: Request) -> str:
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def problem_response(request: Request, problem: Problem) -> JSONResponse:
    body = ProblemDetails(
        type=PROBLEM_TYPE_BASE + problem.kind,
        title=problem.title,
        status=problem.status,
        detail=problem.detail,
        instance=instance_of(request),
        errors=problem.errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=problem.status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=problem.headers,
    )


def parameter_name(location: tuple[Any, ...]) -> str:
    """`("query", "limit")` -> "limit"; `("body", "text")` -> "body.text"."""
    where, *path = location or ("request",)
    if where == "body":
        return ".".join(["body", *map(str, path)])
    return ".".join(map(str, path)) or str(where)


def validation_problem(exc: RequestValidationError) -> Problem:
    errors = []
    for error in exc.errors():
        name = parameter_name(tuple(error.get("loc", ())))
        message = error.get("msg", "invalid")
        if error.get("type") == "extra_forbidden":
            message = "unknown parameter (check its spelling against the documented parameters)"
        errors.append(ParameterError(parameter=name, message=message))
    detail = "; ".join(f"{e.parameter}: {e.message}" for e in errors) or "invalid request"
    return Problem(422, detail, kind="invalid-parameter", title="Invalid parameter", errors=errors)


async def on_problem(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, Problem)
    return problem_response(request, exc)


async def on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return problem_response(request, validation_problem(exc))


async def on_http_exception(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"There is no resource at {request.url.path}; see /docs for the routes."
    headers = getattr(exc, "headers", None)
    if exc.status_code == 405:
        headers = {**(headers or {}), "Allow": allowed_methods(request)}
    return problem_response(request, Problem(exc.status_code, detail, headers=headers))


HTTP_METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> str:
    """Every method a route answers at this path: Starlette names only those of the first route that matches
    the path (GET /articles, not POST /articles beside it). HEAD goes with GET (app.api.head)."""
    routes = request.app.router.routes
    methods = {
        method
        for method in HTTP_METHODS
        if any(route.matches({**request.scope, "method": method})[0] is Match.FULL for route in routes)
    }
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


def unexpected_error_response(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem_response(request, Problem(500, "An unexpected error occurred; it has been logged."))


class UnexpectedErrorMiddleware:
    """Answers an error no handler took with a 500 problem, and keeps it in the app.

    Starlette's own last-resort handler answers too, but then raises the error on to the server,
    which closes the client's keep-alive connection; this one does not (an error after the response
    started can only be raised on).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_noting_start(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, send_noting_start)
        except Exception as exc:
            if started:
                raise
            await unexpected_error_response(Request(scope), exc)(scope, receive, send)


def install(app: FastAPI, *, before_body_errors: Callable[[Handler], Handler] = lambda handler: handler) -> None:
    """Register the handlers; `before_body_errors` wraps those of bodies that cannot be read or parsed."""
    app.add_exception_handler(Problem, on_problem)
    app.add_exception_handler(RequestValidationError, before_body_errors(on_validation_error))
    app.add_exception_handler(StarletteHTTPException, before_body_errors(on_http_exception))
    app.add_middleware(UnexpectedErrorMiddleware)


PROBLEM_DESCRIPTIONS = {
    400: "Invalid parameter (a tampered cursor, malformed full-text syntax), or a body that is not UTF-8 text.",
    401: "Missing API key: send it as X-API-Key.",
    403: "Wrong API key, or writes are disabled because no key is configured.",
    404: "No such resource.",
    409: "Conflicts with what is stored (a speaker of that name exists: merge instead).",
    413: "Request body over the configured limit (QUOTEWIRE_MAX_BODY_BYTES).",
    415: "Unsupported media type: send application/json.",
    422: "A parameter or body field failed validation (`errors` names each one and why), or a correction cannot "
    "be made as asked.",
    503: "The database is unreachable or its schema is not at the latest migration.",
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses=` declaring problem+json bodies for these statuses."""
    return {
        status: {
            "description": PROBLEM_DESCRIPTIONS[status],
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/ProblemDetails"}}},
        }
        for status in statuses
    }

"""Dependencies routes declare in their signatures: settings, a database session, and the API-key checks.

They do no I/O (a Session connects on first use, in the route), so they are `async def`: FastAPI runs
them on the event loop instead of sending each to a worker thread.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request, Response, Security
from fastapi.routing import APIRoute
from fastapi.security import APIKeyHeader
from sqlmodel import Session

from app.api.errors import Handler, Problem, problem_response
from app.config import Settings

API_KEY_HEADER = "X-API-Key"
api_key_header = APIKeyHeader(
    name=API_KEY_HEADER, auto_error=False, description="The key configured as QUOTEWIRE_API_KEY on the server."
)


async def get_app_settings(request: Request) -> Settings:
    return request.app.state.settings


SettingsDep = Annotated[Settings, Depends(get_app_settings)]


async def get_session(request: Request) -> AsyncIterator[Session]:
    with Session(request.app.state.engine) as session:
        yield session


# Closed when the route returns, before the response is sent: a client slow to read its response
# holds no database connection.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def check_key(settings: Settings, sent: str | None, *, for_what: str) -> None:
    """Raise 401/403 problems unless `sent` matches the configured key (compared in constant time)."""
    if not settings.api_key:
        raise Problem(
            403,
            f"{for_what} are disabled because no API key is configured: start the server with "
            "the environment variable QUOTEWIRE_API_KEY set to a secret, then send it as "
            f"the {API_KEY_HEADER} header.",
            kind="no-api-key-configured",
            title="Writes disabled",
        )
    if not sent:
        raise Problem(
            401,
            f"{for_what} need an API key: send it in the {API_KEY_HEADER} header.",
            kind="missing-api-key",
            title="Missing API key",
            headers={"WWW-Authenticate": API_KEY_HEADER},
        )
    if not secrets.compare_digest(sent.encode(), settings.api_key.encode()):
        raise Problem(
            403,
            f"The {API_KEY_HEADER} header does not match the configured key.",
            kind="wrong-api-key",
            title="Wrong API key",
        )


async def require_write_key(settings: SettingsDep, sent: Annotated[str | None, Security(api_key_header)]) -> None:
    check_key(settings, sent, for_what="Writes")


async def require_read_key(request: Request, settings: SettingsDep) -> None:
    """Reads are open unless configured otherwise; the schema marks them as needing the key only then
    (`app.api.main`), so the header is read here rather than declared as a security scheme."""
    if settings.read_key_required:
        check_key(settings, request.headers.get(API_KEY_HEADER), for_what="Reads")


WriteKeyDep = Depends(require_write_key)


def key_before_body(on_body_error: Handler) -> Handler:
    """FastAPI reads and parses a JSON body before any dependency runs, so a body it cannot parse would
    hide a missing or wrong key; on a route that needs the write key, the key's problem comes first."""

    async def handler(request: Request, exc: Exception) -> Response:
        route = request.scope.get("route")
        if isinstance(route, APIRoute) and WriteKeyDep in route.dependencies:
            try:
                check_key(request.app.state.settings, request.headers.get(API_KEY_HEADER), for_what="Writes")
            except Problem as problem:
                return problem_response(request, problem)
        return await on_body_error(request, exc)

    return handler


ReadKeyDep = Depends(require_read_key)

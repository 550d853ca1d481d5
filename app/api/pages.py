"""List responses: `{"items", "next_cursor", "next_url"}` plus a `Link: <...>; rel="next"` header."""
from __future__ import annotations

from typing import Generic, TypeVar
from urllib.parse import urlencode

from fastapi import Request, Response
from pydantic import BaseModel, Field

from app.api.cursor import encode_cursor
from app.queries import KeysetPosition

Item = TypeVar("Item")

CURSOR_EXAMPLE = "WyJuZXdlc3QiLCIyMDI0LTAyLTA3IiwxMjNd"


class Page(BaseModel, Generic[Item]):
    """One page of a list; follow `next_url` until it is null."""

    items: list[Item]
    next_cursor: str | None = Field(default=None, examples=[CURSOR_EXAMPLE],
                                    description="Opaque: pass it back as `cursor` for the next page; null on the last.")
    next_url: str | None = Field(default=None, examples=[f"/quotes?speaker=Blinken&cursor={CURSOR_EXAMPLE}"],
                                 description="This request with `cursor` set to `next_cursor`; null on the last page.")


def url_with_cursor(request: Request, cursor: str) -> str:
    params = [(name, value) for name, value in request.query_params.multi_items() if name != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


def page_of(request: Request, response: Response, items: list[Item],
            next_position: KeysetPosition | None) -> Page[Item]:
    """The page body, and its Link header on `response` when a next page exists."""
    if next_position is None:
        return Page(items=items)
    cursor = encode_cursor(next_position)
    next_url = url_with_cursor(request, cursor)
    response.headers["Link"] = f'<{next_url}>; rel="next"'
    return Page(items=items, next_cursor=cursor, next_url=next_url)

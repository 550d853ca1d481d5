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
    next_cursor: str | None = Field(
        default=None,
        examples=[CURSOR_EXAMPLE],
        description="Opaque: pass it back as `cursor` for the next page; null on the last.",
    )
    next_url: str | None = Field(
        default=None,
        examples=[f"/quotes?speaker=Blinken&cursor={CURSOR_EXAMPLE}"],
        description="This request with `cursor` set to `next_cursor`; null on the last page.",
    )


def url_with_cursor(request: Request, cursor: str) -> str:
    params = [(name, value) for name, value in request.query_params.multi_items() if name != "cursor"]
    return f"{request.url.path}?{urlencode([*params, ('cursor', cursor)])}"


def page_of(request: Request, items: list[Item], next_position: KeysetPosition | None) -> Response:
    """The page as a JSON response, with its Link header when a next page exists.

    Serialized here, once: the items are already the declared model, so FastAPI's second
    validation of the returned value would only cost time.
    """
    page: Page[Item] = Page(items=items)
    headers = {}
    if next_position is not None:
        cursor = encode_cursor(next_position)
        page = Page(items=items, next_cursor=cursor, next_url=url_with_cursor(request, cursor))
        headers["Link"] = f'<{page.next_url}>; rel="next"'
    return Response(page.model_dump_json(), media_type="application/json", headers=headers)

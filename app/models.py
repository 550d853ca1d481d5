"""Tables (SQLModel) and the public shapes of the API, declared once in Base -> table -> Public chains."""
from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field


class ArticleIn(BaseModel):
    """An article ready to be extracted and stored: what ingest readers and POST /articles produce."""

    title: str | None = Field(default=None, examples=["Mayor says the bridge will reopen in May"])
    text: str = Field(min_length=1, examples=['"We are on schedule," Mayor Ana Ruiz said on Tuesday.'])
    url: str | None = Field(default=None, examples=["https://news.example.com/2024/02/bridge"])
    source: str | None = Field(default=None, examples=["Example Daily"])
    author: str | None = Field(default=None, examples=["Jo Reporter"])
    published: date | None = Field(default=None, examples=["2024-02-07"])

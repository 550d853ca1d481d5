"""Request shapes of the API: the query parameters of quote lists and the body of `POST /articles`."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from app.queries import QuoteFilters, QuoteSort
from app.queries.topics import TopicSort
from app.store.models import ArticleWithQuotes

MAX_LIMIT = 200
MAX_ROW_ID = 2**63 - 1  # SQLite's largest INTEGER: a larger id names no row and cannot even be looked up


class QuoteQuery(BaseModel):
    """Filters, order and page of a quote list. Unknown parameters are rejected, so a typo is never ignored."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    speaker: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["Blinken"],
        description="A full name finds that person only, by any way their name was written "
        "(middle names, initials and titles in front do not matter: 'Donald J. "
        "Trump' is 'Donald Trump'); a bare surname finds every person with that "
        "surname, and quotes whose text named only the surname. Case and "
        "accents are ignored. Pick one of several people by `speaker_id`, "
        "from `/speakers?q=`.",
    )
    speaker_id: int | None = Field(None, ge=1, le=MAX_ROW_ID, examples=[3], description="Speaker id, as in /speakers.")
    topic: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["hostages"],
        description="A taxonomy subject by name, slug or code ('politics', 'medtop:11000000'), "
        "with every narrower subject ('politics' finds 'election'); else a key "
        "term, lemmatized ('the Hostages' finds 'hostage'); or a slug from /topics.",
    )
    q: str | None = Field(
        None,
        min_length=1,
        max_length=500,
        examples=["ceasefire talks"],
        description='Full-text search, stemmed: words (all must occur), "a phrase", OR, -word, prefix*.',
    )
    said_on: date | None = Field(None, alias="date", examples=["2024-02-07"], description="Said on this day.")
    said_from: date | None = Field(
        None, alias="from", examples=["2024-02-01"], description="Said on or after this day."
    )
    said_to: date | None = Field(None, alias="to", examples=["2024-02-29"], description="Said on or before this day.")
    article_id: int | None = Field(
        None, ge=1, le=MAX_ROW_ID, examples=[12], description="Only quotes from this article."
    )
    source: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["Example Daily"],
        description="Only quotes from articles of this source (publisher); case and accents do not matter.",
    )
    kind: Literal["full", "partial", "continuation"] | None = Field(
        None,
        examples=["full"],
        description="full: a whole quoted statement; partial: a phrase quoted inside reported speech; "
        "continuation: the rest of a quote after its attribution.",
    )
    sort: QuoteSort = Field(
        "newest",
        examples=["newest"],
        description="newest or oldest (by said_on, undated quotes last), or relevance (needs q).",
    )
    limit: int = Field(20, ge=1, le=MAX_LIMIT, examples=[20], description=f"Page size, at most {MAX_LIMIT}.")
    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJuZXdlc3QiLCIyMDI0LTAyLTA3IiwxMjNd"],
        description="next_cursor of the previous page.",
    )

    def filters(self) -> QuoteFilters:
        return QuoteFilters(
            speaker=self.speaker,
            speaker_id=self.speaker_id,
            topic=self.topic,
            q=self.q,
            said_on=self.said_on,
            said_from=self.said_from,
            said_to=self.said_to,
            article_id=self.article_id,
            source=self.source,
            kind=self.kind,
        )


class ListQuery(BaseModel):
    """The page of a list other than quotes."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(50, ge=1, le=MAX_LIMIT, examples=[50], description=f"Page size, at most {MAX_LIMIT}.")
    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJuYW1lIiwiYW5hIHJ1aXoiLDNd"],
        description="next_cursor of the previous page.",
    )


class SpeakerListQuery(ListQuery):
    q: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["ruiz"],
        description="Part of a name or alias, case- and accent-insensitive: the candidates a "
        "`speaker=` name may mean, each with its quote count and id.",
    )


class SpeakerTopicsQuery(ListQuery):
    """The topics of one speaker's quotes."""

    kind: Literal["term", "subject"] | None = Field(
        None, examples=["subject"], description="term: key terms of quotes; subject: taxonomy subjects."
    )
    sort: TopicSort = Field(
        "count", examples=["count"], description="count: most quotes first (ties by slug); slug: alphabetical."
    )
    said_from: date | None = Field(
        None, alias="from", examples=["2024-02-01"], description="Count quotes said on or after this day."
    )
    said_to: date | None = Field(
        None, alias="to", examples=["2024-02-29"], description="Count quotes said on or before this day."
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TopicListQuery(SpeakerTopicsQuery):
    sort: TopicSort = Field(
        "slug", examples=["count"], description="slug: alphabetical; count: most quotes first (ties by slug)."
    )
    speaker: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["Blinken"],
        description="Count only this speaker's quotes (name or alias, as in /quotes).",
    )


class ArticleListQuery(ListQuery):
    source: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["Example Daily"],
        description="Only articles of this source; case and accents do not matter.",
    )


class ArticlePost(BaseModel):
    """An article to extract and store: its `text`, or a web page as `html` (text and metadata read from it)."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, max_length=1000, examples=["Mayor says the bridge will reopen in May"])
    text: str | None = Field(None, min_length=1, examples=['"We are on schedule," Mayor Ana Ruiz said on Tuesday.'])
    html: str | None = Field(None, min_length=1, examples=["<html><body><article><p>...</p></article></body></html>"])
    url: str | None = Field(None, max_length=2000, examples=["https://news.example.com/2024/02/bridge"])
    source: str | None = Field(None, max_length=200, examples=["Example Daily"])
    author: str | None = Field(None, max_length=200, examples=["Jo Reporter"])
    published: date | None = Field(
        None, examples=["2024-02-07"], description="Publication day; relative days ('said Tuesday') resolve against it."
    )

    @field_validator("url")
    @classmethod
    def blank_url_is_none(cls, url: str | None) -> str | None:
        """An empty url states no address (two articles without one are two articles, not one)."""
        return url if url and url.strip() else None

    @model_validator(mode="after")
    def text_or_html(self) -> ArticlePost:
        if (self.text is None) == (self.html is None):
            raise ValueError("send exactly one of text or html")
        return self


class PostedArticle(ArticleWithQuotes):
    """The stored article with the quotes extracted from it."""

    status: Literal["new", "updated", "unchanged"] = Field(
        examples=["new"],
        description="new; updated (same url, new content: quotes replaced); "
        "unchanged (identical content already stored, nothing written).",
    )

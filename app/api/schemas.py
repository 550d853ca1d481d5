"""Request shapes of the API: the query parameters of quote lists and the body of `POST /articles`."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, field_validator, model_validator

from app.queries import QuoteFilters, QuoteSort
from app.queries.topics import TopicSort
from app.store.models import ArticleWithQuotes, is_web_address

MAX_LIMIT = 200
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # 2024-02-07


def iso_day_only(value: object) -> object:
    """A day is written YYYY-MM-DD: pydantic would also read a number of seconds ("to=0" as 1970-01-01)."""
    if isinstance(value, date) or isinstance(value, str) and ISO_DAY.fullmatch(value):
        return value
    raise ValueError("a day is written YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(iso_day_only)]
MAX_ROW_ID = 2**63 - 1  # SQLite's largest INTEGER: a larger id names no row and cannot even be looked up


class SpeakerQuoteQuery(BaseModel):
    """Filters, order and page of a quote list. Unknown parameters are rejected, so a typo is never ignored.

    As is, the parameters of `/speakers/{speaker_id}/quotes`, whose path names the speaker;
    `QuoteQuery` adds `speaker_id` for `/quotes`.
    """

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
    said_on: Day | None = Field(None, alias="date", examples=["2024-02-07"], description="Said on this day.")
    said_from: Day | None = Field(None, alias="from", examples=["2024-02-01"], description="Said on or after this day.")
    said_to: Day | None = Field(None, alias="to", examples=["2024-02-29"], description="Said on or before this day.")
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
    distinct: bool = Field(
        False,
        examples=[True],
        description="true: the same words carried by several articles are listed once, at their first seen "
        "occurrence, with how many articles and outlets carried them (see /quotes/{quote_id}/occurrences).",
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

    def filters(self, speaker_id: int | None = None) -> QuoteFilters:
        return QuoteFilters(
            speaker=self.speaker,
            speaker_id=speaker_id,
            topic=self.topic,
            q=self.q,
            said_on=self.said_on,
            said_from=self.said_from,
            said_to=self.said_to,
            article_id=self.article_id,
            source=self.source,
            kind=self.kind,
            distinct=self.distinct,
        )


class QuoteQuery(SpeakerQuoteQuery):
    """The parameters of `/quotes`: every quote-list filter, `speaker_id` among them."""

    speaker_id: int | None = Field(None, ge=1, le=MAX_ROW_ID, examples=[3], description="Speaker id, as in /speakers.")

    def filters(self, speaker_id: int | None = None) -> QuoteFilters:
        return super().filters(speaker_id if speaker_id is not None else self.speaker_id)


class ListQuery(BaseModel):
    """The page of a list other than quotes."""

    model_config = ConfigDict(extra="forbid")

    limit: int = Field(50, ge=1, le=MAX_LIMIT, examples=[50], description=f"Page size, at most {MAX_LIMIT}.")
    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJuYW1lIiwiYW5hIHJ1aXoiLDNd"],  # ["name","ana ruiz",3]: a /speakers cursor
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

    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJjb3VudCIsIjQ6aHVtYW5pdGFyaWFuLWFpZCIsN10"],  # ["count","4:humanitarian-aid",7]
        description="next_cursor of the previous page.",
    )

    kind: Literal["term", "subject"] | None = Field(
        None, examples=["subject"], description="term: key terms of quotes; subject: taxonomy subjects."
    )
    sort: TopicSort = Field(
        "count", examples=["count"], description="count: most quotes first (ties by slug); slug: alphabetical."
    )
    said_from: Day | None = Field(
        None, alias="from", examples=["2024-02-01"], description="Count quotes said on or after this day."
    )
    said_to: Day | None = Field(
        None, alias="to", examples=["2024-02-29"], description="Count quotes said on or before this day."
    )

    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class TopicListQuery(SpeakerTopicsQuery):
    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJzbHVnIiwiaHVtYW5pdGFyaWFuLWFpZCIsN10"],  # ["slug","humanitarian-aid",7]
        description="next_cursor of the previous page.",
    )
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
    cursor: str | None = Field(
        None,
        max_length=1000,
        examples=["WyJpbmdlc3RlZCIsMTIsMTJd"],  # ["ingested",12,12]
        description="next_cursor of the previous page.",
    )
    source: str | None = Field(
        None,
        min_length=1,
        max_length=200,
        examples=["Example Daily"],
        description="Only articles of this source; case and accents do not matter.",
    )


class ArticlePost(BaseModel):
    """An article to extract and store: its `text`, or a web page as `html` (text and metadata read from it).

    At least one of the two; when both come, `text` is the article and `html` is not read (the precedence of
    every ingested record).
    """

    model_config = ConfigDict(extra="forbid")

    title: str | None = Field(None, max_length=1000, examples=["Mayor says the bridge will reopen in May"])
    text: str | None = Field(None, min_length=1, examples=['"We are on schedule," Mayor Ana Ruiz said on Tuesday.'])
    html: str | None = Field(
        None,
        min_length=1,
        examples=["<html><body><article><p>...</p></article></body></html>"],
        description="A web page to read the article from, when no `text` is sent.",
    )
    url: str | None = Field(None, max_length=2000, examples=["https://news.example.com/2024/02/bridge"])
    source: str | None = Field(None, max_length=200, examples=["Example Daily"])
    author: str | None = Field(None, max_length=200, examples=["Jo Reporter"])
    published: Day | None = Field(
        None, examples=["2024-02-07"], description="Publication day; relative days ('said Tuesday') resolve against it."
    )

    @field_validator("text", "html")
    @classmethod
    def something_visible(cls, value: str | None) -> str | None:
        """Whitespace and invisible format characters (zero-width spaces, BOMs) alone are no article."""
        if value is not None and all(char.isspace() or unicodedata.category(char) == "Cf" for char in value):
            raise ValueError("has no visible character")
        return value

    @field_validator("url")
    @classmethod
    def web_address_or_none(cls, url: str | None) -> str | None:
        """An empty url states no address (two articles without one are two articles, not one); any other
        must be an http(s) address, as it is served back as a link (never `javascript:` or `data:`)."""
        if url is None or not url.strip():
            return None
        if not is_web_address(url):
            raise ValueError("must be an http:// or https:// address")
        return url

    @model_validator(mode="after")
    def text_or_html(self) -> ArticlePost:
        if self.text is None and self.html is None:
            raise ValueError("send text or html")
        return self


class PostedArticle(ArticleWithQuotes):
    """The stored article with the quotes extracted from it."""

    status: Literal["new", "updated", "unchanged"] = Field(
        examples=["new"],
        description="new; updated (same url, new content: quotes replaced); "
        "unchanged (identical content already stored, nothing written).",
    )

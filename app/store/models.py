"""Tables (SQLModel) and the public shapes of the API, declared once in Base -> table -> Public chains.

Tables: articles, speakers, speaker_aliases, speaker_corrections, quotes, quote_word_pairs, topics,
quote_topics. The full-text index over quote text is not a model: each database has its own (SQLite's
FTS5 table, PostgreSQL's tsvector column), created by migration 0002 and reached through
`app.store.backends`.
Every index here serves one API filter or sort; the comment beside it says which.
"""

from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from pydantic import BaseModel, field_serializer
from pydantic import Field as InputField
from sqlalchemy import BigInteger, Column, ForeignKey, Index, Integer, MetaData, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

# Stable constraint names, so Alembic (batch mode on SQLite) can find and alter them later.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
metadata: MetaData = SQLModel.metadata


def utc_now() -> datetime:
    return datetime.now(UTC)


class ArticleIn(BaseModel):
    """An article ready to be extracted and stored: what ingest readers and POST /articles produce."""

    title: str | None = InputField(default=None, examples=["Mayor says the bridge will reopen in May"])
    text: str = InputField(min_length=1, examples=['"We are on schedule," Mayor Ana Ruiz said on Tuesday.'])
    url: str | None = InputField(default=None, examples=["https://news.example.com/2024/02/bridge"])
    source: str | None = InputField(default=None, examples=["Example Daily"])
    author: str | None = InputField(default=None, examples=["Jo Reporter"])
    published: date | None = InputField(default=None, examples=["2024-02-07"])


# --- articles ---------------------------------------------------------------------------------


class ArticleBase(SQLModel):
    title: str | None = Field(default=None, schema_extra={"examples": ["Mayor says the bridge will reopen in May"]})
    url: str | None = Field(default=None, schema_extra={"examples": ["https://news.example.com/2024/02/bridge"]})
    source: str | None = Field(default=None, schema_extra={"examples": ["Example Daily"]})
    author: str | None = Field(default=None, schema_extra={"examples": ["Jo Reporter"]})
    published_at: date | None = Field(default=None, schema_extra={"examples": ["2024-02-07"]})


# Ids are never reused after a delete (SQLite AUTOINCREMENT): a client's stored quote id keeps meaning one quote.
NEVER_REUSE_IDS = {"sqlite_autoincrement": True}


class Article(ArticleBase, table=True):
    __tablename__ = "articles"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = Field(default=None, primary_key=True)
    url: str | None = Field(default=None, unique=True)  # NULLs never collide, so unique only when present
    source_key: str | None = Field(default=None, index=True)  # filter: source (app.store.keys folds it)
    text: str = Field(sa_type=Text)
    content_hash: str = Field(unique=True, max_length=64)  # sha256 of title and text: re-ingest detection
    ingested_at: datetime = Field(default_factory=utc_now)


def is_web_address(url: str) -> bool:
    """http(s) with a host: the only addresses served as an article's link (never `javascript:` or `data:`)."""
    address = urlsplit(url.strip())
    return address.scheme.lower() in ("http", "https") and bool(address.netloc)


# Schemes a browser runs or renders inline when a page links them: never served back.
SCRIPT_SCHEMES = ("javascript", "vbscript", "data")


def web_link(url: str | None) -> str | None:
    """A stored url as served: none when a browser would run it (stored before posts were checked, or by a
    file ingest); other addresses, web or an archive's own identifiers (`archive://2024/17`), as stored."""
    if url is None or urlsplit(url.strip()).scheme.lower() in SCRIPT_SCHEMES:
        return None
    return url


class ArticleRef(ArticleBase):
    """The article a quote comes from, as embedded in a quote item."""

    id: int = Field(schema_extra={"examples": [12]})

    @field_serializer("url")
    def served_url(self, url: str | None) -> str | None:
        return web_link(url)


class ArticlePublic(ArticleRef):
    """An article in lists: its metadata and how many quotes it holds."""

    ingested_at: datetime = Field(schema_extra={"examples": ["2024-02-07T09:30:00Z"]})
    quote_count: int = Field(default=0, schema_extra={"examples": [7]})


# --- speakers ---------------------------------------------------------------------------------


class SpeakerBase(SQLModel):
    name: str = Field(schema_extra={"examples": ["Ana Ruiz"]})
    title: str | None = Field(default=None, schema_extra={"examples": ["Mayor"]})


class Speaker(SpeakerBase, table=True):
    """One person or body, merged across articles by `key` (the name with case, accents and punctuation folded)."""

    __tablename__ = "speakers"
    __table_args__ = (NEVER_REUSE_IDS,)

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    kind: str = Field(default="person")  # person | organization | group
    key: str = Field(unique=True)
    # Folded last name of a multi-word person name: a bare "Ruiz" joins "Ana Ruiz" through it,
    # and `speaker=Ruiz` finds her. NULL for organizations and one-word names.
    surname_key: str | None = Field(default=None, index=True)


class SpeakerRef(SpeakerBase):
    """Who said a quote, as embedded in a quote item."""

    id: int = Field(schema_extra={"examples": [3]})


class SpeakerPublic(SpeakerRef):
    """A speaker in lists: every form the name was written in and how many quotes they have."""

    kind: str = Field(schema_extra={"examples": ["person"]})
    aliases: list[str] = Field(default_factory=list, schema_extra={"examples": [["Ana Ruiz", "Ruiz", "the mayor"]]})
    quote_count: int = Field(default=0, schema_extra={"examples": [14]})


class SpeakerAlias(SQLModel, table=True):
    """A name variant a speaker was written as ("Ruiz", "Ana M. Ruiz"); one row per folded form.
    Descriptions ("the mayor") are no aliases: they stay on the quote as its `mention`."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (
        UniqueConstraint("speaker_id", "key"),
        Index("ix_speaker_aliases_key_speaker_id", "key", "speaker_id"),  # filter: speaker (name or alias)
    )

    id: int | None = Field(default=None, primary_key=True)
    speaker_id: int = Field(sa_column=Column(Integer, ForeignKey("speakers.id", ondelete="CASCADE"), nullable=False))
    alias: str
    key: str
    # set by a newsroom correction (merge, split): this name is this speaker, whatever the merging rules say
    corrected: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})


class SpeakerCorrection(SQLModel, table=True):
    """A correction by the newsroom, kept so it is applied again when an article is ingested again.

    merge:    the speaker known as `name` (folded in `key`) is speaker `speaker_id`;
    split:    the name `name` is its own speaker, `speaker_id`, not the one it was merged into;
    reassign: the quote `quote_text` at `quote_start` of article `article_id` is by `speaker_id`
              (None: by no one named).
    """

    __tablename__ = "speaker_corrections"

    id: int | None = Field(default=None, primary_key=True)
    action: str  # merge | split | reassign
    speaker_id: int | None = None
    name: str | None = None
    key: str | None = None
    article_id: int | None = Field(
        default=None,
        sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=True, index=True),
    )  # an article's reassignments, applied when it is saved
    quote_text: str | None = Field(default=None, sa_type=Text)
    quote_start: int | None = None
    made_at: datetime = Field(default_factory=utc_now)


class SpeakerCorrectionPublic(SQLModel):
    """A stored correction."""

    id: int = Field(schema_extra={"examples": [1]})
    action: str = Field(schema_extra={"examples": ["merge"]})
    speaker_id: int | None = Field(default=None, schema_extra={"examples": [3]})
    name: str | None = Field(default=None, schema_extra={"examples": ["A. Ruiz"]})
    article_id: int | None = Field(default=None, schema_extra={"examples": [None]})
    quote_text: str | None = Field(default=None, schema_extra={"examples": [None]})
    made_at: datetime = Field(schema_extra={"examples": ["2024-02-07T09:30:00Z"]})


# --- topics -----------------------------------------------------------------------------------


class TopicBase(SQLModel):
    slug: str = Field(schema_extra={"examples": ["election"]})
    name: str = Field(schema_extra={"examples": ["election"]})
    kind: str = Field(default="term", schema_extra={"examples": ["subject"]})  # "term" or "subject"
    code: str | None = Field(default=None, schema_extra={"examples": ["medtop:20000574"]})  # a subject's code
    broader: str | None = Field(default=None, schema_extra={"examples": ["politics"]})  # slug of the broader subject


class Topic(TopicBase, table=True):
    """A quote's topic: an extractor key term ("hostage") or a taxonomy subject ("politics", "election")."""

    __tablename__ = "topics"

    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(unique=True)


class TopicPublic(TopicBase):
    """A topic in lists, with how many quotes carry it."""

    quote_count: int = Field(default=0, schema_extra={"examples": [42]})


class QuoteTopic(SQLModel, table=True):
    """Link quote <-> topic. `said_on` repeats the quote's date so `topic=` pages by date from one index."""

    __tablename__ = "quote_topics"
    __table_args__ = (
        Index("ix_quote_topics_topic_id_said_on_quote_id", "topic_id", "said_on", "quote_id"),  # filter: topic
    )

    quote_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True)
    )  # the primary key (quote_id, topic_id) serves quote -> topics
    topic_id: int = Field(sa_column=Column(Integer, ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True))
    said_on: date | None = None
    score: float | None = None  # a subject's score for this quote (app.extract.subjects); None for a term


# --- quotes -----------------------------------------------------------------------------------


class QuoteBase(SQLModel):
    text: str = Field(sa_type=Text, schema_extra={"examples": ["We are on schedule"]})
    start: int = Field(schema_extra={"examples": [1]})  # character offsets of `text` in the article
    end: int = Field(schema_extra={"examples": [19]})
    context: str = Field(
        sa_type=Text, schema_extra={"examples": ['"We are on schedule," Mayor Ana Ruiz said on Tuesday.']}
    )
    cue: str | None = Field(default=None, schema_extra={"examples": ["said"]})
    kind: str = Field(default="full", schema_extra={"examples": ["full"]})  # full | partial | continuation
    said_on: date | None = Field(default=None, schema_extra={"examples": ["2024-02-06"]})


class Quote(QuoteBase, table=True):
    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_said_on_id", "said_on", "id"),  # sort newest/oldest, filter: date, from/to
        Index("ix_quotes_speaker_id_said_on_id", "speaker_id", "said_on", "id"),  # filter: speaker, speaker_id
        Index("ix_quotes_article_id_start", "article_id", "start"),  # filter: article_id; an article's quotes in order
        Index("ix_quotes_kind_said_on_id", "kind", "said_on", "id"),  # filter: kind
        Index("ix_quotes_occurrence_group", "occurrence_group"),  # a group's occurrences; distinct=true
        NEVER_REUSE_IDS,
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(sa_column=Column(Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False))
    speaker_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("speakers.id", ondelete="SET NULL"), nullable=True)
    )
    mention: str | None = None  # the speaker as written at this quote ("he", "a senior official"), also when anonymous
    sieve: str | None = None  # which attribution rule decided the speaker
    confidence: float = 0.0
    # the name the extractor gave the speaker in this article, role words in front dropped: the
    # cross-article merging is worked out again from it when a namesake arrives or leaves
    speaker_name: str | None = None
    speaker_corrected: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})  # set by hand
    # The same words carried by several articles (app.verify.groups): the id of the group's first stored
    # quote, on every member. NULL: no other stored quote has these words (or too few words to tell).
    occurrence_group: int | None = None


class QuoteWordPair(SQLModel, table=True):
    """A pair of neighbouring words of a quote, as a 64-bit key (app.verify.search): what finds the quotes
    a claimed quote may be, and the stored quote a new one repeats, without reading every quote."""

    __tablename__ = "quote_word_pairs"
    __table_args__ = (
        Index("ix_quote_word_pairs_quote_id", "quote_id"),  # a deleted quote's pairs go with it
        {"sqlite_with_rowid": False},  # the primary key is the table: one B-tree, no second copy
    )

    pair: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))  # filter: verify
    quote_id: int = Field(
        sa_column=Column(Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False)
    )


class QuotePublic(QuoteBase):
    """A quote item of the API."""

    id: int = Field(schema_extra={"examples": [101]})
    speaker: SpeakerRef | None = None
    article: ArticleRef
    topics: list[str] = Field(default_factory=list, schema_extra={"examples": [["politics", "government", "bridge"]]})
    mention: str | None = Field(default=None, schema_extra={"examples": ["the mayor"]})  # the speaker as written
    sieve: str | None = Field(default=None, schema_extra={"examples": ["cue_after_quote"]})  # the attributing rule
    confidence: float = Field(default=0.0, schema_extra={"examples": [0.9]})
    speaker_corrected: bool = Field(
        default=False,
        schema_extra={"examples": [False]},
        description="The speaker was set by a newsroom correction, not by the extractor.",
    )


class ArticleWithQuotes(ArticlePublic):
    """One article with every quote found in it, in order of appearance."""

    quotes: list[QuotePublic] = Field(default_factory=list)

"""The word-pair index: where a claim's candidates are found, without reading the archive.

    pair_keys(["we", "will", "rebuild", "it"])   -> the keys of "we will", "will rebuild", "rebuild it"
    index_quotes(session, quote_ids, texts)       # on ingest: each quote's pairs into `quote_word_pairs`
    candidate_ids(session, claim_keys, 30)        # the quotes sharing the most pairs with the claim

A misquote keeps most pairs of its source side by side, while two quotes that merely share a few
words rarely share a pair; so the stored quotes sharing the most pairs with a claim are its
candidates. The word index of `q=` cannot answer this in time: a pair there is a phrase query,
which reads every occurrence of both words (tens of milliseconds for common words at a million
quotes), while a pair here is one index range of its own. Pairs of two function words ("of the")
match a large part of any archive and are not searched when the claim has others.

Each pair is stored as a 64-bit key (blake2b of the two folded words), with its quote id; rows
go when their quote does (ON DELETE CASCADE). Plain SQL: any engine serves it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from hashlib import blake2b

from sqlalchemy import Integer, bindparam, func, insert, select
from sqlmodel import Session, col
from stop_words import get_stop_words  # type: ignore[import-untyped]

from app.store.models import Quote, QuoteWordPair, metadata
from app.verify.wording import keys

FUNCTION_WORDS = frozenset(word.casefold() for word in get_stop_words("en"))
MAX_SEARCHED_PAIRS = 24  # a long claim is searched on this many of its pairs, spread over it


def pair_key(first: str, second: str) -> int:
    """A pair of folded words as a signed 64-bit integer (a SQL BIGINT)."""
    digest = blake2b(f"{first} {second}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def pair_keys(words: Sequence[str]) -> list[int]:
    """The keys of each pair of neighbouring words, in order, once each; a one-word text is its word."""
    if len(words) == 1:
        return [pair_key(words[0], "")]
    return list(dict.fromkeys(pair_key(a, b) for a, b in zip(words, words[1:])))


def searched_pairs(words: Sequence[str]) -> list[int]:
    """The pair keys a claim is searched on: those with a content word (all, when none has one),
    at most MAX_SEARCHED_PAIRS, spread over the claim."""
    if len(words) < 2:
        return pair_keys(words)
    pairs = [(a, b) for a, b in zip(words, words[1:])]
    telling = [(a, b) for a, b in pairs if a not in FUNCTION_WORDS or b not in FUNCTION_WORDS] or pairs
    unique = list(dict.fromkeys(telling))
    if len(unique) > MAX_SEARCHED_PAIRS:
        step = len(unique) / MAX_SEARCHED_PAIRS
        unique = [unique[int(i * step)] for i in range(MAX_SEARCHED_PAIRS)]
    return [pair_key(a, b) for a, b in unique]


def pair_rows(quote_ids: Sequence[int], texts: Sequence[str]) -> Iterator[dict[str, int]]:
    """The `quote_word_pairs` rows of quotes: one per distinct pair of each."""
    for quote_id, text in zip(quote_ids, texts):
        for key in pair_keys(keys(text)):
            yield {"pair": key, "quote_id": quote_id}


INSERT_PAIRS = insert(metadata.tables["quote_word_pairs"])  # Core, not the ORM's bulk path: a third of the time


def index_quotes(session: Session, quote_ids: Sequence[int], texts: Sequence[str]) -> None:
    """Add the word pairs of newly inserted quotes (in the caller's transaction)."""
    rows = list(pair_rows(quote_ids, texts))
    if rows:
        session.connection().execute(INSERT_PAIRS, rows)


PAIR = col(QuoteWordPair.pair)
SHARED = func.count().label("shared")
CANDIDATES = (
    select(col(QuoteWordPair.quote_id), SHARED)
    .where(PAIR.in_(bindparam("pairs", expanding=True)))
    .group_by(col(QuoteWordPair.quote_id))
    .order_by(SHARED.desc(), col(QuoteWordPair.quote_id))
    .limit(bindparam("count", type_=Integer))
)
# built once, as every statement here: ingest runs one per new quote
CANDIDATES_FROM_OTHER_ARTICLES = CANDIDATES.join(Quote, col(Quote.id) == col(QuoteWordPair.quote_id)).where(
    col(Quote.article_id) != bindparam("article_id")
)


def candidate_ids(
    session: Session, claim_keys: Sequence[str], count: int, *, other_than_article: int | None = None
) -> list[int]:
    """Ids of up to `count` quotes sharing the most word pairs with the claim (optionally outside one article)."""
    pairs = searched_pairs(claim_keys)
    if not pairs:
        return []
    values = {"pairs": pairs, "count": count, "article_id": other_than_article}
    statement = CANDIDATES if other_than_article is None else CANDIDATES_FROM_OTHER_ARTICLES
    return [quote_id for quote_id, _ in session.connection().execute(statement, values)]

"""The word-pair index: filled on ingest, emptied with its quotes, and what finds a claim's candidates."""
from __future__ import annotations

from sqlalchemy import func, select
from sqlmodel import Session

from app.ingest import ingest_article
from app.store.articles import delete_article
from app.store.models import ArticleIn, QuoteWordPair
from app.verify.search import FUNCTION_WORDS, pair_keys, searched_pairs


def test_pairs_are_neighbouring_words_once_each():
    assert len(pair_keys(["we", "will", "we", "will"])) == 2  # "we will", "will we"
    assert pair_keys(["alone"]) and pair_keys([]) == []


def test_pairs_of_two_function_words_are_not_searched_beside_others():
    assert {"of", "the"} <= FUNCTION_WORDS
    claim = ["the", "end", "of", "the", "tunnel"]
    assert pair_keys(["of", "the"])[0] not in searched_pairs(claim)
    assert searched_pairs(["of", "the"]) == pair_keys(["of", "the"])  # unless nothing else is left


def pair_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(QuoteWordPair)) or 0


def test_ingest_indexes_each_quote_and_a_delete_removes_its_pairs(session):
    text = '"The lifeboat station needs a new slipway before winter," said coxswain Ilse Marr.'
    result = ingest_article(session, ArticleIn(title="Slipway", text=text))
    quoted = ["the", "lifeboat", "station", "needs", "a", "new", "slipway", "before", "winter"]
    assert pair_count(session) == len(pair_keys(quoted))
    delete_article(session, result.article_id)
    assert pair_count(session) == 0

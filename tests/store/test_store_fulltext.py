"""Full-text search over quote text: kept in sync by triggers, stemmed, and safe against malformed input."""
from __future__ import annotations

import pytest
from sqlalchemy import select, update

from app.store.models import Quote
from app.store.backends import backend_for
from app.store.base import FullTextSyntaxError
from app.store.search_syntax import CONTROL_CHARACTER, QUERY_TOKEN, WORD_CHARACTER, SearchTerm, parse_search
from app.store.postgres import PREFIX_WORD
from app.store.sqlite import render_fts5
from conftest import person, said

def fulltext(query: str, session=None):
    """The engine's full-text match for `query` (SQLite's without a session: parsing needs no engine)."""
    return backend_for(session.get_bind().dialect.name if session else "sqlite").fulltext(query)


def matching_texts(session, query: str) -> list[str]:
    return sorted(session.scalars(select(Quote.text).where(fulltext(query, session).condition)))


@pytest.fixture
def stored(save):
    save([
        said("We are negotiating a ceasefire with every party", person("Lena Varga"), start=0),
        said("The harbour bridge will reopen in May", person("Ana Ruiz"), start=60),
        said("Talks on the bridge tolls have stalled", person("Ana Ruiz"), start=120),
    ])


def test_plain_words_are_stemmed_and_all_required(session, stored):
    assert matching_texts(session, "negotiate") == ["We are negotiating a ceasefire with every party"]
    assert matching_texts(session, "bridge reopened") == ["The harbour bridge will reopen in May"]
    assert matching_texts(session, "bridge ceasefire") == []


def test_or_phrase_exclusion_and_prefix(session, stored):
    assert len(matching_texts(session, "ceasefire OR tolls")) == 2
    assert matching_texts(session, '"bridge will reopen"') == ["The harbour bridge will reopen in May"]
    assert matching_texts(session, '"reopen bridge"') == []
    assert matching_texts(session, "bridge -tolls") == ["The harbour bridge will reopen in May"]
    assert matching_texts(session, "bridge NOT tolls") == ["The harbour bridge will reopen in May"]
    assert matching_texts(session, "harb*") == ["The harbour bridge will reopen in May"]


def test_fts5_syntax_in_user_text_is_searched_as_words(session, stored):
    assert matching_texts(session, "talks: bridge^ (tolls) {stalled}") == ["Talks on the bridge tolls have stalled"]
    assert matching_texts(session, "NEAR(bridge tolls)") == []  # a phrase "near bridge tolls", not an operator
    assert matching_texts(session, "and") == []  # lower-case operators are plain words


def test_control_characters_are_separators_not_a_server_error(session, stored):
    assert matching_texts(session, "harbour\x00bridge\t") == ["The harbour bridge will reopen in May"]
    assert CONTROL_CHARACTER.sub(" ", "a\x00b\x1fc\x7fd\ne") == "a b c d e"


@pytest.mark.parametrize("query, reason", [
    ("AND OR", "AND needs a search term"),
    ('"unbalanced phrase', "unbalanced double quote"),
    ("bridge OR", "OR needs a search term after it"),
    ("-bridge", "only exclusions"),
    ("   ", "no word to search for"),
    ("!!! ...", "no word to search for"),
])
def test_malformed_queries_raise_a_clear_error(query, reason):
    with pytest.raises(FullTextSyntaxError, match=reason):
        fulltext(query)


def test_index_follows_inserts_updates_and_deletes(session, stored):
    quote = session.scalars(select(Quote).where(fulltext("harbour", session).condition)).one()
    session.execute(update(Quote).where(Quote.id == quote.id).values(text="The ferry will run all winter"))
    session.commit()
    assert matching_texts(session, "harbour") == []
    assert matching_texts(session, "ferry") == ["The ferry will run all winter"]
    session.delete(session.get(Quote, quote.id))
    session.commit()
    assert matching_texts(session, "ferry") == []


def test_ranked_subquery_orders_by_relevance(session, stored):
    ranked = fulltext("bridge", session).ranked
    rows = session.execute(
        select(Quote.text, ranked.c.rank).join(ranked, ranked.c.quote_id == Quote.id).order_by(ranked.c.rank)
    ).all()
    assert {text for text, _ in rows} == {"The harbour bridge will reopen in May", "Talks on the bridge tolls have stalled"}
    assert rows[0].rank <= rows[1].rank


def test_fts5_rendering_quotes_every_term():
    query = parse_search('bridge OR "ferry line" -tolls negotiat*')
    assert render_fts5(query) == '(("bridge" OR "ferry line") AND ("negotiat" *)) NOT "tolls"'


def test_query_token_pattern_splits_phrases_chunks_and_marks():
    tokens = [m.group(0) for m in QUERY_TOKEN.finditer('-"road works"* bridge-tolls OR x')]
    assert tokens == ['-"road works"*', "bridge-tolls", "OR", "x"]


def test_word_character_pattern_finds_letters_and_digits_of_any_script():
    assert WORD_CHARACTER.search("Zürich") and WORD_CHARACTER.search("2024") and WORD_CHARACTER.search("ציון")
    assert not WORD_CHARACTER.search("-_*…")


def test_search_terms_keep_the_users_text():
    assert parse_search("Bridges").required == ((SearchTerm("Bridges"),),)


def test_a_prefix_term_becomes_lexemes_without_tsquery_operators():
    assert PREFIX_WORD.findall("harbour-side ferry_line's & !toll") == ["harbour", "side", "ferry", "line", "s", "toll"]

"""ingest_article (the write path) and delete_article: new / unchanged / updated, all-or-nothing, cascades, topics."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

import app.store.articles
from app.extract.records import SubjectScore
from app.store.models import Article, ArticleIn, Quote, QuoteTopic, Speaker, SpeakerAlias, Topic
from app.ingest import ingest_article
from app.store.articles import delete_article
from conftest import BRIDGE_ARTICLE, person, said

RUIZ = person("Ana Ruiz", "Mayor Ana Ruiz", title="Mayor")


def count(session, model) -> int:
    return session.scalar(select(func.count()).select_from(model))


def test_new_article_is_stored_with_its_quotes(session, save):
    result = save([said("We are on schedule", RUIZ, said_on=date(2024, 3, 5)), said("Nobody told us", person(None, "a shop owner"))],
                  url="https://herald.example/bridge", published=date(2024, 3, 6))
    assert (result.status, result.quote_count) == ("new", 2)
    article = session.get(Article, result.article_id)
    assert (article.url, article.published_at, article.source) == ("https://herald.example/bridge", date(2024, 3, 6), "Harbour Herald")
    quotes = session.scalars(select(Quote).order_by(Quote.id)).all()
    assert [q.said_on for q in quotes] == [date(2024, 3, 5), date(2024, 3, 6)]  # no date of its own: the publication date
    assert quotes[0].speaker_id is not None and quotes[0].mention == "Mayor Ana Ruiz"
    assert quotes[1].speaker_id is None and quotes[1].mention == "a shop owner"  # anonymous: no speaker row


def test_same_content_again_is_unchanged_and_writes_nothing(session, save):
    first = save([said("We are on schedule", RUIZ)])
    calls = []
    again = ingest_article(session, ArticleIn(title="Harbour bridge to reopen in May", text=BRIDGE_ARTICLE),
                           extractor=lambda *a, **k: calls.append(1) or [])
    assert (again.status, again.article_id, again.quote_count) == ("unchanged", first.article_id, 1)
    assert calls == [] and count(session, Article) == 1 and count(session, Quote) == 1


def test_same_url_with_new_content_replaces_text_and_quotes(session, save):
    url = "https://herald.example/bridge"
    first = save([said("We are on schedule", RUIZ), said("The crews worked all winter", RUIZ)], url=url)
    second = save([said("We are a week late", RUIZ)], url=url, text=BRIDGE_ARTICLE + "Update: a week late.")
    assert (second.status, second.article_id, second.quote_count) == ("updated", first.article_id, 1)
    assert session.scalars(select(Quote.text)).all() == ["We are a week late"]
    assert session.get(Article, first.article_id).text.endswith("a week late.")
    assert count(session, Article) == 1


def test_a_failure_mid_save_leaves_no_partial_article(session, save, monkeypatch):
    def broken_link_topics(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(app.store.articles, "link_topics", broken_link_topics)
    with pytest.raises(RuntimeError, match="disk on fire"):
        save([said("We are on schedule", RUIZ, topics=("bridge",))], url="https://herald.example/bridge")
    for model in (Article, Quote, Speaker, SpeakerAlias, Topic):
        assert count(session, model) == 0, model.__name__


def test_a_failed_update_keeps_the_previous_version(session, save, monkeypatch):
    url = "https://herald.example/bridge"
    save([said("We are on schedule", RUIZ)], url=url)
    monkeypatch.setattr(app.store.articles, "link_topics", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        save([said("We are late", RUIZ)], url=url, text="A different text")
    assert session.scalars(select(Quote.text)).all() == ["We are on schedule"]


def test_a_unique_key_race_is_retried_then_raised(session, save, monkeypatch):
    attempts = []

    class UniqueViolation(Exception):
        sqlstate = "23505"  # what PostgreSQL's driver reports; SQLite's IntegrityError has none

    def colliding_write(*args, **kwargs):
        attempts.append(1)
        raise IntegrityError("INSERT", {}, UniqueViolation("UNIQUE constraint failed"))

    monkeypatch.setattr(app.store.articles, "_write_article", colliding_write)
    with pytest.raises(IntegrityError):
        save([said("We are on schedule", RUIZ)])
    assert len(attempts) == app.store.articles.WRITE_ATTEMPTS


def test_quotes_get_their_terms_and_ranked_subjects(session, save):
    save([said("Count every ballot before the runoff", RUIZ, topics=("ballot", "runoff"), said_on=date(2024, 3, 5),
               subjects=(SubjectScore("politics", "medtop:11000000", 9.5, "politics"),),
               subject_details=(SubjectScore("election", "medtop:20000574", 2.0, "election"),))])
    topics = {t.slug: (t.kind, t.code, t.broader) for t in session.scalars(select(Topic))}
    assert topics == {"ballot": ("term", None, None), "runoff": ("term", None, None),
                      "politics": ("subject", "medtop:11000000", None),
                      "election": ("subject", "medtop:20000574", "politics")}
    links = session.scalars(select(QuoteTopic)).all()
    assert len(links) == 4 and {link.said_on for link in links} == {date(2024, 3, 5)}
    assert sorted(link.score for link in links if link.score is not None) == [2.0, 9.5]


def test_a_term_spelled_like_a_subject_does_not_file_the_quote_under_that_subject(session, save):
    save([said("The government has a plan for the harbour", RUIZ, topics=("government", "harbour"))])
    assert [(t.slug, t.kind) for t in session.scalars(select(Topic))] == [("harbour", "term")]


def test_deleting_an_article_cascades_to_quotes_links_and_orphan_speakers(session, save):
    kept = save([said("The ferry runs all winter", person("Tomas Brandt"), topics=("ferry",))], text="Ferry story")
    gone = save([said("We are on schedule", RUIZ, topics=("bridge",)),
                 said("Ferries are fine", person("Tomas Brandt"))])
    assert delete_article(session, gone.article_id) is True
    assert delete_article(session, gone.article_id) is False
    assert session.scalars(select(Quote.text)).all() == ["The ferry runs all winter"]
    assert session.scalars(select(Speaker.name)).all() == ["Tomas Brandt"]  # Ruiz had no other quote
    assert count(session, QuoteTopic) == 1
    assert kept.article_id != gone.article_id


def test_foreign_keys_are_enforced(session, save):
    save([said("We are on schedule", RUIZ)])
    session.add(Quote(article_id=999, text="x", start=0, end=1, context="x"))
    with pytest.raises(IntegrityError, match="(?i)foreign key"):
        session.commit()


def test_ids_are_not_reused_after_a_delete(session, save):
    first = save([said("We are on schedule", RUIZ)])
    quote_id = session.scalar(select(Quote.id))
    delete_article(session, first.article_id)
    second = save([said("We are on schedule", RUIZ)], text="Another text")
    assert second.article_id > first.article_id and session.scalar(select(Quote.id)) > quote_id


def test_the_real_extractor_is_used_by_default(session):
    text = ('"The tunnel will open in June," Transport Minister Petra Holm said on Monday.\n'
            'Holm added: "The crews have worked through the winter."\n')
    result = ingest_article(session, ArticleIn(title="Tunnel opens in June", text=text, published=date(2025, 1, 13)))
    assert result.status == "new" and result.quote_count >= 1
    assert "Petra Holm" in session.scalars(select(Speaker.name)).all()

"""Quote items are built from table rows without validation: they must equal validated models, JSON and all."""
from __future__ import annotations

from datetime import date

import pytest

from app.store.models import ArticleRef, QuotePublic, SpeakerRef
from app.queries.quote_items import quote_items, trusted
from tests.api.conftest import said

SPEAKER = {"id": 3, "name": "Ana Ruiz", "title": None}
ARTICLE = {"id": 12, "title": "Bridge", "url": None, "source": "Riverton Ledger", "author": None,
           "published_at": date(2024, 3, 8)}
# Every field of a quote item, from the model's examples (so a new field is here too), then these values.
EXAMPLES = {name: field.examples[0] for name, field in QuotePublic.model_fields.items() if field.examples}
QUOTE = QuotePublic.model_validate(EXAMPLES | {"article": ARTICLE}).model_dump(exclude={"speaker", "article"}) | {
         "id": 101, "text": "We are on schedule", "start": 1, "end": 19, "context": '"We are on schedule," she said.',
         "cue": "said", "kind": "full", "said_on": date(2024, 3, 7), "mention": None, "sieve": "test",
         "confidence": 0.9, "topics": ["bridge"], "speaker_corrected": False}


@pytest.mark.parametrize("speaker", [SPEAKER, None])
def test_a_trusted_model_equals_the_validated_one(speaker):
    values = QUOTE | {"article": trusted(ArticleRef, ARTICLE),
                      "speaker": trusted(SpeakerRef, speaker) if speaker else None}
    built = trusted(QuotePublic, values)
    validated = QuotePublic.model_validate(QUOTE | {"article": ARTICLE, "speaker": speaker})
    assert built == validated
    assert built.model_dump_json() == validated.model_dump_json()
    assert built.model_fields_set == validated.model_fields_set
    assert built.speaker == validated.speaker and built.article.published_at == date(2024, 3, 8)


def test_a_trusted_model_lists_its_fields_in_declared_order_whatever_order_they_come_in():
    assert trusted(SpeakerRef, dict(reversed(SPEAKER.items()))).model_dump_json() == \
        SpeakerRef.model_validate(SPEAKER).model_dump_json()


def test_a_trusted_model_needs_every_field():
    with pytest.raises(KeyError, match="title"):
        trusted(SpeakerRef, {"id": 3, "name": "Ana Ruiz"})


def test_stored_items_equal_their_validated_copies(store, newsroom):
    ids = [quote.id for quote in newsroom.quotes.values()]
    items = quote_items(store.session, ids)
    assert [item.id for item in items] == ids
    for item in items:
        validated = QuotePublic.model_validate(item.model_dump())
        assert item == validated and item.model_dump_json() == validated.model_dump_json()


def test_a_quotes_topics_list_subjects_then_terms_each_by_name(store, newsroom):
    [quote] = store.article("Ports, rail and roads", said("Ports, rail and roads", said_on=date(2024, 3, 9), start=400,
                                                          topics=("rail", "Øresund link", "port, harbour", "bridge"),
                                                          subjects=("transport and infrastructure", "economy"))).quotes
    [item] = quote_items(store.session, [quote.id])
    assert item.topics == ["economy", "transport and infrastructure", "bridge", "port, harbour", "rail", "Øresund link"]
    [untagged] = quote_items(store.session, [newsroom.quotes["anonymous"].id])
    assert untagged.topics == []

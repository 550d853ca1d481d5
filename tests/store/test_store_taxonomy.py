"""The taxonomy file: the bundled IPTC Media Topics, finding a subject by name, slug or code, and a custom file."""
from __future__ import annotations

import json

import pytest

from app.config import get_settings
from app.extract.subjects import term_hits
from app.store.taxonomy import SLUG_SEPARATOR_RUN, TaxonomyError, find_subject, get_taxonomy, load_taxonomy, slugify

IPTC_TOP_LEVEL = {
    "arts, culture, entertainment and media", "conflict, war and peace", "crime, law and justice",
    "disaster, accident and emergency incident", "economy, business and finance", "education", "environment",
    "health", "human interest", "labour", "lifestyle and leisure", "politics", "religion",
    "science and technology", "society", "sport", "weather",
}


def test_the_default_is_iptc_media_topics_with_codes_and_a_second_level():
    default = get_taxonomy()
    top = [s for s in default.subjects if s.broader is None]
    assert {s.name for s in top} == IPTC_TOP_LEVEL
    assert all(s.code and s.code.startswith("medtop:") for s in default.subjects)
    second = [s for s in default.subjects if s.broader is not None]
    assert len(second) >= 100 and all(default.by_slug[s.broader].broader is None for s in second)
    assert default.by_slug["election"].broader == "politics"


def test_find_subject_by_name_slug_or_code_case_insensitively():
    assert find_subject("Politics").code == "medtop:11000000"
    assert find_subject("economy-business-and-finance").name == "economy, business and finance"
    assert find_subject("medtop:09000000").name == "labour"
    assert find_subject("20000574").name == "election"
    assert find_subject("astrology") is None


def test_narrower_slugs_take_in_the_second_level():
    narrower = get_taxonomy().narrower_slugs("politics")
    assert {"politics", "election", "government", "international-relations"} <= narrower
    assert "sport" not in narrower


def test_terms_match_whole_words_after_lemmatizing():
    taxonomy = get_taxonomy()
    assert term_hits(taxonomy, "The voters went to the polls")["election"] >= 2
    assert term_hits(taxonomy, "The warehouse is open")["armed-conflict"] == 0  # not "war"


def test_a_custom_taxonomy_file_replaces_the_default(tmp_path, monkeypatch):
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps({"subjects": [
        {"name": "Transport", "code": "x:1", "terms": []},
        {"name": "Ferries", "broader": "Transport", "terms": ["ferry", "car deck"]},
    ]}))
    monkeypatch.setenv("QUOTEWIRE_TAXONOMY_PATH", str(path))
    get_settings.cache_clear()
    try:
        taxonomy = get_taxonomy()
        assert term_hits(taxonomy, "The ferries run late")["ferries"] == 1
        assert find_subject("x:1").name == "Transport" and taxonomy.narrower_slugs("transport") == {"transport", "ferries"}
        assert find_subject("politics") is None
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("content, problem", [
    ("[]", "a list under"),
    ('{"subjects": [{"name": "Ferries"}]}', "needs a name and a list of terms"),
    ('{"subjects": [{"name": "A", "terms": ["x"]}, {"name": "a", "terms": ["y"]}]}', "share a slug"),
    ("{not json", "cannot read taxonomy"),
    ('{"subjects": [{"name": "Port\\u001fworks", "terms": ["ferry"]}]}', "control character"),
    ('{"subjects": [{"name": "Ferries", "broader": "Boats", "terms": ["ferry"]}]}', "unknown broader subject"),
    ('{"subjects": [{"name": "Ferries", "terms": []}]}', "no terms and no narrower subjects"),
])
def test_a_malformed_taxonomy_file_is_a_clear_error(tmp_path, content, problem):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(TaxonomyError, match=problem):
        load_taxonomy(path)


def test_slugify_and_its_separator_pattern():
    assert slugify(" Health Care / Hospitals ") == "health-care-hospitals"
    assert slugify("Zürich_2024") == "zürich-2024"
    assert SLUG_SEPARATOR_RUN.sub("-", "a &_ b") == "a-b"

"""The taxonomy of broader subjects: the bundled default, matching, lookup, and a custom file."""
from __future__ import annotations

import json

import pytest

from app.config import get_settings
from app.taxonomy import SLUG_SEPARATOR_RUN, TaxonomyError, find_subject, get_taxonomy, load_taxonomy, slugify, subjects_for


def slugs(subjects) -> list[str]:
    return [s.slug for s in subjects]


def test_the_default_covers_general_news():
    default = get_taxonomy()
    assert 15 <= len(default.subjects) <= 30
    assert {"humanitarian-aid", "hostages", "ceasefire", "elections", "economy", "immigration", "health-care",
            "climate-and-environment", "courts-and-justice", "education"} <= {s.slug for s in default.subjects}


def test_humanitarian_aid_covers_its_synonyms_in_text_and_terms():
    assert slugs(subjects_for((), "We will keep Life-Saving Assistance flowing")) == ["humanitarian-aid"]
    assert slugs(subjects_for(("humanitarian assistance",), "More trucks are needed")) == ["humanitarian-aid"]
    assert "humanitarian-aid" in slugs(subjects_for((), "The aid deliveries stopped at the crossing"))


def test_terms_match_whole_words_only():
    assert slugs(subjects_for((), "The warehouse is open")) == []  # not "war"
    assert slugs(subjects_for((), "Bring the hostages home")) == ["hostages"]


def test_find_subject_by_slug_or_name_case_insensitively():
    assert find_subject("Humanitarian Aid").slug == "humanitarian-aid"
    assert find_subject("health-care").name == "health care"
    assert find_subject("astrology") is None


def test_a_custom_taxonomy_file_replaces_the_default(tmp_path, monkeypatch):
    path = tmp_path / "taxonomy.json"
    path.write_text(json.dumps({"subjects": [{"name": "Ferries", "terms": ["ferry", "car deck"]}]}))
    monkeypatch.setenv("QUOTEWIRE_TAXONOMY_PATH", str(path))
    get_settings.cache_clear()
    try:
        assert slugs(subjects_for((), "The ferries run late")) == ["ferries"]
        assert find_subject("hostages") is None
    finally:
        get_settings.cache_clear()


@pytest.mark.parametrize("content, problem", [
    ("[]", "a list under"),
    ('{"subjects": [{"name": "Ferries"}]}', "needs a name and a list of terms"),
    ('{"subjects": [{"name": "A", "terms": ["x"]}, {"name": "a", "terms": ["y"]}]}', "share a slug"),
    ("{not json", "cannot read taxonomy"),
    ('{"subjects": [{"name": "Port\\u001fworks", "terms": ["ferry"]}]}', "control character"),
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

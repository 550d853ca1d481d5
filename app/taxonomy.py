"""Broader subjects ("humanitarian aid") and the terms that file a quote under them.

The bundled default is `app/data/taxonomy.json`; `QUOTEWIRE_TAXONOMY_PATH` points to a
replacement of the same shape: {"subjects": [{"slug", "name", "terms": [...]}]}. Terms are
compared after the extractor's `normalize_term`, so "life-saving assistance" in the file
matches "Life-saving assistance" in a quote.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from app.config import get_settings
from app.extract.topics import normalize_term

DEFAULT_TAXONOMY_PATH = Path(__file__).parent / "data" / "taxonomy.json"

# runs of characters that are not letters or digits become one hyphen: "Health Care" -> health-care
SLUG_SEPARATOR_RUN = re.compile(r"[\W_]+")


def slugify(text: str) -> str:
    """A URL-safe identifier: "Humanitarian Aid" -> "humanitarian-aid" (letters of any script kept)."""
    return SLUG_SEPARATOR_RUN.sub("-", text.casefold()).strip("-")


@dataclass(frozen=True, slots=True)
class Subject:
    slug: str
    name: str
    terms: frozenset[str]  # normalized with normalize_term


@dataclass(frozen=True, slots=True)
class Taxonomy:
    subjects: tuple[Subject, ...]

    def subjects_for(self, terms: tuple[str, ...] | list[str], text: str) -> list[Subject]:
        """Subjects one of whose terms is among `terms` or occurs, word for word, in `text`."""
        known = {normalize_term(term) for term in terms}
        padded_text = f" {normalize_term(text)} "
        return [
            subject for subject in self.subjects
            if not subject.terms.isdisjoint(known) or any(f" {term} " in padded_text for term in subject.terms)
        ]

    def find(self, topic: str) -> Subject | None:
        """The subject a user's topic names, by slug or name, case-insensitively ("Humanitarian Aid")."""
        wanted = slugify(topic)
        return next((s for s in self.subjects if s.slug == wanted or slugify(s.name) == wanted), None)


class TaxonomyError(ValueError):
    """The taxonomy file is missing or malformed; the message names the file and the problem."""


def parse_taxonomy(data: object, origin: str) -> Taxonomy:
    """A Taxonomy from the decoded JSON of a taxonomy file; TaxonomyError names what is wrong."""
    entries = data.get("subjects") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise TaxonomyError(f"{origin}: expected an object with a list under \"subjects\"")
    subjects: list[Subject] = []
    for position, entry in enumerate(entries):
        try:
            name = str(entry["name"]).strip()
            slug = slugify(str(entry.get("slug") or name))
            terms = frozenset(filter(None, (normalize_term(str(term)) for term in entry["terms"])))
        except (KeyError, TypeError, AttributeError) as exc:
            raise TaxonomyError(f"{origin}: subject {position} needs a name and a list of terms ({exc!r})") from exc
        if not slug or not terms:
            raise TaxonomyError(f"{origin}: subject {position} ({name!r}) has an empty slug or no terms")
        if not name.isprintable():
            raise TaxonomyError(f"{origin}: subject {position} ({name!r}) has a control character in its name")
        subjects.append(Subject(slug=slug, name=name, terms=terms))
    slugs = [s.slug for s in subjects]
    if len(set(slugs)) != len(slugs):
        raise TaxonomyError(f"{origin}: two subjects share a slug")
    return Taxonomy(subjects=tuple(subjects))


@lru_cache(maxsize=4)
def load_taxonomy(path: Path = DEFAULT_TAXONOMY_PATH) -> Taxonomy:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: {exc}") from exc
    return parse_taxonomy(data, str(path))


def get_taxonomy() -> Taxonomy:
    """The configured taxonomy (QUOTEWIRE_TAXONOMY_PATH), else the bundled default."""
    return load_taxonomy(get_settings().taxonomy_path or DEFAULT_TAXONOMY_PATH)


def subjects_for(terms: tuple[str, ...] | list[str], text: str) -> list[Subject]:
    """Subjects of the configured taxonomy that a quote with these topic terms and text is about."""
    return get_taxonomy().subjects_for(terms, text)


def find_subject(topic: str) -> Subject | None:
    """The configured taxonomy's subject named by a user's topic string (slug or name), or None."""
    return get_taxonomy().find(topic)

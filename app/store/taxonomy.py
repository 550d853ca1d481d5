"""The taxonomy file: reading it, finding a subject a user names, and the configured one.

The bundled default is `app/data/taxonomy.json`, IPTC Media Topics (top two levels) with
Quotewire's own term lists; `QUOTEWIRE_TAXONOMY_PATH` points to a replacement of the same shape
(docs/taxonomy.md):

    {"subjects": [{"name": "politics", "code": "medtop:11000000", "terms": ["politics", ...]},
                  {"name": "election", "code": "medtop:20000574", "broader": "medtop:11000000",
                   "terms": ["election", "ballot", ...]}]}

`name` and `terms` are required (a subject with narrower ones may have no terms of its own); `slug`
defaults to the slugified name; `code` is optional; `broader` names the parent subject by code, slug
or name; `weight` (default 1) is how much one of its terms counts. Terms are compared after the
extractor's `normalize_term`, so "life-saving assistance" in the file matches "Life-saving
assistance" in a quote. How subjects are ranked for a quote is `app.extract.subjects`.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from app.config import get_settings
from app.extract.subjects import Subject, Taxonomy
from app.extract.topics import normalize_term

DEFAULT_TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "data" / "taxonomy.json"

# runs of characters that are not letters or digits become one hyphen: "Health Care" -> health-care
SLUG_SEPARATOR_RUN = re.compile(r"[\W_]+")

__all__ = [
    "DEFAULT_TAXONOMY_PATH",
    "Subject",
    "Taxonomy",
    "TaxonomyError",
    "find_subject",
    "get_taxonomy",
    "load_taxonomy",
    "parse_taxonomy",
    "slugify",
]


def slugify(text: str) -> str:
    """A URL-safe identifier: "Humanitarian Aid" -> "humanitarian-aid" (letters of any script kept)."""
    return SLUG_SEPARATOR_RUN.sub("-", text.casefold()).strip("-")


class TaxonomyError(ValueError):
    """The taxonomy file is missing or malformed; the message names the file and the problem."""


def parse_taxonomy(data: object, origin: str) -> Taxonomy:
    """A Taxonomy from the decoded JSON of a taxonomy file; TaxonomyError names what is wrong."""
    entries = data.get("subjects") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise TaxonomyError(f'{origin}: expected an object with a list under "subjects"')
    subjects: list[Subject] = []
    parents: list[str | None] = []
    for position, entry in enumerate(entries):
        try:
            name = str(entry["name"]).strip()
            slug = slugify(str(entry.get("slug") or name))
            terms = frozenset(filter(None, (normalize_term(str(term)) for term in entry["terms"])))
            code = str(entry["code"]).strip() if entry.get("code") else None
            broader = str(entry["broader"]).strip() if entry.get("broader") else None
            weight = float(entry.get("weight", 1.0))
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise TaxonomyError(f"{origin}: subject {position} needs a name and a list of terms ({exc!r})") from exc
        if not slug:
            raise TaxonomyError(f"{origin}: subject {position} ({name!r}) has an empty slug")
        if not name.isprintable():
            raise TaxonomyError(f"{origin}: subject {position} ({name!r}) has a control character in its name")
        subjects.append(Subject(slug=slug, name=name, terms=terms, code=code, weight=weight))
        parents.append(broader)
    slugs = [s.slug for s in subjects]
    if len(set(slugs)) != len(slugs):
        raise TaxonomyError(f"{origin}: two subjects share a slug")
    named = {key: s.slug for s in subjects for key in (s.slug, slugify(s.name), s.code) if key}
    linked = []
    for subject, parent in zip(subjects, parents):
        if parent is not None and (named.get(parent) or named.get(slugify(parent))) is None:
            raise TaxonomyError(f"{origin}: subject {subject.name!r} names an unknown broader subject {parent!r}")
        broader = named.get(parent) or named.get(slugify(parent)) if parent is not None else None
        linked.append(
            Subject(
                slug=subject.slug,
                name=subject.name,
                terms=subject.terms,
                code=subject.code,
                broader=broader,
                weight=subject.weight,
            )
        )
    with_children = {s.broader for s in linked}
    for subject in linked:
        if not subject.terms and subject.slug not in with_children:
            raise TaxonomyError(f"{origin}: subject {subject.name!r} has no terms and no narrower subjects")
    return Taxonomy(subjects=tuple(linked))


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


def find_subject(topic: str, taxonomy: Taxonomy | None = None) -> Subject | None:
    """The subject a user's topic names, by slug, name or code, case-insensitively ("Labour",
    "medtop:09000000", "09000000"), in the configured taxonomy unless one is given."""
    taxonomy = taxonomy or get_taxonomy()
    wanted = slugify(topic)
    for subject in taxonomy.subjects:
        code = slugify(subject.code or "")
        if wanted in (subject.slug, slugify(subject.name)) or (code and wanted in (code, code.split("-")[-1])):
            return subject
    return None

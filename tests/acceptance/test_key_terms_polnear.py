"""Issue 10's acceptance for key terms: over every article of ../shared/corpus/polnear-train, no key
term of a quote is a word of the `stop-words` package's English list, nor the name of one of the
article's gold speakers or the surname of one ("trump" for "Donald Trump"). The corpus is read from
../shared; the test skips when it is absent, unless CI=true, when it fails.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from stop_words import get_stop_words

from app.extract import extract_quotes
from app.store.taxonomy import get_taxonomy

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "polnear-train"


def articles() -> list[Path]:
    found = sorted(CORPUS.glob("*.txt"))
    if not found:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the polnear-train corpus is missing: {CORPUS}")
        pytest.skip("../shared/corpus/polnear-train is absent")
    return found


def test_no_key_term_is_a_stopword_or_a_speakers_name():
    stopwords = {word.casefold() for word in get_stop_words("en")}
    taxonomy = get_taxonomy()
    bad: list[str] = []
    for path in articles():
        quotes = extract_quotes(path.read_text(encoding="utf-8"), taxonomy=taxonomy)
        gold = json.loads(path.with_name(f"{path.stem}.gold.json").read_text(encoding="utf-8"))
        names = {name.casefold() for name in gold.get("speakers", {})}
        surnames = {name.split()[-1] for name in names if len(name.split()) >= 2}
        for quote in quotes:
            for term in quote.topics:
                if term in stopwords or term in names or term in surnames:
                    bad.append(f"{path.stem}: {term!r} in {quote.text[:60]!r}")
    assert not bad, f"{len(bad)} key terms are stopwords or speakers' names, e.g. {bad[:40]}"

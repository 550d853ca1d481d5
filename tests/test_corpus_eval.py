"""`quotewire eval --corpus`: speaker identity across an archive, on invented annotated articles.

The figures must equal those of ../shared/tools/corpus_speakers.py (which asks the API over HTTP);
that test skips when ../shared is absent, unless CI=true, when it fails.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import app as cli
from app.corpus_eval import GoldPeople, StoredQuote, corpus_report, miss_cause, wrong_cause

CORPUS = Path(__file__).resolve().parent / "fixtures" / "corpus"
REFERENCE = Path(__file__).resolve().parents[1] / ".." / "shared" / "tools" / "corpus_speakers.py"
COMPARED = ("speakers_asked", "articles", "right", "wrong", "missed", "precision", "recall", "split_people",
            "stored_speakers", "topic_precision", "topic_recall")


@pytest.fixture(scope="module")
def report():
    return corpus_report([CORPUS])


def test_the_figures_equal_the_reference_scripts(report):
    if not REFERENCE.is_file():
        if os.environ.get("CI") == "true":
            pytest.fail(f"the reference script is missing: {REFERENCE}")
        pytest.skip("../shared/tools is absent")
    quotewire = Path(sys.executable).with_name("quotewire")
    done = subprocess.run([sys.executable, str(REFERENCE), str(quotewire), str(CORPUS)], capture_output=True,
                          text=True, timeout=300, check=True)
    reference = json.loads(done.stdout.strip().splitlines()[-1])
    ours = report.summary()
    assert {k: ours[k] for k in COMPARED} == {k: reference[k] for k in COMPARED}


def test_people_with_three_quotes_are_asked_and_every_gold_quote_is_counted(report):
    assert sorted(row["name"] for row in report.rows) == ["Mara Ellery", "Tomas Ellery"]  # Dana Voss has two
    assert {row["name"]: row["gold"] for row in report.rows} == {"Mara Ellery": 5, "Tomas Ellery": 3}
    totals = report.summary()
    assert totals["right"] + totals["missed"] == 8 and totals["articles"] == 3 and totals["failed"] == 0


def test_gold_names_map_to_people_by_the_reference_rules():
    quotes = [{"speaker": name} for name in ("Donald Trump", "Donald Trump", "Donald J. Trump", "Trump",
                                             "Gov. Mike Pence", "Melania Trump", "RNC Chairman Reince Priebus",
                                             "Reince Priebus")]
    people = GoldPeople(quotes)
    assert people.person("Donald J. Trump") == people.person("Trump") == "donald trump"
    assert people.person("Melania Trump") == "melania trump"
    assert people.person("Gov. Mike Pence") == "mike pence"
    assert people.person("RNC Chairman Reince Priebus") == "reince priebus"
    assert people.asked(3) == {"donald trump": "Donald Trump"}


def test_each_miss_and_each_wrong_quote_is_put_down_to_the_extractor_or_the_store():
    people = GoldPeople([{"speaker": "Mara Ellery"}, {"speaker": "Tomas Ellery"}])
    mara = "mara ellery"
    assert miss_cause(people, mara, None) == "extractor: quote not found"
    assert miss_cause(people, mara, StoredQuote("x", None, None)) == "extractor: no named speaker"
    assert miss_cause(people, mara, StoredQuote("x", "Ellery", "Ellery")).startswith("store: bare surname")
    assert miss_cause(people, mara, StoredQuote("x", "M. Ellery", "Mara Ellery")).startswith("store: name of this")
    assert miss_cause(people, mara, StoredQuote("x", "Tomas Ellery", "Tomas Ellery")) == "extractor: another name given"
    assert wrong_cause(people, mara, StoredQuote("x", "Mara Ellery", "Mara Ellery")).startswith("extractor")
    assert wrong_cause(people, mara, StoredQuote("x", "Mara Ellery", "Tomas Ellery")).startswith("store")


def test_the_command_prints_json_and_fails_a_gate_above_the_figure():
    runner = CliRunner()
    done = runner.invoke(cli, ["eval", "--corpus", str(CORPUS), "--json"])
    assert done.exit_code == 0, done.output
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    assert 0 < summary["precision"] <= 1 and summary["speakers_asked"] == 2
    gated = runner.invoke(cli, ["eval", "--corpus", str(CORPUS), "--json", "--min-recall", "1.01"])
    assert gated.exit_code == 1 and "gate failed: recall" in gated.output
    topic_gated = runner.invoke(cli, ["eval", "--corpus", str(CORPUS), "--json", "--min-topic-recall", "1.01"])
    assert topic_gated.exit_code == 1 and "gate failed: topic_recall" in topic_gated.output


def test_several_folders_without_corpus_are_refused():
    done = CliRunner().invoke(cli, ["eval", str(CORPUS), str(CORPUS)])
    assert done.exit_code == 2 and "--corpus" in done.output

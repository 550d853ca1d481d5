"""`quotewire eval`: figures, JSON, gates and input errors, on a tiny annotated folder."""
import importlib.util
import json
import os
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

import app.evaluation
from app.evaluation import COUNTS, load_gold, normalize_name, score_article, speaker_is_right
from app.cli import app as cli
from app.extract.records import Quote, Speaker, SubjectScore

ARTICLE = (
    'Harbour Talks Stall\n\n'
    '"We will not sign this week," Mara Lindqvist said on Tuesday.\n\n'
    '"The tide is turning," said Council Leader Oskar Vent.\n\n'
    'Critics called the plan a "paper harbour".\n'
)


def _span(fragment: str) -> tuple[int, int]:
    start = ARTICLE.index(fragment)
    return start, start + len(fragment)


def _gold_quote(fragment: str, speaker: str | None, **extra) -> dict:
    start, end = _span(fragment)
    return {"start": start, "end": end, "text": fragment, "speaker": speaker, **extra}


GOLD = {
    "article": "harbour.txt",
    "metadata": {"title": "Harbour Talks Stall", "published": "2025-03-06", "source": "test"},
    "speakers": {"Mara Lindqvist": {"title": None, "mentions": ["Mara Lindqvist", "Lindqvist"]},
                 "Oskar Vent": {"title": "Council Leader", "mentions": ["Oskar Vent", "Vent"]}},
    "quotes": [
        _gold_quote("We will not sign this week,", "Mara Lindqvist", said_on="2025-03-04"),
        _gold_quote("The tide is turning,", "Oskar Vent"),
        _gold_quote("paper harbour", None, optional=True),
    ],
}


def _predicted(fragment: str, speaker: str | None, said_on=None) -> Quote:
    start, end = _span(fragment)
    return Quote(text=fragment, start=start, end=end, context="", kind="full", said_on=said_on,
                 speaker=Speaker(name=speaker, kind="person") if speaker else None)


def fake_extract(text, title=None, published=None, taxonomy=None):
    """Right speaker and date on the first quote, wrong speaker on the second, the optional one, a spurious one."""
    return [
        _predicted("We will not sign this week,", "Lindqvist", said_on=published.replace(day=4)),
        _predicted("The tide is turning,", "Mara Lindqvist"),
        _predicted("paper harbour", None),
        _predicted("Harbour Talks Stall", None),
    ]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(app.evaluation, "extract_quotes", fake_extract)
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "harbour.gold.json").write_text(json.dumps(GOLD), encoding="utf-8")
    return tmp_path


def run(*args):
    return CliRunner().invoke(cli, ["eval", *map(str, args)])


def test_speaker_names_compare_without_case_marks_dash_kind_or_spacing():
    assert normalize_name("  Jean–Luc   “Picard”. ") == "jean-luc picard"


@pytest.mark.parametrize(
    ("predicted", "right"),
    [("Oskar Vent", True), ("vent", True), ("Mr. Oskar Vent", True), ("Oskar J. Vent", True), ("Oskar", True),
     ("Council Leader Oskar Vent", False), ("Oskar Vent Lindqvist", False), ("Mara Lindqvist", True),
     (None, False), ("", False)],
)
def test_speaker_is_right_by_mention_same_person_or_alternate(predicted, right):
    gold_quote = {"speaker": "Oskar Vent", "alternates": ["Mara Lindqvist"]}
    assert speaker_is_right(predicted, gold_quote, GOLD["speakers"]) is right


def test_another_family_members_name_is_wrong():
    speakers = {"Mara Ellery": {"mentions": ["Mara Ellery"]}, "Tomas Ellery": {"mentions": ["Tomas Ellery"]}}
    tomas_said = {"speaker": "Tomas Ellery"}
    assert speaker_is_right("Tomas Ellery", tomas_said, speakers)
    assert not speaker_is_right("Mara Ellery", tomas_said, speakers)
    assert not speaker_is_right("Ellery", tomas_said, speakers)


def test_summary_figures_for_a_known_prediction(folder):
    result = run(folder)
    assert result.exit_code == 0, result.output
    summary = result.stdout.strip().splitlines()[-1]
    # 2 required gold, 3 counted predictions (the optional match is neutral), 2 found, 1 right speaker
    assert "quotes 2/2 found, 3 predicted" in summary
    assert "span P 0.667 R 1.000 F1 0.800" in summary
    assert "speaker acc 0.500 (2 judged)" in summary
    assert "end-to-end F1 0.400" in summary
    assert "said_on 1/1" in summary
    assert "1 articles" in summary


def test_each_error_names_its_article(folder):
    lines = run(folder).stdout.strip().splitlines()[:-1]
    assert len(lines) == 2
    assert lines[0].startswith("harbour: speaker  [Oskar Vent <- got 'Mara Lindqvist']")
    assert lines[1].startswith("harbour: spurious")


def test_no_errors_option_prints_only_the_summary(folder):
    assert run(folder, "--no-errors").stdout.strip().startswith("quotes 2/2 found")


def test_json_summary(folder):
    result = run(folder, "--json")
    assert result.exit_code == 0
    summary = json.loads(result.stdout)
    assert summary["articles"] == 1
    assert (summary["gold"], summary["predicted"], summary["found"], summary["right"]) == (2, 3, 2, 1)
    assert summary["span_f1"] == 0.8
    assert summary["e2e_f1"] == 0.4


def test_gate_above_the_score_exits_1_naming_the_gate(folder):
    result = run(folder, "--min-e2e-f1", "0.5")
    assert result.exit_code == 1
    assert "e2e_f1 0.4000 is below the gate 0.5 (--min-e2e-f1)" in result.stderr


def test_subjects_gate_names_itself(folder):
    result = run(folder, "--min-subjects-f1", "1.01")
    assert result.exit_code == 1
    assert "(--min-subjects-f1)" in result.stderr


def test_gates_at_or_below_the_score_pass(folder):
    assert run(folder, "--min-e2e-f1", "0.4", "--min-span-f1", "0.8", "--min-speaker-acc", "0.5").exit_code == 0


def test_extractor_crash_is_reported_and_the_other_articles_scored(folder, monkeypatch):
    (folder / "second.txt").write_text(ARTICLE, encoding="utf-8")

    def crash_on_second(text, title=None, published=None, taxonomy=None):
        if published.day == 7:
            raise RuntimeError("sieve exploded")
        return fake_extract(text, title, published)

    second_gold = json.loads(json.dumps(GOLD))
    second_gold["metadata"]["published"] = "2025-03-07"
    (folder / "second.gold.json").write_text(json.dumps(second_gold), encoding="utf-8")
    monkeypatch.setattr(app.evaluation, "extract_quotes", crash_on_second)
    result = run(folder)
    assert result.exit_code == 1
    assert "second: crashed  RuntimeError: sieve exploded" in result.stdout
    assert "quotes 2/4 found, 3 predicted" in result.stdout
    assert "the extractor raised on 1 articles, first second: RuntimeError: sieve exploded" in result.stderr


def test_missing_folder_exits_2(tmp_path):
    result = run(tmp_path / "nowhere")
    assert result.exit_code == 2
    assert "is not a folder" in result.stderr


def test_folder_without_gold_exits_2(tmp_path):
    (tmp_path / "lonely.txt").write_text("No annotations here.", encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 2
    assert "no *.gold.json" in result.stderr


def test_malformed_gold_json_names_the_file(folder):
    (folder / "broken.txt").write_text("Some text.", encoding="utf-8")
    (folder / "broken.gold.json").write_text("{not json", encoding="utf-8")
    result = run(folder)
    assert result.exit_code == 2
    assert "broken.gold.json: cannot read it as JSON" in result.stderr


def test_gold_offsets_that_miss_the_text_name_the_quote(folder):
    bad = json.loads(json.dumps(GOLD))
    bad["quotes"][1]["start"] += 3
    (folder / "harbour.gold.json").write_text(json.dumps(bad), encoding="utf-8")
    result = run(folder)
    assert result.exit_code == 2
    assert "harbour.gold.json: quote 1 text" in result.stderr


def test_gold_without_its_article_says_so(folder):
    (folder / "harbour.txt").unlink()
    result = run(folder)
    assert result.exit_code == 2
    assert "its article harbour.txt is missing" in result.stderr


SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REFERENCE_SCORER = SHARED / "tools" / "score_quotes.py"


def _reference_scorer():
    if not REFERENCE_SCORER.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"../shared is required in CI: {REFERENCE_SCORER} is missing")
        pytest.skip("../shared is not beside the repository")
    spec = importlib.util.spec_from_file_location("score_quotes", REFERENCE_SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _perturbed_predictions(article, rng: random.Random) -> list[Quote]:
    """Gold quotes with misses, trimmed ends, wrong and short speakers, wrong dates, duplicates and spurious spans."""
    names = [*article.annotation["speakers"], "Nobody Atall", None]
    predictions = []
    for gold in article.annotation["quotes"]:
        if rng.random() < 0.1:
            continue
        start, end = gold["start"], gold["end"]
        if rng.random() < 0.3:
            end = max(start + 1, end - rng.randint(1, 20))
        speaker = gold["speaker"] if rng.random() < 0.6 else rng.choice(names)
        if speaker and rng.random() < 0.3:
            speaker = speaker.split()[-1]
        said_on = article.published if rng.random() < 0.7 else None
        labels = [label for label in gold.get("subjects", []) if rng.random() < 0.8] + (
            ["Sport"] if rng.random() < 0.2 else [])
        predictions.append(Quote(text=article.text[start:end], start=start, end=end, context="", kind="full",
                                 said_on=said_on, speaker=Speaker(name=speaker, kind="person") if speaker else None,
                                 subjects=tuple(SubjectScore(label, None, 1.0) for label in labels)))
        if rng.random() < 0.05:
            predictions.append(predictions[-1])
    for _ in range(rng.randint(0, 2)):
        start = rng.randrange(0, max(1, len(article.text) - 40))
        predictions.append(Quote(text=article.text[start:start + 30], start=start, end=start + 30, context="", kind="full"))
    return predictions


def _as_reference_dict(quote: Quote) -> dict:
    return {"text": quote.text, "start": quote.start, "end": quote.end,
            "speaker": quote.speaker.name if quote.speaker else None,
            "said_on": quote.said_on.isoformat() if quote.said_on else None,
            "subjects": [subject.name for subject in quote.subjects]}


@pytest.mark.parametrize("corpus", ["seed", "styles", "polnear-dev"])
def test_scores_equal_the_reference_scorer(corpus):
    reference = _reference_scorer()
    rng = random.Random(20240207)
    for gold_path in sorted((SHARED / "corpus" / corpus).glob("*.gold.json")):
        article = load_gold(gold_path)
        predictions = _perturbed_predictions(article, rng)
        ours = score_article(article.name, article.annotation, predictions)
        theirs = reference.score_article(article.text, article.annotation, [_as_reference_dict(q) for q in predictions])
        assert {name: getattr(ours, name) for name in COUNTS} == {name: theirs[name] for name in COUNTS}, article.name
        assert [error.split(": ", 1)[1] for error in ours.errors] == theirs["errors"], article.name

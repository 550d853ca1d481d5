"""`quotewire eval`: score the extractor, in process, on a folder of articles with gold annotations.

A folder holds NAME.txt articles, each with a NAME.gold.json beside it (format in
../shared/corpus/README.md). `score_article` compares one article's predicted quotes with
its gold; `EvalReport` sums articles into span precision/recall/F1, speaker accuracy and
end-to-end F1, and where the gold gives them, subjects precision/recall/F1 (IPTC top-level
labels, ../shared/corpus/TOPICS.md); `run_eval` loads, scores and prints. The matching rules are those of
../shared/tools/score_quotes.py, so the figures printed here equal that script's.
"""

from __future__ import annotations

import json
import re
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from app.extract import extract_quotes
from app.extract.records import Quote
from app.store.taxonomy import get_taxonomy

GOLD_SUFFIX = ".gold.json"
MIN_GOLD_COVERAGE = 0.8  # a match overlaps at least this share of the gold span
MIN_PREDICTED_COVERAGE = 0.5  # ... and at least this share of the predicted span

QUOTE_MARKS = "\"'“”‘’«»„‟‹›"
_STRIP_MARKS = str.maketrans("", "", QUOTE_MARKS)
# en dash, em dash, minus and hyphen all compare equal in a speaker name
DASHES = re.compile(r"[–—−-]")
WHITESPACE_RUN = re.compile(r"\s+")


class GoldFormatError(ValueError):
    """A gold file (or its article) that cannot be scored; the message says which and why."""


@dataclass(frozen=True, slots=True)
class GoldArticle:
    name: str
    text: str
    annotation: dict
    title: str | None
    published: date | None


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """One article's counts (optional gold quotes excluded) and its error lines."""

    name: str
    gold: int = 0
    predicted: int = 0
    found: int = 0
    judged: int = 0
    right: int = 0
    dated: int = 0
    dated_right: int = 0
    subj_quotes: int = 0  # found quotes whose gold gives subjects
    subj_tp: int = 0
    subj_fp: int = 0
    subj_fn: int = 0
    errors: tuple[str, ...] = ()
    crash: str | None = None  # the extractor's exception on this article; its gold quotes count as missed


COUNTS = (
    "gold",
    "predicted",
    "found",
    "judged",
    "right",
    "dated",
    "dated_right",
    "subj_quotes",
    "subj_tp",
    "subj_fp",
    "subj_fn",
)


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Micro-averaged figures over scored articles."""

    articles: tuple[ArticleScore, ...]
    seconds: float = 0.0
    totals: dict[str, int] = field(init=False)

    def __post_init__(self) -> None:
        totals = {name: sum(getattr(a, name) for a in self.articles) for name in COUNTS}
        object.__setattr__(self, "totals", totals)

    @property
    def span_p(self) -> float:
        return _ratio(self.totals["found"], self.totals["predicted"])

    @property
    def span_r(self) -> float:
        return _ratio(self.totals["found"], self.totals["gold"])

    @property
    def span_f1(self) -> float:
        return _f1(self.span_p, self.span_r)

    @property
    def speaker_acc(self) -> float:
        return _ratio(self.totals["right"], self.totals["judged"])

    @property
    def e2e_f1(self) -> float:
        """A quote counts when found with the right speaker, or found with a null (unjudged) gold speaker."""
        t = self.totals
        correct = t["right"] + t["found"] - t["judged"]
        return _f1(_ratio(correct, t["predicted"]), _ratio(correct, t["gold"]))

    @property
    def subjects_p(self) -> float:
        return _ratio(self.totals["subj_tp"], self.totals["subj_tp"] + self.totals["subj_fp"])

    @property
    def subjects_r(self) -> float:
        return _ratio(self.totals["subj_tp"], self.totals["subj_tp"] + self.totals["subj_fn"])

    @property
    def subjects_f1(self) -> float:
        return _f1(self.subjects_p, self.subjects_r)

    def summary(self) -> dict:
        names = ("span_p", "span_r", "span_f1", "speaker_acc", "e2e_f1", "subjects_p", "subjects_r", "subjects_f1")
        figures = {name: round(getattr(self, name), 4) for name in names}
        crashed = sum(1 for article in self.articles if article.crash)
        return {
            "articles": len(self.articles),
            "crashed": crashed,
            **self.totals,
            **figures,
            "seconds": round(self.seconds, 3),
        }

    def summary_line(self) -> str:
        t = self.totals
        dates = f" | said_on {t['dated_right']}/{t['dated']}" if t["dated"] else ""
        if t["subj_quotes"]:
            dates += (
                f" | subjects P {self.subjects_p:.3f} R {self.subjects_r:.3f} F1 {self.subjects_f1:.3f} "
                f"({t['subj_quotes']} quotes)"
            )
        return (
            f"quotes {t['found']}/{t['gold']} found, {t['predicted']} predicted | "
            f"span P {self.span_p:.3f} R {self.span_r:.3f} F1 {self.span_f1:.3f} | "
            f"speaker acc {self.speaker_acc:.3f} ({t['judged']} judged) | "
            f"end-to-end F1 {self.e2e_f1:.3f}{dates} | {len(self.articles)} articles, {self.seconds:.2f} s"
        )


def normalize_name(name: str) -> str:
    """A speaker name for comparison: NFKC, no quote marks, one kind of dash, lower case, no edge punctuation."""
    name = unicodedata.normalize("NFKC", name).translate(_STRIP_MARKS)
    name = WHITESPACE_RUN.sub(" ", DASHES.sub("-", name)).strip().lower()
    return name.strip(" .,;:!?")


# words a speaker name may carry or lack without naming someone else ("Sen. Mara Lind", "Tom Reyes Jr.")
IGNORED_NAME_WORDS = frozenset("mr mrs ms miss dr prof sir dame lord lady cllr rev sen rep gov jr sr ii iii".split())
NAME_WORD = re.compile(r"[\w'’-]+")


def name_words(name: str) -> list[str]:
    """The words of a normalised name, without honorifics and suffixes."""
    return [word for word in NAME_WORD.findall(normalize_name(name)) if word.rstrip(".") not in IGNORED_NAME_WORDS]


def _names_one_person(predicted: list[str], gold: list[str], gold_is_surname: bool) -> bool:
    """ "Blinken" or "Antony J. Blinken" for "Antony Blinken", "Donald Trump" for a gold "Trump";
    never extra words in front ("Rival Hillary Clinton")."""
    if set(predicted) <= set(gold):
        return True
    if not set(gold) <= set(predicted):
        return False
    if gold_is_surname:
        return predicted[-len(gold) :] == gold
    return predicted[0] == gold[0] and predicted[-1] == gold[-1]


def speaker_is_right(predicted: str | None, gold_quote: dict, speakers: dict) -> bool:
    """The rule of ../shared/tools/score_quotes.py: right when the name equals a gold mention, or names the
    same person as the gold speaker (or an alternate) and is no part of another gold speaker's name."""
    if not predicted:
        return False
    said_by, said_by_words = normalize_name(predicted), name_words(predicted)
    credited = (gold_quote["speaker"], *gold_quote.get("alternates", ()))
    others = [set(name_words(other)) for other in speakers if other not in credited]
    names_another = any(set(said_by_words) <= other for other in others)
    for gold_name in credited:
        mentions = speakers.get(gold_name, {}).get("mentions", ())
        if said_by in {normalize_name(m) for m in (gold_name, *mentions)}:
            return True
        gold_words = name_words(gold_name)
        first_word = normalize_name(gold_name).split()[0].rstrip(".")
        gold_is_surname = len(gold_words) == 1 or first_word in IGNORED_NAME_WORDS
        if (
            said_by_words
            and gold_words
            and not names_another
            and _names_one_person(said_by_words, gold_words, gold_is_surname)
        ):
            return True
    return False


def _speaker_name(quote: Quote) -> str | None:
    return quote.speaker.name if quote.speaker else None


def _match_spans(golds: list[dict], predictions: Sequence[Quote]) -> dict[int, int]:
    """Gold index -> prediction index, one to one, largest overlap first."""
    candidates = []
    for gi, gold in enumerate(golds):
        gold_length = gold["end"] - gold["start"]
        for pi, quote in enumerate(predictions):
            overlap = min(gold["end"], quote.end) - max(gold["start"], quote.start)
            if overlap >= MIN_GOLD_COVERAGE * gold_length and overlap >= MIN_PREDICTED_COVERAGE * (
                quote.end - quote.start
            ):
                candidates.append((overlap, gi, pi))
    matched: dict[int, int] = {}
    taken: set[int] = set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in matched and pi not in taken:
            matched[gi] = pi
            taken.add(pi)
    return matched


def score_article(name: str, gold: dict, predictions: Sequence[Quote]) -> ArticleScore:
    """Compare one article's predicted quotes with its gold annotation."""
    golds = gold["quotes"]
    speakers = gold.get("speakers", {})
    matched = _match_spans(golds, predictions)
    matched_gold_of = {pi: gi for gi, pi in matched.items()}
    counts = dict.fromkeys(COUNTS, 0)
    errors: list[str] = []
    for gi, g in enumerate(golds):
        if g.get("optional"):
            continue
        counts["gold"] += 1
        if gi not in matched:
            errors.append(f"{name}: missed   [{g['speaker']}] {g['text'][:70]!r}")
            continue
        quote = predictions[matched[gi]]
        counts["found"] += 1
        if g["speaker"] is not None:
            counts["judged"] += 1
            if speaker_is_right(_speaker_name(quote), g, speakers):
                counts["right"] += 1
            else:
                errors.append(f"{name}: speaker  [{g['speaker']} <- got {_speaker_name(quote)!r}] {g['text'][:60]!r}")
        if g.get("said_on"):
            counts["dated"] += 1
            said_on = quote.said_on.isoformat() if quote.said_on else None
            if said_on == g["said_on"]:
                counts["dated_right"] += 1
            else:
                errors.append(f"{name}: said_on  [{g['said_on']} <- got {said_on!r}] {g['text'][:50]!r}")
        if g.get("subjects"):
            wanted, got = subject_labels(g["subjects"]), subject_labels(s.name for s in quote.subjects)
            counts["subj_quotes"] += 1
            counts["subj_tp"] += len(wanted & got)
            counts["subj_fp"] += len(got - wanted)
            counts["subj_fn"] += len(wanted - got)
    for pi, quote in enumerate(predictions):
        if pi in matched_gold_of and golds[matched_gold_of[pi]].get("optional"):
            continue
        counts["predicted"] += 1
        if pi not in matched_gold_of:
            errors.append(f"{name}: spurious [{_speaker_name(quote)}] {quote.text[:70]!r}")
    return ArticleScore(name=name, errors=tuple(errors), **counts)


def subject_labels(labels) -> set[str]:
    """Subject labels compared as the shared scorer compares them: case-folded, "&" as "and", spaces
    collapsed; a subject given as an object counts by its "name" (or "label")."""
    names = (
        label.get("name") or label.get("label") or "" if isinstance(label, dict) else label for label in labels or ()
    )
    return {WHITESPACE_RUN.sub(" ", str(name).replace("&", "and")).strip().casefold() for name in names} - {""}


def _gold_error(path: Path, why: str) -> GoldFormatError:
    return GoldFormatError(f"{path.name}: {why}")


def _check_quote(path: Path, text: str, index: int, quote: object) -> None:
    if not isinstance(quote, dict):
        raise _gold_error(path, f"quote {index} is not an object")
    start, end = quote.get("start"), quote.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise _gold_error(path, f"quote {index} has start/end {start!r}/{end!r}, not offsets into the article")
    if "text" in quote and text[start:end] != quote["text"]:
        raise _gold_error(path, f"quote {index} text {quote['text'][:40]!r} differs from the article at {start}-{end}")
    if not isinstance(quote.get("speaker", ...), (str, type(None))):
        raise _gold_error(path, f'quote {index} needs "speaker": a name or null')
    if quote.get("said_on") is not None:
        _parse_date(path, f"quote {index} said_on", quote["said_on"])


def _parse_date(path: Path, what: str, value: object) -> date:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _gold_error(path, f"{what} {value!r} is not YYYY-MM-DD") from None


def load_gold(path: Path) -> GoldArticle:
    """One NAME.gold.json and its NAME.txt, checked; raises GoldFormatError saying what is wrong."""
    name = path.name[: -len(GOLD_SUFFIX)]
    article = path.with_name(name + ".txt")
    try:
        annotation = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _gold_error(path, f"cannot read it as JSON ({exc})") from None
    try:
        text = article.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise _gold_error(path, f"its article {article.name} is missing") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise _gold_error(path, f"its article {article.name} is not readable UTF-8 text ({exc})") from None
    if not isinstance(annotation, dict) or not isinstance(annotation.get("quotes"), list):
        raise _gold_error(path, 'it needs an object with a "quotes" list')
    if not isinstance(annotation.setdefault("speakers", {}), dict):
        raise _gold_error(path, '"speakers" must be an object')
    for index, quote in enumerate(annotation["quotes"]):
        _check_quote(path, text, index, quote)
    metadata = annotation.get("metadata") or {}
    published = metadata.get("published")
    return GoldArticle(
        name=name,
        text=text,
        annotation=annotation,
        title=metadata.get("title") or None,
        published=_parse_date(path, "metadata.published", published) if published else None,
    )


def evaluate_folder(folder: Path) -> EvalReport:
    """Extract and score every annotated article of `folder`; raises GoldFormatError on a bad folder or gold file."""
    if not folder.is_dir():
        raise GoldFormatError(f"{folder} is not a folder")
    gold_paths = sorted(folder.glob("*" + GOLD_SUFFIX))
    if not gold_paths:
        raise GoldFormatError(f"{folder} holds no *{GOLD_SUFFIX} files")
    articles = [load_gold(path) for path in gold_paths]
    scores = []
    taxonomy = get_taxonomy()
    began = time.perf_counter()
    for article in articles:
        try:
            quotes = extract_quotes(article.text, title=article.title, published=article.published, taxonomy=taxonomy)
        except Exception as exc:  # noqa: BLE001 - one failing article is reported, the others still scored
            crash = f"{type(exc).__name__}: {exc}"
            score = score_article(article.name, article.annotation, [])
            scores.append(replace(score, crash=crash, errors=(f"{article.name}: crashed  {crash}", *score.errors)))
            continue
        scores.append(score_article(article.name, article.annotation, quotes))
    return EvalReport(articles=tuple(scores), seconds=time.perf_counter() - began)


def failed_gates(report: EvalReport, gates: dict[str, float | None]) -> list[str]:
    """A message for each figure below its threshold; gates maps a figure name to its minimum."""
    return [
        f"{figure} {getattr(report, figure):.4f} is below the gate {minimum} (--min-{figure.replace('_', '-')})"
        for figure, minimum in gates.items()
        if minimum is not None and getattr(report, figure) < minimum
    ]


def run_eval(
    folder: Path,
    *,
    show_errors: bool = True,
    as_json: bool = False,
    min_e2e_f1: float | None = None,
    min_span_f1: float | None = None,
    min_speaker_acc: float | None = None,
    min_subjects_f1: float | None = None,
) -> int:
    """Score the extractor on `folder` and print; exit code 0, 1 when a gate fails or the extractor raised,
    2 when the folder or a gold file is unusable."""
    try:
        report = evaluate_folder(folder)
    except GoldFormatError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if as_json:
        print(json.dumps(report.summary()))
    else:
        if show_errors:
            for article in report.articles:
                for error in article.errors:
                    print(error)
        print(report.summary_line())
    failures = failed_gates(
        report,
        {"e2e_f1": min_e2e_f1, "span_f1": min_span_f1, "speaker_acc": min_speaker_acc, "subjects_f1": min_subjects_f1},
    )
    crashed = [article for article in report.articles if article.crash]
    if crashed:
        failures.append(f"the extractor raised on {len(crashed)} articles, first {crashed[0].name}: {crashed[0].crash}")
    for failure in failures:
        print(f"FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0

"""How closely a claimed quote follows a stored one, word by word (pure: no database).

    words('"We are ON schedule," she said')        -> the words with their written forms and folded keys
    compare(claim_words, record_words).similarity  -> 0.0 .. 1.0
    compare(...).diff                              -> [("equal", "we are", "we are"), ("replace", "on", "behind"), ...]

Words are compared folded (case, accents, curly apostrophes and punctuation ignored), so
"On schedule." and "on schedule" are the same words. A claim may be an excerpt: the record's words
outside the stretch the claim covers do not lower its similarity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel, Opcodes

# a word: letters and digits, with inner apostrophes, hyphens and decimal points ("don't", "co-op", "3.5")
WORD = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*")
FOLD_APOSTROPHE = str.maketrans({"’": "'", "‘": "'"})

DiffTag = Literal["equal", "replace", "delete", "insert"]


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text: as written, and folded for comparison."""

    written: str
    key: str


@dataclass(frozen=True, slots=True)
class DiffPart:
    """One step of the word-level diff: `claim` words and `record` words (equal, replaced, only in one)."""

    tag: DiffTag
    claim: str
    record: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a claim's words line up with a record's.

    similarity: 2 * words in common, in order / (claim words + words of the record's stretch they span);
                1.0 when the claim is the record or an exact excerpt of it.
    excerpt:    every claim word is in the record, side by side, in order (case and punctuation aside).
    diff:       the claim against the record's stretch it covers (and the record's words around it).
    """

    similarity: float
    excerpt: bool
    diff: tuple[DiffPart, ...]


def fold(word: str) -> str:
    """A word folded for comparison: "Café’s" -> "cafe's"."""
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLD_APOSTROPHE).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[Word]:
    """The words of `text`, in order; punctuation and quotation marks are not words."""
    text = unicodedata.normalize("NFKC", text)
    return [Word(written=match.group(), key=fold(match.group())) for match in WORD.finditer(text)]


def keys(text: str) -> list[str]:
    """The folded words of `text`: what two wordings are compared on."""
    return [word.key for word in words(text)]


def compare(claim: list[Word], record: list[Word]) -> Comparison:
    """Line the claim's words up with the record's (longest common subsequence, rapidfuzz's Indel)."""
    if not claim or not record:
        return Comparison(similarity=0.0, excerpt=False, diff=())
    claim_keys, record_keys = [w.key for w in claim], [w.key for w in record]
    opcodes = Indel.opcodes(claim_keys, record_keys)
    equal = [op for op in opcodes if op.tag == "equal"]
    common = sum(op.src_end - op.src_start for op in equal)
    if not common:
        return Comparison(similarity=0.0, excerpt=False, diff=_diff(claim, record, opcodes))
    spanned = equal[-1].dest_end - equal[0].dest_start  # the record's stretch the claim covers
    similarity = 2 * common / (len(claim) + spanned)
    excerpt = common == len(claim) == spanned
    return Comparison(similarity=similarity, excerpt=excerpt, diff=_diff(claim, record, opcodes))


def _diff(claim: list[Word], record: list[Word], opcodes: Opcodes) -> tuple[DiffPart, ...]:
    """The opcodes as written words; a deletion next to an insertion reads as one replacement."""
    parts: list[DiffPart] = []
    for op in opcodes:
        claimed = " ".join(w.written for w in claim[op.src_start : op.src_end])
        recorded = " ".join(w.written for w in record[op.dest_start : op.dest_end])
        tag: DiffTag = op.tag  # type: ignore[assignment]
        if parts and {parts[-1].tag, tag} == {"delete", "insert"}:
            previous = parts.pop()
            claimed = " ".join(filter(None, (previous.claim, claimed)))
            recorded = " ".join(filter(None, (previous.record, recorded)))
            tag = "replace"
        elif parts and parts[-1].tag == "replace" and tag in ("delete", "insert"):
            previous = parts.pop()
            claimed = " ".join(filter(None, (previous.claim, claimed)))
            recorded = " ".join(filter(None, (previous.record, recorded)))
            tag = "replace"
        parts.append(DiffPart(tag=tag, claim=claimed, record=recorded))
    return tuple(parts)

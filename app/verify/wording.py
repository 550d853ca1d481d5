"""How closely a claimed quote follows a stored one, word by word (pure: no database).

    words('"We are ON schedule," she said')        -> the words with their written forms and folded keys
    compare(keys(claim), keys(record)).similarity  -> 0.0 .. 1.0
    diff(words(claim), words(record))              -> [("equal", "we are", "we are"), ("replace", "on", "behind"), ...]

Words are compared folded (case, accents, curly apostrophes and punctuation ignored), so
"On schedule." and "on schedule" are the same words. A claim may be an excerpt: the record's words
outside the stretch the claim covers do not lower its similarity.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz.distance import Indel

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
    """

    similarity: float
    excerpt: bool


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word folded for comparison: "Café’s" -> "cafe's"."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.translate(FOLD_APOSTROPHE).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[Word]:
    """The words of `text`, in order; punctuation and quotation marks are not words."""
    text = unicodedata.normalize("NFKC", text)
    return [Word(written=match.group(), key=fold(match.group())) for match in WORD.finditer(text)]


def keys(text: str) -> list[str]:
    """The folded words of `text`: what two wordings are compared on."""
    return [fold(word) for word in WORD.findall(unicodedata.normalize("NFKC", text))]


def compare(claim_keys: list[str], record_keys: list[str]) -> Comparison:
    """Line the claim's folded words up with the record's (longest common subsequence, rapidfuzz's Indel)."""
    if not claim_keys or not record_keys:
        return Comparison(similarity=0.0, excerpt=False)
    equal = [op for op in Indel.opcodes(claim_keys, record_keys) if op.tag == "equal"]
    common = sum(op.src_end - op.src_start for op in equal)
    if not common:
        return Comparison(similarity=0.0, excerpt=False)
    spanned = equal[-1].dest_end - equal[0].dest_start  # the record's stretch the claim covers
    return Comparison(similarity=2 * common / (len(claim_keys) + spanned), excerpt=common == len(claim_keys) == spanned)


def diff(claim: list[Word], record: list[Word]) -> tuple[DiffPart, ...]:
    """The claim against the record, word by word; a deletion next to an insertion reads as one replacement."""
    opcodes = Indel.opcodes([w.key for w in claim], [w.key for w in record])
    parts: list[DiffPart] = []
    for op in opcodes:
        claimed = " ".join(w.written for w in claim[op.src_start : op.src_end])
        recorded = " ".join(w.written for w in record[op.dest_start : op.dest_end])
        tag: DiffTag = op.tag  # type: ignore[assignment]
        if parts and tag in ("delete", "insert") and parts[-1].tag in ("replace", "delete", "insert"):
            previous = parts.pop()
            if previous.tag != tag:
                claimed = " ".join(filter(None, (previous.claim, claimed)))
                recorded = " ".join(filter(None, (previous.record, recorded)))
                tag = "replace"
            else:  # cannot happen (opcodes merge runs), kept whole for safety
                parts.append(previous)
        parts.append(DiffPart(tag=tag, claim=claimed, record=recorded))
    return tuple(parts)

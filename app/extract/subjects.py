"""Subjects of a quote: which taxonomy subjects (IPTC Media Topics by default) a quote is about, ranked.

A taxonomy is a tree of subjects (top level and narrower), each with terms: words and phrases of
its field, compared after `normalize_term` ("Elections" finds "election"). A quote's subjects are
decided from the terms in the quote, in the sentence around it, and in the whole article:

    score(top subject) = hits in the quote + hits in the rest of its sentence
                         + AROUND_WEIGHT x hits in its paragraph and the one before, outside the sentence
                         + ARTICLE_WEIGHT x the subject's share of the article's hits

so an article about a flood files a short "Ask me in a month" under disasters, and a quote that
takes up another field ("the price of insurance will go up") adds that field. The best top-level
subject is always kept; another when the article is nearly as much about it (ARTICLE_SUBJECT_SHARE)
and the quote's surroundings name it, or when it reaches SECOND_SUBJECT_SHARE of the best score
with evidence of its own. Under each chosen top-level subject, the narrower subject with the most
evidence in the quote, then around it, then in the article, is its detail.

Pure: the taxonomy is given (loading it from a file is `app.store.taxonomy`'s job).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate, compress

from app.extract.marks import paragraphs
from app.extract.records import SubjectScore
from app.extract.topics import WORD, clean_word, lemma

# a text split into the gaps between its words and its words (WORD): [gap, word, gap, ..., word, gap]
WORD_PIECES = re.compile(f"({WORD.pattern})")

QUOTE_WEIGHT = 1.0  # a term inside the quote counts as much as one in the rest of its sentence
AROUND_WEIGHT = 0.6  # a term in the quote's paragraph or the one before it, outside its sentence
ARTICLE_WEIGHT = 8.0  # an article entirely about one subject adds this much to it on every quote
SECOND_SUBJECT_SHARE = 0.6  # a further top-level subject needs this share of the first one's score
MIN_QUOTE_EVIDENCE = 1.0  # ... and at least this much evidence from around the quote
ARTICLE_SUBJECT_SHARE = 0.7  # a top-level subject with this share of the article's leading one is the article's too
MIN_ARTICLE_SUBJECT_EVIDENCE = 0.5  # ... and files a quote with this much evidence of its own
MAX_SUBJECTS = 3
MAX_KNOWN_WORDS = 200_000  # words as written whose lemma is remembered per taxonomy


@dataclass(frozen=True, slots=True)
class Subject:
    """One subject: `broader` is the slug of the subject it narrows (None at the top level)."""

    slug: str
    name: str
    terms: frozenset[str]  # normalized with normalize_term
    code: str | None = None  # "medtop:11000000"
    broader: str | None = None
    weight: float = 1.0  # how much one of its terms counts: less for everyday words ("oil", "family")


@dataclass(frozen=True, slots=True, eq=False)  # compared and hashed by identity: a cache key, built once
class Taxonomy:
    """Subjects in file order, with the lookups ranking needs built once."""

    subjects: tuple[Subject, ...]
    by_slug: dict[str, Subject] = field(init=False, repr=False, compare=False)
    top_slug: dict[str, str] = field(init=False, repr=False, compare=False)  # slug -> its top-level slug
    phrase_prefixes: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)  # of longer terms
    phrase_openings: frozenset[str] = field(init=False, repr=False, compare=False)  # first words of longer terms
    # a term's words -> (slug, weight) of each subject it files under
    weighted_terms: dict[tuple[str, ...], tuple[tuple[str, float], ...]] = field(init=False, repr=False, compare=False)
    children: dict[str, tuple[Subject, ...]] = field(init=False, repr=False, compare=False)  # slug -> narrower
    vocabulary: frozenset[str] = field(init=False, repr=False, compare=False)  # every word of every term
    inner_words: frozenset[str] = field(init=False, repr=False, compare=False)  # only ever inside a phrase ("of")
    # a word as written -> its lemma when some term holds it, else "": filled as words are met
    known_words: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_slug = {s.slug: s for s in self.subjects}
        top_slug = {}
        for subject in self.subjects:
            current, seen = subject, {subject.slug}
            while current.broader is not None and current.broader in by_slug and current.broader not in seen:
                current = by_slug[current.broader]
                seen.add(current.slug)
            top_slug[subject.slug] = current.slug
        term_subjects: dict[str, list[str]] = {}
        for subject in self.subjects:
            for term in subject.terms:
                term_subjects.setdefault(term, []).append(subject.slug)
        object.__setattr__(
            self,
            "children",
            {parent.slug: tuple(s for s in self.subjects if s.broader == parent.slug) for parent in self.subjects},
        )
        object.__setattr__(self, "by_slug", by_slug)
        object.__setattr__(self, "top_slug", top_slug)
        object.__setattr__(self, "phrase_openings", frozenset(t.split()[0] for t in term_subjects if " " in t))
        object.__setattr__(
            self,
            "weighted_terms",
            {
                tuple(t.split()): tuple((slug, by_slug[slug].weight) for slug in slugs)
                for t, slugs in term_subjects.items()
            },
        )
        object.__setattr__(self, "vocabulary", frozenset(word for term in term_subjects for word in term.split()))
        object.__setattr__(self, "known_words", {})
        edges = {words[i] for words in map(str.split, term_subjects) for i in (0, -1)}
        object.__setattr__(self, "inner_words", self.vocabulary - edges)
        object.__setattr__(
            self,
            "phrase_prefixes",
            frozenset(tuple(words[:end]) for words in map(str.split, term_subjects) for end in range(1, len(words))),
        )

    def narrower_slugs(self, slug: str) -> set[str]:
        """The subject and every subject under it, at any depth."""
        found, frontier = {slug}, [slug]
        while frontier:
            for subject in self.children.get(frontier.pop(), ()):
                if subject.slug not in found:
                    found.add(subject.slug)
                    frontier.append(subject.slug)
        return found


# A term found in a text: (start, end, subject slug, the subject's weight), offsets into the text.
TermMatch = tuple[int, int, str, float]


def _term_words(taxonomy: Taxonomy, text: str) -> tuple[list[str], list[int]]:
    """The lemma of each word of `text` when some term holds it, else "", and the words' offsets:
    word i runs from offsets[2i] to offsets[2i + 1].

    Most words are no term's, so the work is done in bulk: one split of the text into gaps and
    words, whose running lengths are the offsets, and one lookup of every word."""
    pieces = WORD_PIECES.split(text)  # gap, word, gap, word, ..., gap
    words = pieces[1::2]
    known = taxonomy.known_words
    unseen = set(words).difference(known)
    if len(known) + len(unseen) > MAX_KNOWN_WORDS:
        known.clear()
    known.update((raw, _term_word(taxonomy, raw)) for raw in unseen)
    return list(map(known.__getitem__, words)), list(accumulate(map(len, pieces)))


def _term_word(taxonomy: Taxonomy, raw_word: str) -> str:
    word = clean_word(raw_word)
    found = lemma(word) if word else ""
    return found if found in taxonomy.vocabulary else ""


def _term_matches(taxonomy: Taxonomy, text: str) -> list[TermMatch]:
    """Every term occurrence in `text`, in order of its first word; a phrase grows while it is a
    term's prefix and the next word of the text is a term word. A word found only inside phrases
    ("of" in "cost of living") never starts one."""
    lemmas, offsets = _term_words(taxonomy, text)
    found: list[TermMatch] = []
    index, prefixes, openings = taxonomy.weighted_terms, taxonomy.phrase_prefixes, taxonomy.phrase_openings
    inner, count = taxonomy.inner_words, len(lemmas)
    for position in compress(range(count), lemmas):  # the positions of term words, found in C
        word = lemmas[position]
        if word in inner:
            continue
        start = offsets[2 * position]
        for slug, weight in index.get((word,), ()):
            found.append((start, offsets[2 * position + 1], slug, weight))
        if word not in openings:
            continue
        phrase, last = (word,), position
        while last + 1 < count and phrase in prefixes and lemmas[last + 1]:
            last += 1
            phrase += (lemmas[last],)
            for slug, weight in index.get(phrase, ()):
                found.append((start, offsets[2 * last + 1], slug, weight))
    return found


# slug -> hits (a plain dict: Counter's constructor costs more than the counting here)
Hits = dict[str, float]


def _hits_between(matches: list[TermMatch], start: int, end: int) -> Hits:
    hits: Hits = {}
    for match_start, match_end, slug, weight in matches:
        if start <= match_start and match_end <= end:
            hits[slug] = hits.get(slug, 0.0) + weight
    return hits


def term_hits(taxonomy: Taxonomy, text: str) -> Counter[str]:
    """How much each subject's terms occur in `text` (slug -> hits times the subject's weight), as
    whole words: "peace talks resumed" hits "peace talk" and "talk"."""
    return Counter(_hits_between(_term_matches(taxonomy, text), 0, len(text)))


def _hits_in(matches: list[TermMatch], starts: list[int], start: int, end: int) -> Hits:
    """The hits of the term matches (sorted by start, `starts` their starts) within offsets [start, end)."""
    return _hits_between(matches[bisect_left(starts, start) : bisect_left(starts, end)], start, end)


@dataclass(frozen=True, slots=True)
class ArticleSubjects:
    """The article's evidence, read once: every term found in it with its offsets, each top-level
    subject's share of all of them, and the paragraphs' spans, whose hits are counted when a quote asks."""

    taxonomy: Taxonomy
    matches: list[TermMatch]  # in order of their start
    match_starts: list[int]
    shares: dict[str, float]  # top-level slug -> share in [0, 1]
    hits: Hits  # every level
    total_hits: float
    paragraph_spans: list[tuple[int, int]]  # `app.extract.marks.paragraphs`
    article_scores: dict[str, float] = field(init=False)  # top-level slug -> ARTICLE_WEIGHT x its share
    leading_share: float = field(init=False)
    around: dict[int, Hits] = field(init=False)  # paragraph index -> its hits and the previous one's, once asked

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "article_scores", {slug: ARTICLE_WEIGHT * share for slug, share in self.shares.items()}
        )
        object.__setattr__(self, "leading_share", max(self.shares.values(), default=0.0))
        object.__setattr__(self, "around", {})

    @classmethod
    def of(cls, taxonomy: Taxonomy, text: str, title: str | None = None) -> ArticleSubjects:
        matches = _term_matches(taxonomy, text)
        hits = _hits_between(_term_matches(taxonomy, title), 0, len(title)) if title else {}
        for _, _, slug, weight in matches:
            hits[slug] = hits.get(slug, 0.0) + weight
        tops = _by_top(taxonomy, hits)
        total = sum(tops.values())
        shares = {slug: count / total for slug, count in tops.items()} if total else {}
        return cls(
            taxonomy, matches, [match[0] for match in matches], shares, hits, sum(hits.values()), paragraphs(text)
        )

    def hits_between(self, start: int, end: int) -> Hits:
        """The hits of the terms within article offsets [start, end)."""
        return _hits_in(self.matches, self.match_starts, start, end)

    def around_hits(self, paragraph: int | None) -> Hits:
        """The hits of paragraph `paragraph` and of the one before it ({} for no paragraph)."""
        if paragraph is None or not 0 <= paragraph < len(self.paragraph_spans):
            return {}
        if paragraph not in self.around:
            own = self.hits_between(*self.paragraph_spans[paragraph])
            self.around[paragraph] = (
                _added(own, self.hits_between(*self.paragraph_spans[paragraph - 1])) if paragraph else own
            )
        return self.around[paragraph]

    def rank(
        self, quote: tuple[int, int], sentence: tuple[int, int], paragraph: int | None = None
    ) -> tuple[tuple[SubjectScore, ...], tuple[SubjectScore, ...]]:
        """The top-level subjects of the quote at article offsets `quote`, best first, and the narrower
        subject chosen under each; `sentence` is the span of its sentence, `paragraph` its paragraph's index."""
        taxonomy = self.taxonomy
        in_quote = self.hits_between(*quote)
        in_sentence = self.hits_between(*sentence)
        local: Hits = {}
        for slug, count in self.around_hits(paragraph).items():
            if count > in_sentence.get(slug, 0.0):
                local[slug] = AROUND_WEIGHT * (count - in_sentence.get(slug, 0.0))
        for slug, count in in_sentence.items():
            if count > in_quote.get(slug, 0.0):
                local[slug] = local.get(slug, 0.0) + count - in_quote.get(slug, 0.0)
        for slug, count in in_quote.items():
            local[slug] = local.get(slug, 0.0) + QUOTE_WEIGHT * count
        local_tops = _by_top(taxonomy, local)
        scores = dict(self.article_scores)
        for slug, count in local_tops.items():
            scores[slug] = count + scores.get(slug, 0.0)
        # best first, ties in slug order (a stable sort keeps the slug order among equal scores)
        ranked = sorted(
            sorted(slug for slug, score in scores.items() if score > 0), key=scores.__getitem__, reverse=True
        )
        if not ranked:
            return (), ()
        best = scores[ranked[0]]
        shares, leading_share = self.shares, self.leading_share

        def also(slug: str) -> bool:
            evidence = local_tops.get(slug, 0.0)
            if shares.get(slug, 0.0) >= ARTICLE_SUBJECT_SHARE * leading_share > 0:
                return evidence >= MIN_ARTICLE_SUBJECT_EVIDENCE
            return scores[slug] >= SECOND_SUBJECT_SHARE * best and evidence >= MIN_QUOTE_EVIDENCE

        chosen = [ranked[0]] + [slug for slug in ranked[1:] if also(slug)][: MAX_SUBJECTS - 1]
        tops = tuple(_score(taxonomy.by_slug[slug], scores[slug]) for slug in chosen)
        details = tuple(detail for slug in chosen if (detail := self._detail(slug, in_quote, local)) is not None)
        return tops, details

    def _detail(self, top: str, in_quote: Hits, local: Hits) -> SubjectScore | None:
        """The narrower subject under `top` with the most evidence in the quote, then around it, then in the article."""
        article = self.hits
        best_key, best = (0.0, 0.0, 0.0), None
        for subject in self.taxonomy.children[top]:
            key = (in_quote.get(subject.slug, 0.0), local.get(subject.slug, 0.0), article.get(subject.slug, 0.0))
            if key > best_key:
                best_key, best = key, subject
        if best is None:
            return None
        return _score(best, best_key[1] + ARTICLE_WEIGHT * best_key[2] / (self.total_hits or 1))


def _added(first: Hits, second: Hits) -> Hits:
    """The sum of two hit counts, keeping only positive ones, in the order of `first` then `second` (as Counter's +)."""
    total = {slug: count + second.get(slug, 0.0) for slug, count in first.items()}
    total.update((slug, count) for slug, count in second.items() if slug not in first)
    return {slug: count for slug, count in total.items() if count > 0}


def _by_top(taxonomy: Taxonomy, hits: Hits) -> dict[str, float]:
    tops: dict[str, float] = {}
    for slug, count in hits.items():
        top = taxonomy.top_slug[slug]
        tops[top] = tops.get(top, 0.0) + count
    return tops


def _score(subject: Subject, score: float) -> SubjectScore:
    return SubjectScore(name=subject.name, code=subject.code, score=round(score, 3), slug=subject.slug)

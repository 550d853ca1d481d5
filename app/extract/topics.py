"""Topic terms: the normalized key words of a quote, and the normalization the topic filter shares.

A term is case-folded and lemmatized word by word ("the Hostages" -> "hostage",
"Humanitarian Assistance" -> "humanitarian assistance"). `quote_topics` produces terms
from a quote and its sentence; the API's `topic=` filter passes the user's word through
`normalize_term`, so both sides must use the same function.
"""
from __future__ import annotations

import re
from functools import lru_cache

import simplemma

MAX_TOPICS = 12
MAX_BIGRAMS = 4
MIN_WORD_LENGTH = 3
# a sentence or quote longer than this is not prose; its first stretch is enough for topics
MAX_SOURCE_CHARS = 2000

# a word with inner apostrophes or hyphens ("Biden's", "long-term"); digits never start one
_WORD = r"[^\W\d_](?:[\w’'-]*\w)?"
WORD = re.compile(_WORD)
# 's or ’s closing a possessive noun: "Netanyahu's" -> "Netanyahu"
POSSESSIVE_SUFFIX = re.compile(r"[’']s$", re.IGNORECASE)
# punctuation that ends a phrase, so the words on either side never form a bigram
_PHRASE_BREAK = r"[.,;:!?()\[\]\"“”‘’—–]|\s[-']\s|\s'|'\s"
# one pass over a text: a word (group 1), or a phrase break (group 1 empty)
WORD_OR_BREAK = re.compile(f"({_WORD})|{_PHRASE_BREAK}")

LEADING_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some any every each".split()
)
STOPWORDS = frozenset("""
    a about above after again against all also am an and any are aren't as at be because been before
    being below between both but by can cannot could couldn't did didn't do does doesn't doing don't down
    during each either even ever every few for from further get gets getting got had hadn't has hasn't have
    haven't having here how however if in into is isn't it it's its just least less let like many may might
    more most much must mustn't neither no nor not now of off often on once one only or other otherwise
    ought out over own per perhaps quite rather really same shall shan't should shouldn't since so some
    still such than that that's the then there there's these thing things this those though through thus
    to too toward towards under until up upon very via was wasn't well were weren't what what's when where
    whether which while who whom whose why will with within without won't would wouldn't yes yet
    i me my mine myself we us our ours ourselves you your yours yourself yourselves he him his himself she
    her hers herself it itself they them their theirs themselves one's someone somebody anyone anybody
    everyone everybody nobody something anything everything nothing
    mr mrs ms dr said says say saying tell tells told telling add adds added adding note notes noted
    continue continues continued state stated states stating according argue argued claim claimed explain
    explained insist insisted remark remarked reply replied respond responded ask asked write wrote
    written call called describe described think thought know knew go going gone went come came make made
    take took want wanted need needed see saw seen look looked way lot lots kind sort going
    today yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday
    year years day days week weeks month months time times
""".split())


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one case-folded word ("hostages" -> "hostage")."""
    return simplemma.lemmatize(word, lang="en").casefold()


def _clean_word(word: str) -> str:
    return POSSESSIVE_SUFFIX.sub("", word.casefold()).strip("'’-")


def normalize_term(term: str) -> str:
    """The canonical form of a topic term: case-folded, leading determiners dropped, lemmatized.

    >>> normalize_term("the Hostages")
    'hostage'
    """
    words = [_clean_word(w) for w in WORD.findall(term)]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in LEADING_DETERMINERS:
        words.pop(0)
    return " ".join(lemma(w) for w in words)


@lru_cache(maxsize=65536)
def _content_term(raw_word: str) -> str | None:
    """The lemma of a word as written, or None for a short word, stopword, pronoun or reporting verb."""
    word = _clean_word(raw_word)
    if len(word) < MIN_WORD_LENGTH or word in STOPWORDS:
        return None
    term = lemma(word)
    return None if term in STOPWORDS else term


def quote_topics(text: str, context: str) -> tuple[str, ...]:
    """Normalized key terms of a quote and its sentence: a few bigrams first, then unigrams.

    >>> quote_topics("Bring the hostages home", "He urged talks on humanitarian assistance.")
    ('hostage home', 'urge talk', 'humanitarian assistance', 'bring', 'hostage', 'home', 'urge', 'talk', 'humanitarian', 'assistance')
    """
    quote_unigrams, quote_bigrams = _source_terms(text[:MAX_SOURCE_CHARS])
    context_unigrams, context_bigrams = _source_terms(context[:MAX_SOURCE_CHARS])
    ranked_bigrams = _by_frequency(quote_bigrams + context_bigrams)[:MAX_BIGRAMS]
    terms = ranked_bigrams + [t for t in _by_frequency(quote_unigrams + context_unigrams) if t not in ranked_bigrams]
    return tuple(terms[:MAX_TOPICS])


@lru_cache(maxsize=256)  # the quotes of one sentence share its context
def _source_terms(source: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Content-word unigrams, and bigrams of content words adjacent within a phrase, in order."""
    unigrams: list[str] = []
    bigrams: list[str] = []
    previous: str | None = None
    for raw_word in WORD_OR_BREAK.findall(source):
        term = _content_term(raw_word) if raw_word else None
        if term is None:
            previous = None
            continue
        unigrams.append(term)
        if previous is not None:
            bigrams.append(f"{previous} {term}")
        previous = term
    return tuple(unigrams), tuple(bigrams)


def _by_frequency(terms: tuple[str, ...]) -> list[str]:
    """Distinct terms, most frequent first, ties in order of first appearance."""
    first_seen: dict[str, int] = {}
    counts: dict[str, int] = {}
    for position, term in enumerate(terms):
        first_seen.setdefault(term, position)
        counts[term] = counts.get(term, 0) + 1
    return sorted(first_seen, key=lambda t: (-counts[t], first_seen[t]))

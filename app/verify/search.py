"""The full-text query that finds the stored quotes a claim may be (pure: it only writes search syntax).

    candidate_query("We will rebuild the old bridge by May")
    -> '"we will" OR "will rebuild" OR "rebuild the" OR "the old" OR "old bridge" OR "bridge by" OR "by may"'

Word pairs, not single words: a misquote keeps most pairs of its source side by side, while two
quotes that merely share a few words rarely share a pair. The full-text index ranks the quotes
holding the most (and the rarest) pairs first. Pairs of two function words ("of the") match a
large part of any archive and are left out when the claim has others.
"""

from __future__ import annotations

from stop_words import get_stop_words

from app.store.search_syntax import MAX_QUERY_CHARS, MAX_TERMS

FUNCTION_WORDS = frozenset(word.casefold() for word in get_stop_words("en"))
# a claim of many words is searched on this many of its pairs, spread over it
MAX_PAIRS = 16


def candidate_query(claim_keys: list[str]) -> str | None:
    """The search (syntax of `q=`) for quotes sharing word pairs with the claim; None without a word."""
    if not claim_keys:
        return None
    if len(claim_keys) == 1:
        return _phrase(claim_keys)
    pairs = [claim_keys[i : i + 2] for i in range(len(claim_keys) - 1)]
    telling = [pair for pair in pairs if not all(word in FUNCTION_WORDS for word in pair)]
    pairs = _spread(list({" ".join(p): p for p in telling or pairs}.values()), min(MAX_PAIRS, MAX_TERMS))
    query = ""
    for pair in pairs:
        longer = f"{query} OR {_phrase(pair)}" if query else _phrase(pair)
        if len(longer) > MAX_QUERY_CHARS:
            break
        query = longer
    return query


def _phrase(words: list[str]) -> str:
    """Words as one phrase of the search syntax (a double quote inside a word is dropped)."""
    return '"' + " ".join(words).replace('"', "") + '"'


def _spread(items: list[list[str]], count: int) -> list[list[str]]:
    """`count` items taken evenly over `items` (all of them when there are no more)."""
    if len(items) <= count:
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]

"""The search language of `q=`, parsed into terms any full-text engine can render.

    ceasefire talks         both words (each stemmed: "talks" finds "talk", "talking")
    "humanitarian aid"      the words side by side, in this order
    hostage OR captive      either word
    -Gaza   or   NOT Gaza   without this word
    negotiat*               any word starting with "negotiat"

Operators are upper case; "and", "or" and "not" in lower case are searched as words.
Malformed input (an unbalanced quote, an operator without terms, nothing but exclusions)
raises FullTextSyntaxError with a message fit for the client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.store.base import FullTextSyntaxError

MAX_QUERY_CHARS = 500
MAX_TERMS = 32

# one token of the query: a "quoted phrase" (optionally followed by * or preceded by -) or a bare chunk
QUERY_TOKEN = re.compile(r'(?P<minus>-)?"(?P<phrase>[^"]*)"(?P<star>\*)?|(?P<chunk>[^\s"]+)')
WORD_CHARACTER = re.compile(r"[^\W_]")
# NUL and other control characters end an FTS5 string early; they are never part of a word
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
OPERATORS = frozenset({"AND", "OR", "NOT"})


@dataclass(frozen=True, slots=True)
class SearchTerm:
    """A word or phrase to find; `prefix` when its last word may continue ("negotiat*")."""

    text: str
    prefix: bool = False


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """All of `required` (each a tuple of alternatives, any one suffices) and none of `excluded`."""

    required: tuple[tuple[SearchTerm, ...], ...]
    excluded: tuple[SearchTerm, ...] = ()


def _term(text: str, prefix: bool) -> SearchTerm | None:
    """A term, or None when `text` has no letter or digit to search for ("-", "...")."""
    text = text.strip()
    if not WORD_CHARACTER.search(text):
        return None
    return SearchTerm(text=text, prefix=prefix)


def _tokens(query: str) -> list[tuple[str, SearchTerm | None, bool]]:
    """(operator or "", term, negated) for each token of the query, in order."""
    if query.count('"') % 2:
        raise FullTextSyntaxError('q has an unbalanced double quote: close the phrase with a second "')
    tokens: list[tuple[str, SearchTerm | None, bool]] = []
    for match in QUERY_TOKEN.finditer(query):
        if match["phrase"] is not None:
            tokens.append(("", _term(match["phrase"], bool(match["star"])), bool(match["minus"])))
            continue
        chunk = match["chunk"]
        if chunk in OPERATORS:
            tokens.append((chunk, None, False))
            continue
        negated = chunk.startswith("-") and len(chunk) > 1
        chunk = chunk[1:] if negated else chunk
        prefix = chunk.endswith("*")
        tokens.append(("", _term(chunk.rstrip("*"), prefix), negated))
    return tokens


def parse_search(query: str) -> SearchQuery:
    """Parse the user's `q`; raises FullTextSyntaxError when it cannot be searched."""
    if len(query) > MAX_QUERY_CHARS:
        raise FullTextSyntaxError(f"q is longer than {MAX_QUERY_CHARS} characters")
    query = CONTROL_CHARACTER.sub(" ", query)
    groups: list[list[SearchTerm]] = []
    excluded: list[SearchTerm] = []
    pending: str = ""  # the operator waiting for its right-hand term
    last_was_term = False
    for operator, term, negated in _tokens(query):
        if operator:
            if pending or (operator != "NOT" and not last_was_term):
                raise FullTextSyntaxError(f"q: {operator} needs a search term on each side")
            pending, last_was_term = operator, False
            continue
        if term is None:
            continue
        if negated or pending == "NOT":
            excluded.append(term)
        elif pending == "OR":
            groups[-1].append(term)
        else:
            groups.append([term])
        pending, last_was_term = "", True
    if pending:
        raise FullTextSyntaxError(f"q: {pending} needs a search term after it")
    if not groups:
        raise FullTextSyntaxError("q has no word to search for" + (" (only exclusions)" if excluded else ""))
    if sum(map(len, groups)) + len(excluded) > MAX_TERMS:
        raise FullTextSyntaxError(f"q has more than {MAX_TERMS} terms")
    return SearchQuery(required=tuple(tuple(g) for g in groups), excluded=tuple(excluded))

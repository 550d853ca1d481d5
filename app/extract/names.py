"""The name cleaner: which words of a capitalised run are a name, and which are a title or no name at all.

A run of capitalised words may carry a role ("Chief Executive Officer Nell Garrow"), a party or a
rival's label ("Rival Nell Garrow"), or be a headline fragment ("Review Crowd Does Not Like
Nell Garrow", "Nell Garrow Asked Voters To"). The name is what remains; the role goes to the title.
Two readings: `split_title` by the word lists alone, for any run; `clean_name` with what the
article itself shows, the words it writes in lower case elsewhere ("rival", "dock warden").
"""

from __future__ import annotations

from app.extract.lexicon import (
    CAPITALISED_FUNCTION_WORDS,
    HONORIFIC_GENDER,
    NAME_PARTICLES,
    ORGANIZATION_WORDS,
    ROLE_WORDS,
    TITLE_WORDS,
)

TITLE_CONNECTIVES = frozenset("of for the and".split())


def is_title_word(word: str) -> bool:
    low = word.lower().rstrip(",")
    return low in TITLE_WORDS or low in ROLE_WORDS


def split_title(words: list[str]) -> tuple[list[str], list[str]]:
    """(title words, name words): name words are taken from the right until a title word."""
    if len(words) > 1 and words[-1].lower() in ORGANIZATION_WORDS:
        return [], words  # "White House", "State Department": an institution, not a role
    if "of" in words and any(w.lower() in ORGANIZATION_WORDS and n == "of" for w, n in zip(words, words[1:])):
        return [], words  # "General Union of Port and Dock Workers", "Ministry of Transport"
    cut = len(words)
    while cut > 0 and not is_title_word(words[cut - 1]):
        cut -= 1
    if cut < len(words):
        if words[cut - 1].lower() in TITLE_CONNECTIVES:
            return [], words[cut:]  # "Republican of South Carolina": a place or an employer, not a titled person
        return words[:cut], words[cut:]
    prefix = 0  # the name ends in a title-like word ("Peter T. King"): the title is the leading run
    while prefix < len(words) and is_title_word(words[prefix]):
        prefix += 1
    return words[:prefix], words[prefix:]  # all title words ("the President"): no name


def is_common_word(word: str, lowercase_words: set[str] | frozenset[str]) -> bool:
    """A word the article also writes in lower case ("rival", "asked") or a function word ("While"),
    and no name particle or honorific."""
    low = word.lower()
    return (
        (low in lowercase_words or low in CAPITALISED_FUNCTION_WORDS)
        and low not in NAME_PARTICLES
        and low not in HONORIFIC_GENDER
    )


def clean_name(name: str, lowercase_words: set[str] | frozenset[str], is_first_name) -> tuple[str, str | None]:
    """(name, title words taken off it) for a person's name read from one capitalised run.

    Leading words the article writes in lower case are a label when a first name follows them
    ("Rival Nell Garrow", "Dock Warden Ines Farrell"); after a first name and a surname,
    such a word starts a headline's predicate ("Nell Garrow Asked Voters To"); a first name after a
    word that is none begins the name a headline is about ("Nell Garrow Slams Ines Farrell"). `is_first_name`
    tells a given name ("Ines") from a word ("Dock")."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() in ORGANIZATION_WORDS:
        return name, None
    start = 0
    while start < len(words) - 1 and (is_common_word(words[start], lowercase_words) or is_title_word(words[start])):
        start += 1
    if start and (not is_first_name(words[start]) or start == len(words) - 1):
        start = 0  # "Old Mill Rovers", "Garden Bill": no first name and surname follow, so it is no label
    if start == 0:  # a headline before the name: "Review Crowd Does Not Like Nell Garrow"
        start = max(
            (
                i
                for i in range(1, len(words) - 1)
                if words[i - 1].lower() in CAPITALISED_FUNCTION_WORDS and is_first_name(words[i])
            ),
            default=0,
        )
    if start == 0:  # a second name in a headline: "Nell Garrow Slams Ines Farrell" is about Ines Farrell
        start = max(
            (
                i
                for i in range(2, len(words) - 1)
                if is_first_name(words[i])
                and not is_common_word(words[i], lowercase_words)
                and not is_common_word(words[i + 1], lowercase_words)
                and not _may_precede_a_given_name(words[i - 1], is_first_name)
            ),
            default=0,
        )
        headline = start > 0
    else:
        headline = False
    end = len(words)
    if is_first_name(words[start]):
        for index in range(start + 2, len(words)):
            if is_common_word(words[index], lowercase_words) and not is_title_word(words[index]):
                end = index  # "Nell Garrow Asked Voters To Stay": the headline goes on after the name
                break
    if start == 0 and end == len(words):
        return name, None
    label = words[:start]
    if headline or any(word.lower() in CAPITALISED_FUNCTION_WORDS for word in label):
        label = []  # a headline's words are no title
    return " ".join(words[start:end]), " ".join(label) or None


def _may_precede_a_given_name(word: str, is_first_name) -> bool:
    """A first name, an initial or a particle may stand before another given name ("Mary Ann", "J. Paul")."""
    return is_first_name(word) or (len(word.rstrip(".")) == 1) or word.lower() in NAME_PARTICLES


def is_page_furniture(name: str, lowercase_words: set[str] | frozenset[str]) -> bool:
    """ "READ MORE", "WATCH LIVE": words in capitals that the article also writes as plain words."""
    return name.isupper() and " " in name and all(is_common_word(word, lowercase_words) for word in name.split())

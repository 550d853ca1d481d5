"""Key terms: the normalized noun phrases of a quote a reader would search, and the normalization the
topic filter shares.

A term is case-folded and lemmatized word by word ("the Hostages" -> "hostage",
"Humanitarian Assistance" -> "humanitarian assistance"). `quote_topics` produces key terms,
nouns and noun phrases, from a quote and its sentence. Left out: people's names and any word of
them, function words (our list and the maintained English list of the `stop-words` package),
the filler nouns of news prose ("statement", "people"), verbs (by form, by a few common verbs,
and by position: after "to", a modal or a subject pronoun), adverbs, and adjectives standing
alone or as a modifier ("humanitarian" in "humanitarian assistance"; the phrase stays). The
API's `topic=` filter passes the user's word through `normalize_term`, so both sides must use
the same function.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import compress, count
from operator import itemgetter

import simplemma
from stop_words import get_stop_words

from app.extract.entities import first_name_gender
from app.extract.lexicon import NAME_PARTICLES, ORGANIZATION_WORDS, SPEECH_VERBS, TITLE_WORDS

MAX_TOPICS = 12
MAX_BIGRAMS = 4
MIN_WORD_LENGTH = 3
# a sentence or quote longer than this is not prose; its first stretch is enough for topics
MAX_SOURCE_CHARS = 2000

# a word with inner apostrophes or hyphens ("Biden's", "long-term"); digits never start one. Possessive
# (no backtracking, faster): letters, then joiners each followed by more letters, so a trailing joiner is left out
_WORD = r"[^\W\d_]\w*+(?:[’'-]+\w++)*+"
WORD = re.compile(_WORD)
# 's or ’s closing a possessive noun: "Netanyahu's" -> "Netanyahu"
POSSESSIVE_SUFFIX = re.compile(r"[’']s$", re.IGNORECASE)
# a contraction's clitic: "we're", "they'll", "I've", "she'd", "can't"
CONTRACTION = re.compile(r"[’'](?:re|ll|ve|d|m|t)$|n[’']t$", re.IGNORECASE)
# punctuation that ends a phrase, so the words on either side never form a bigram
_PHRASE_BREAK = r"[.,;:!?()\[\]\"“”‘’—–]|\s(?:[-']\s|')|'\s"
# one pass over a text: a word (group 1), or a phrase break (group 2)
WORD_OR_BREAK = re.compile(f"({_WORD})|({_PHRASE_BREAK})")
WORD_OF_TOKEN = itemgetter(0)  # of a (word, phrase break) token
FIRST_LETTER = itemgetter(slice(0, 1))
# a phrase break after which a capitalised word may open a sentence
SENTENCE_OPENING_BREAK = re.compile(r"[.!?:\"“‘(\[—–]")

LEADING_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your some any every each".split()
)
STOPWORDS = frozenset(
    """
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
    although though unless whereas whenever wherever whatever whichever whoever despite among amongst amid
    amidst along alongside across around behind beside besides beyond inside outside onto throughout
    unlike near nearby instead indeed already always never sometimes usually again almost enough back
    forth away ahead else soon later earlier ago once twice pretty following including regarding concerning
    two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy
    eighty ninety hundred hundreds thousand thousands million millions billion billions trillion first
    second third
""".split()
) | frozenset(SPEECH_VERBS)
# the maintained English stopword list ("new", "good", "former", "world", "information")
LIBRARY_STOPWORDS = frozenset(word.casefold() for word in get_stop_words("en"))
# nouns of news prose itself, which say nothing about what a quote is about
NEWS_FILLER = frozenset(
    """
    statement interview reporter author tweet speech remark comment question answer message word news percent issue
    people person guy man woman friend idea fact case thing matter stuff lot deal job way time kind sort
    country world place story report source spokesman spokeswoman spokesperson
    anything everything something nothing everyone someone
    night morning evening afternoon hour minute weekend decade century
    sen rep gov gen lt col sgt
""".split()
)
# adjectives without an adjective's ending, common in quotes
COMMON_ADJECTIVES = frozenset(
    """
    bad hard strong wrong tough big small great high low long short old young black white red blue green left
    private senior junior foreign free full open clear real true false easy huge major minor ready sure key top
    rich poor safe fair tired afraid proud happy sad angry
""".split()
)
# a word after one of these is a verb: "to win", "we support", "will change", "don't stand"
VERB_LEADERS = frozenset(
    """
    to will would can could should must may might shall i we you they he she let don't doesn't didn't won't
    can't cannot wouldn't shouldn't couldn't never also just not
""".split()
)
# endings of adjectives ("political", "democratic", "famous", "humanitarian") ...
ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ful", "less", "able", "ible", "ian", "ean", "can", "ese", "ish")
# ... and nouns that share them
NOUNS_LIKE_ADJECTIVES = frozenset(
    """
    official criminal proposal trial rival approval hospital animal capital general individual material signal
    festival arrival survival denial withdrawal renewal removal refusal dismissal tribunal journal terminal
    principal professional liberal editorial manual ritual scandal canal council pedal metal crystal musical
    music clinic topic traffic panic republic logic critic mechanic tactic plastic epidemic pandemic public
    politician musician physician librarian historian guardian civilian comedian pedestrian veteran christian
    cable table label vegetable timetable constable stable variable ocean
    fish
""".split()
)
# verbs common in news prose that rarely serve as a noun, so never name a quote's subject
COMMON_VERBS = frozenset(
    """
    accept achieve acknowledge agree allow appear arrive attach become begin believe bring carry
    choose consider create decide deliver depend destroy discuss enable ensure expect expedite explore
    feel find follow give happen hear include intend involve keep leave let lose mean occur prepare
    prevent prove provide pursue reach realize receive recognize reduce refuse remain require seek seem
    send speak spoke strengthen suggest tell try understand set live put
""".split()
)
# a title standing before a name; connectives and nouns of institutions ("State Department") excluded
PERSONAL_TITLES = TITLE_WORDS - ORGANIZATION_WORDS - frozenset("of the for and us u.s. u.s uk u.k. un u.n.".split())
# verbs after a name that show a person acting as a speaker: "Drell said", "Drell spoke"
PERSON_CUES = frozenset(SPEECH_VERBS) | frozenset("spoke speaks speaking".split())


@lru_cache(maxsize=65536)
def lemma(word: str) -> str:
    """The dictionary form of one case-folded word ("hostages" -> "hostage"), never a non-word.

    simplemma's dictionary holds a few forms that are no words ("playing" -> "playe"); a lemma
    that adds a silent e after a vowel other than u is rejected for the word minus its ending.
    """
    term = simplemma.lemmatize(word, lang="en").casefold()
    if term != word and term.endswith("e") and term[-2:-1] in set("aioy"):
        stem = term[:-1]
        if word.startswith(stem) and word[len(stem) :] in ("ing", "ed", "s"):
            return stem
    return term


@lru_cache(maxsize=65536)
def clean_word(word: str) -> str:
    return POSSESSIVE_SUFFIX.sub("", word.casefold()).strip("'’-")


def normalize_term(term: str) -> str:
    """The canonical form of a topic term: case-folded, leading determiners dropped, lemmatized.

    >>> normalize_term("the Hostages")
    'hostage'
    """
    words = [clean_word(w) for w in WORD.findall(term)]
    words = [w for w in words if w]
    while len(words) > 1 and words[0] in LEADING_DETERMINERS:
        words.pop(0)
    return " ".join(lemma(w) for w in words)


def _is_adverb(word: str) -> bool:
    """An -ly word built on a known adjective: "relentlessly", "invariably", "happily" (not "family")."""
    if len(word) < 5 or not word.endswith("ly"):
        return False
    if word.endswith(("ably", "ibly")):
        return True
    bases = (word[:-2], word[:-3] + "le", word[:-3] + "y")
    return any(simplemma.is_known(base, lang="en") for base in bases)


def _is_verb_like(word: str, term: str) -> bool:
    """An inflected verb ("displaced", "suggesting"), a verb by suffix ("revitalize", "unify"), or a common verb."""
    if term in COMMON_VERBS:
        return True
    if term != word and word.endswith(("ed", "ing")) and not term.endswith(("ed", "ing")):
        return True
    return term.endswith(("ize", "ify")) and len(term) > 5


@lru_cache(maxsize=65536)
def _content_term(raw_word: str) -> str | None:
    """The lemma of a subject word as written, or None for a short word, stopword, verb, adverb or contraction."""
    if CONTRACTION.search(raw_word):
        return None
    word = clean_word(raw_word)
    if len(word) < MIN_WORD_LENGTH or word in STOPWORDS or word in LIBRARY_STOPWORDS or _is_adverb(word):
        return None
    term = lemma(word)
    if (
        term in STOPWORDS
        or term in LIBRARY_STOPWORDS
        or term in NEWS_FILLER
        or "_" in term
        or _is_verb_like(word, term)
    ):
        return None
    return term


@lru_cache(maxsize=65536)
def _is_adjective_like(term: str) -> bool:
    """A common adjective, or a word ending like one ("political", "democratic") that is no known noun of that shape."""
    return term in COMMON_ADJECTIVES or term.endswith(ADJECTIVE_ENDINGS) and term not in NOUNS_LIKE_ADJECTIVES


def quote_topics(text: str, context: str, people: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """Key terms of a quote and its sentence: a few noun phrases first, then single words. `people`
    are case-folded words of the article's people's names, left out as the names found here are.

    >>> quote_topics("Bring the hostages home", "Mara Quill urged talks on humanitarian assistance.")
    ('humanitarian assistance', 'hostage', 'talk', 'assistance')
    """
    text, context = text[:MAX_SOURCE_CHARS], context[:MAX_SOURCE_CHARS]
    named_here = _person_names(text) | _person_names(context)
    if not named_here <= people:  # else the article's own set stays the key of the term caches: hashed once
        people = people | named_here
    quote_unigrams, quote_bigrams = _source_terms(text, people)
    context_unigrams, context_bigrams = _source_terms(context, people)
    ranked_bigrams = _by_frequency(quote_bigrams + context_bigrams)[:MAX_BIGRAMS]
    terms = ranked_bigrams + [t for t in _by_frequency(quote_unigrams + context_unigrams) if t not in ranked_bigrams]
    return tuple(terms[:MAX_TOPICS])


@lru_cache(maxsize=256)  # read twice: for the people a text names, then for its terms
def _tokens(source: str) -> tuple[tuple[str, str], ...]:
    """(word, "") for each word and ("", break) for each phrase break, in order."""
    return tuple(WORD_OR_BREAK.findall(source))


def _opens_sentence(tokens: tuple[tuple[str, str], ...], position: int) -> bool:
    """Whether the word at `position` may open a sentence: it comes first, or after an opening break."""
    if position == 0:
        return True
    word, phrase_break = tokens[position - 1]
    return not word and SENTENCE_OPENING_BREAK.match(phrase_break) is not None


@lru_cache(maxsize=65536)
def _is_name_word(word: str, opens_sentence: bool) -> bool:
    """A capitalised word that can be part of a name: mid-sentence, or opening a sentence as a
    first name ("Mara") or a word no dictionary holds ("Quill" is one, "Bring" is not a name)."""
    if not word[:1].isupper():
        return False
    if not opens_sentence:
        return True
    if word.casefold() in STOPWORDS:  # "The", "Will": some name lists hold them too
        return False
    return first_name_gender(word) is not None or not simplemma.is_known(word.casefold(), lang="en")


@lru_cache(maxsize=256)  # the quotes of one sentence share its context
def _person_names(source: str) -> frozenset[str]:
    """Case-folded words of the people a text names: after a first name, after a title, or by a reporting verb.

    "Lena Marsh", "Minister Okoro", "Drell said" and "said Drell" name people; once named, the
    surname alone ("Marsh") is a person too.
    """
    tokens = _tokens(source)
    people: set[str] = set()
    end = -1
    capitalised = map(str.isupper, map(FIRST_LETTER, map(WORD_OF_TOKEN, tokens)))  # in C: most words are not
    for position in compress(count(), capitalised):
        if position <= end or not _is_name_word(tokens[position][0], _opens_sentence(tokens, position)):
            continue
        end = position
        while end + 1 < len(tokens) and (tokens[end + 1][0][:1].isupper() or _joins_names(tokens, end + 1)):
            end += 1
        run = [clean_word(w) for w, _ in tokens[position : end + 1]]
        people.update(_people_in_run(run, _cleaned_word_at(tokens, position - 1), _cleaned_word_at(tokens, end + 1)))
    return frozenset(people)


def _joins_names(tokens: tuple[tuple[str, str], ...], position: int) -> bool:
    """A lowercase particle inside a name ("bin" in "Omar bin Rashed", "van" in "Piet van Dam")."""
    following = tokens[position + 1][0] if position + 1 < len(tokens) else ""
    return tokens[position][0] in NAME_PARTICLES and following[:1].isupper()


def _cleaned_word_at(tokens: tuple[tuple[str, str], ...], position: int) -> str:
    return clean_word(tokens[position][0]) if 0 <= position < len(tokens) else ""


def _people_in_run(run: list[str], before: str, after: str) -> list[str]:
    """The words of a capitalised run that name a person, given the words on either side of it."""
    if any(word in ORGANIZATION_WORDS for word in run):
        return []
    for index, word in enumerate(run):
        named_by_title = word not in PERSONAL_TITLES and (run[index - 1] if index else before) in PERSONAL_TITLES
        named_by_first_name = index == 0 < len(run) - 1 and first_name_gender(word) is not None
        if named_by_title or named_by_first_name:
            return [name for name in run[index:] if name not in PERSONAL_TITLES and name not in STOPWORDS]
    speaks = after in PERSON_CUES or before in ("said", "says")
    if len(run) <= 2 and speaks and not any(_is_place(word) for word in run):
        return run
    return []


@lru_cache(maxsize=65536)
def _is_place(word: str) -> bool:
    """A name the dictionary holds capitalised and no first name, so a country or city that speaks ("Norway said")."""
    return simplemma.lemmatize(word, lang="en")[:1].isupper() and first_name_gender(word) is None


@lru_cache(maxsize=256)
def _source_terms(source: str, people: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Key-word unigrams, and the closing pair of each run of key words within a phrase, in order.

    A noun phrase ends in its head, so "senior harbour official" gives "harbour official"; a word
    that reads as an adjective is a term only inside such a pair; a word after a verb leader
    ("to", "will", "we") is a verb and ends the phrase. A capitalised word beside another ("York" in
    "New York", "White" in "White House") is a fragment of a name: a term only inside the pair.
    """
    unigrams: list[str] = []
    bigrams: list[str] = []
    run: list[str] = []
    fragments: list[bool] = []  # per word of the run: a word of a longer name
    tokens = _tokens(source) + (("", ""),)
    for position, (word, _) in enumerate(tokens):
        term = _content_term(word) if word else None
        if term is not None:
            capitalised = word[:1].isupper()
            if (
                people
                and (capitalised or word in NAME_PARTICLES)
                and clean_word(word) in people
                or position
                and tokens[position - 1][0].casefold() in VERB_LEADERS
            ):
                term = None
        if term is not None:
            run.append(term)
            fragments.append(capitalised and _in_longer_name(tokens, position))
            continue
        if not run:
            continue
        if len(run) >= 2:
            bigrams.append(f"{run[-2]} {run[-1]}")
        unigrams.extend(t for t, fragment in zip(run, fragments) if not fragment and not _is_adjective_like(t))
        run, fragments = [], []
    return tuple(unigrams), tuple(bigrams)


def _in_longer_name(tokens: tuple[tuple[str, str], ...], position: int) -> bool:
    """A capitalised word next to another capitalised word, so part of a name of two or more words."""
    if not tokens[position][0][:1].isupper():
        return False
    return any(
        0 <= near < len(tokens) and tokens[near][0][:1].isupper() and not _opens_sentence(tokens, max(near, position))
        for near in (position - 1, position + 1)
    )


def _by_frequency(terms: tuple[str, ...]) -> list[str]:
    """Distinct terms, most frequent first, ties in order of first appearance."""
    return sorted(dict.fromkeys(terms), key=terms.count, reverse=True)  # the sort is stable, also reversed

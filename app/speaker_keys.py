"""How speaker names are read, folded and matched: the one rule shared by the store (merging) and the API (`speaker=`).

    name_key("Antony J. Blinken")          -> "antony j blinken"   (case, accents, punctuation folded)
    clean_name("Sen. Mara Lind", "person") -> "Mara Lind"          (role words in front dropped)
    clean_name("Actor Ilse Brandt", "person") -> "Ilse Brandt"     (so is a common word before a first name)
    identity_key("donald j trump", "person")       -> "donald trump"   (first and last name: one person)
    identity_key("ahmad faris bin hashim", "person") -> "ahmad faris"  (a trailing patronymic dropped)
    identity_key("brightline systems inc", "organization") -> "brightline systems"
    surname_key("antony blinken")          -> "blinken"            (None for one-word names)
    is_name_variant("Mr. Blinken", "Antony Blinken") -> True; "the top US diplomat" -> False
    same_given_name("hilary", "hillary")   -> True                 (a letter doubled or not: one spelling)

A speaker's aliases are the name variants it was written as; descriptions stay on the quote.
`speaker_ids_named` answers `speaker=`: a full name finds that person (any name variant, any
middle name or initial); a bare surname finds every person with that surname.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import Connection, bindparam, or_, select, union

from app.extract.entities import first_name_gender, is_capitalised_common_word
from app.store.models import Speaker, SpeakerAlias

# anything that is not a letter or digit separates words: "Jean-Luc Moreau" -> jean luc moreau
NON_WORD_RUN = re.compile(r"[\W_]+")
# a one-letter prefix glued by an apostrophe is part of the word: "O'Neill" -> oneill, "D’Amato" -> damato
# (so "o" and "d" are left to mean initials: "Lindsey O. Graham")
APOSTROPHE_PREFIX = re.compile(r"\b([A-Za-z])['’](?=[A-Za-z])")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
# a letter written twice or more in a row: "Hillary" and "Hilary", "Phillip" and "Philip" are one spelling apart
DOUBLED_LETTER = re.compile(r"(\w)\1+")
MIN_VARIANT_CHARS = 4  # shorter given names ("Ann", "Ana") are names of their own, not spellings of one
# words that belong to the last name they precede: "von der Leyen", "O'Neill", "de Gaulle"
SURNAME_PARTICLES = frozenset(
    {
        "al",
        "bin",
        "da",
        "de",
        "del",
        "della",
        "der",
        "di",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "st",
        "ten",
        "ter",
        "van",
        "von",
    }
)
# "son/daughter of", written after a given name: "Ahmad Faris bin Hashim" is known as "Ahmad Faris"
PATRONYMIC_PARTICLES = frozenset({"bin", "binti", "bint", "ibn"})
# legal forms an organisation's name may carry or drop: "Brightline Systems Inc" is "Brightline Systems"
LEGAL_FORMS = frozenset(
    {
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "llp",
        "plc",
        "corp",
        "co",
        "gmbh",
        "ag",
        "sa",
        "nv",
        "bv",
        "pty",
        "lp",
    }
)
# Words of a role, rank, party or origin written in front of a name, and honorifics: "Sen.", "Chief
# Executive Officer", "Democrat", "Rival", "Detective Sergeant", "Harbour Master". General vocabulary only.
ROLE_WORDS = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend hon cllr councillor councilor
    president vice former acting interim deputy assistant associate senior junior chief executive officer
    ceo cfo coo cto chair chairman chairwoman chairperson director manager head founder cofounder co owner
    secretary minister premier prime chancellor governor gov mayor sen senator rep representative
    congressman congresswoman assemblyman assemblywoman councilman councilwoman delegate lawmaker speaker
    leader majority minority whip ambassador envoy commissioner superintendent sheriff marshal judge justice
    attorney general prosecutor counsel lawyer solicitor barrister spokesman spokeswoman spokesperson
    candidate nominee hopeful challenger rival incumbent opponent democrat democratic republican gop
    independent conservative liberal labour tory socialist candidate activist analyst economist strategist
    pollster adviser advisor consultant coach captain capt sergeant sgt detective inspector constable officer
    lieutenant lt colonel col major maj gen admiral adm commander cmdr private corporal cpl master harbour
    harbor port police fire chief king queen prince princess crown sheikh emir pope bishop cardinal rabbi
    imam pastor father provost state federal national us u s uk journalist reporter correspondent columnist
    editor anchor host commentator author writer researcher scientist official aide advocate
""".split()
)
ARTICLES = frozenset({"the", "a", "an", ""})
# A word that ends a description in front of a name: a possessive ("the union's", "Democracy Corps'")
# or an origin ("Texas-based"): "Post's Ruth Marcus" -> "Ruth Marcus".
DESCRIPTION_END = re.compile(r"(?:['’]s|s['’]|-based)$", re.IGNORECASE)
# Words no personal name holds; a "person" named with one is a headline fragment ("Crowd Does Not Like X").
NOT_NAME_WORDS = frozenset(
    """
    does did not is are was were been has have had from with without for yet than
    that this these those who what when why how says said tells told more most could should would must
    might shall about after before against into over under again why here there their them they we you
    it its our your
""".split()
)


def name_key(name: str) -> str:
    """`name` case-folded, without accents, words separated by single spaces ("" when nothing is left)."""
    decomposed = unicodedata.normalize("NFKD", APOSTROPHE_PREFIX.sub(r"\1", name))
    without_accents = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return NON_WORD_RUN.sub(" ", without_accents.casefold()).strip()


def clean_name(name: str, kind: str) -> str | None:
    """The name without role words written in front of it ("Detective Sergeant Owen Lacey" -> "Owen Lacey",
    "Mr. Obama" -> "Obama", "Labor Secretary Tom Perez" -> "Tom Perez", "the union's Dana Voss" ->
    "Dana Voss": everything up to the last role word, possessive or "-based" that leaves a first and last
    name); None when what is left names no one (only role words, or a
    headline fragment). Organisations are kept as written."""
    words = name.split()
    keys = [name_key(word) for word in words]
    if all(key in ROLE_WORDS or key in ARTICLES for key in keys):
        return None
    if kind == "organization":
        return name.strip()
    described = max((at for at in range(len(words) - 2) if DESCRIPTION_END.search(words[at])), default=-1)
    first = _first_name_word(keys[described + 1 :])
    return None if first is None else " ".join(words[described + 1 + first :])


def clean_key(key: str) -> str | None:
    """`clean_name` of a folded name: "sen mara lind" -> "mara lind"."""
    words = key.split()
    first = _first_name_word(words) if not all(w in ROLE_WORDS or w in ARTICLES for w in words) else None
    return None if first is None else " ".join(words[first:])


def _first_name_word(keys: list[str]) -> int | None:
    """Where the name starts among folded words: after the role words in front of a first and last name."""
    first = 0
    while first < len(keys) and (keys[first] in ROLE_WORDS or not keys[first]):
        first += 1
    if len(keys) - first > 2 and first_name_gender(keys[first + 1]) and is_capitalised_common_word(keys[first]):
        first += 1  # an occupation or any other word before a first name and surname: "Actor Ilse Brandt"
    last_role = max((at for at in range(first, len(keys) - 2) if keys[at] in ROLE_WORDS), default=None)
    if last_role is not None and not set(keys[last_role + 2 :]) <= NAME_SUFFIXES:
        first = last_role + 1
    if first == len(keys) or any(key in NOT_NAME_WORDS for key in keys[first:]):
        return None
    return first


def _without_suffixes(words: list[str]) -> list[str]:
    while len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words


def surname_key(key: str) -> str | None:
    """The last name of a folded person name with a first name: "john smith jr" -> "smith",
    "ursula von der leyen" -> "von der leyen"; None when `key` has no first name ("smith", "von der leyen").
    """
    words = _without_suffixes(key.split())
    first = len(words) - 1
    while first > 0 and words[first - 1] in SURNAME_PARTICLES:
        first -= 1
    return " ".join(words[first:]) if first > 0 else None


def identity_key(key: str, kind: str) -> str:
    """The folded name two mentions of one speaker share: a person's first name and surname (middle names,
    initials and suffixes dropped; a trailing patronymic dropped after a two-word given name), an
    organisation's name without its legal form."""
    words = key.split()
    if kind == "organization":
        while len(words) > 1 and words[-1] in LEGAL_FORMS:
            words = words[:-1]
        return " ".join(words)
    for at, word in enumerate(words):
        if word in PATRONYMIC_PARTICLES and at >= 2:
            words = words[:at]
            break
    words = _without_suffixes(words)
    surname = surname_key(" ".join(words))
    return f"{words[0]} {surname}" if surname else " ".join(words)


def same_given_name(one: str, other: str) -> bool:
    """Two folded given names are one, spelt with a letter doubled or not: "hilary" and "hillary", "philip" and
    "phillip" (not "ann" and "anna": a letter more is another name)."""
    return one == other or (
        min(len(one), len(other)) >= MIN_VARIANT_CHARS
        and DOUBLED_LETTER.sub(r"\1", one) == DOUBLED_LETTER.sub(r"\1", other)
    )


def is_name_variant(form: str, name: str, kind: str) -> bool:
    """Whether `form` (as written at a quote) is a way of writing `name`, not a description or another
    person: every word of the form (role words in front dropped) is a word of the name or the initial of
    one, in order, and a person's form ends with the surname ("Blinken", "Antony J. Blinken", "Mr
    Blinken"; never "Melania Trump" for Donald Trump). An organisation's form is its name's first words
    ("Brightline" for "Brightline Thermal Systems") or their initials ("EPA")."""
    cleaned = clean_name(form, kind if kind == "organization" else "person")
    if not cleaned:
        return False
    words, name_words = name_key(cleaned).split(), name_key(name).split()
    if not words or not name_words:
        return False
    if kind == "organization":
        initials = "".join(w[0] for w in name_words if w not in {"of", "the", "and", "for"})
        return words == name_words[: len(words)] or (len(words) == 1 and len(initials) > 1 and words[0] == initials)
    if len(words) > 1 and identity_key(" ".join(words), kind) == identity_key(" ".join(name_words), kind):
        return True  # "Anna Maria Ruiz" for "Anna Ruiz"
    surname = surname_key(" ".join(name_words)) or name_words[-1]
    if " ".join(words[-len(surname.split()) :]) != surname:
        return False
    if len(words) > 1 and words[1:] == name_words[1:] and same_given_name(words[0], name_words[0]):
        return True  # "Phillip Ruiz" for "Philip Ruiz"
    at = 0
    for word in words:
        while at < len(name_words) and not (name_words[at] == word or (len(word) == 1 and name_words[at][0] == word)):
            at += 1
        if at == len(name_words):
            return False
        at += 1
    return True


# Built once, so a request only binds its folded keys (building it cost more than running it). The
# name's identity differs from its key only for names with middle words ("donald j trump").
_KEY = bindparam("key")
_IDENTITY = bindparam("identity")
SPEAKER_IDS_BY_KEY = union(
    select(SpeakerAlias.speaker_id.label("id")).where(SpeakerAlias.key == _KEY),
    select(Speaker.id.label("id")).where(or_(Speaker.key == _KEY, Speaker.surname_key == _KEY)),
)
SPEAKER_IDS_BY_KEY_OR_IDENTITY = union(
    select(SpeakerAlias.speaker_id.label("id")).where(SpeakerAlias.key.in_([_KEY, _IDENTITY])),
    select(Speaker.id.label("id")).where(Speaker.key.in_([_KEY, _IDENTITY])),
)


def speaker_ids_named(connection: Connection, text: str) -> list[int]:
    """Ids of the speakers the user's `text` names: a full name finds that person by any name variant
    (middle names, initials and role words in front do not matter); a bare surname finds every person
    with that surname, and a speaker known by that one word."""
    folded = name_key(text)
    key = clean_key(folded) or folded
    identity = identity_key(key, "person") if " " in key else key
    if identity == key:
        return [speaker_id for (speaker_id,) in connection.execute(SPEAKER_IDS_BY_KEY, {"key": key})]
    found = connection.execute(SPEAKER_IDS_BY_KEY_OR_IDENTITY, {"key": key, "identity": identity})
    return [speaker_id for (speaker_id,) in found]

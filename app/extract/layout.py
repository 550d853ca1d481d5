"""Page layout around an article's prose: furniture lines and interview labels, blanked before attribution.

Web pages and wire copy carry lines that are not the story: photo captions with their credits,
advertisement breaks, link teasers ("READ MORE: ..."), bylines, datelines and credit lines, and
scraped markup tags. Their names are no speakers and their quoted words are no quotes, so
`blank_layout` overwrites them with spaces (offsets stay those of the article) before quotes are
found and attributed. It also blanks the labels of a Q&A section ("Q:", "A:"), which are not names;
`qa_lines` says which lines are questions and which are answers. Only general rules of page layout
live here, never an outlet's own wording.
"""

from __future__ import annotations

import re

from app.extract.marks import PARAGRAPH

_CAPITALISED = r"[A-Z][\w&.’'\-]*"
_UPPER_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ’'.\-]+"

# A whole line that only breaks the story: "Story continues below advertisement", "Advertisement".
AD_BREAK = re.compile(
    r"\s*(?:(?:the\s+)?(?:story|article|text)\s+continues\s+(?:below|after|under)\b.{0,40}|(?:skip\s+)?advertisements?"
    r"|continue\s+reading\s+(?:the\s+)?(?:main\s+)?(?:story|article)\b.{0,40})\s*",
    re.IGNORECASE,
)
# A link or media teaser: "READ MORE: ...", "WATCH: ...", "Related: ...", "SEE ALSO: ...".
TEASER = re.compile(
    r"\s*(?:read\s+more|read\s+also|also\s+read|see\s+also|more\s+on\s+this|related(?:\s+(?:stories|story|coverage|"
    r"articles?|links?))?|watch|listen|video|photos|gallery|podcast|sign\s+up|subscribe|trending|recommended)\s*:",
    re.IGNORECASE,
)
# A photo credit ending a caption: "(AP Photo/Jo Lee)", "(Photo: Sam Leung/The Herald)", "(Getty Images)".
CREDIT_IN_PARENTHESES = re.compile(
    rf"\((?:{_CAPITALISED}\s+){{0,4}}(?:Photo|Photograph|Picture|Image|Images|Credit|Illustration|Video)s?\b"
    r"(?:\s*(?:courtesy|by|credit)\b)?(?:\s*[:/,]?[^()\n]*)?\)\s*$"
)
# A credit written without parentheses, alone or ending a caption: "Reuters Photo Jane Roe",
# "Photo: Jane Roe/Reuters", "Photograph by Jane Roe".
CREDIT_AT_END = re.compile(
    rf"(?:^|[.!?)]\s+)(?:{_CAPITALISED}\s+){{0,3}}(?:Photo|Photograph|Picture|Image|PHOTO)s?(?:\s+(?:by|credit))?"
    rf"\s*[:/]?\s*{_CAPITALISED}(?:[ /]+{_CAPITALISED}){{0,5}}\s*$"
)
# A byline: "By Tobias Renn", "By Ana Ruiz and Tom Lee, Staff Writers" (never "By Tuesday, the river rose.").
_NAME_WORD = r"[A-Z](?:[\w&’'\-]+|\.)"
BYLINE = re.compile(
    rf"\s*By\s+{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}(?:(?:,\s*|\s+and\s+|\s*&\s*){_NAME_WORD}"
    rf"(?:\s+{_NAME_WORD}){{1,3}})*(?:\s*[,|]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})?\s*"
)
# A credit line: "(Reporting by ...; Editing by ...)", "Copyright 2026 ...", "Translated from French by ...".
CREDIT_LINE = re.compile(
    r"\s*\(?(?:(?:additional\s+)?reporting\s+by|writing\s+by|editing\s+by|compiled\s+by|copyright\s+(?:©\s*)?\d{4}|©"
    r"|(?:this\s+(?:article|story)\s+(?:was\s+|has\s+been\s+)?)?translated\s+(?:from\s+\w+\s+)?by)",
    re.IGNORECASE,
)
# A dateline opening the first words of a story: "SALEM, Ore. — ", "HALVIK, March 4 (Wire) - ".
DATELINE = re.compile(
    rf"\s*{_UPPER_WORD}(?:\s+{_UPPER_WORD})*(?:,\s*{_CAPITALISED}(?:\s+{_CAPITALISED})*(?:\s+\d{{1,2}})?)?"
    r"\s*(?:\([^()\n]{1,40}\))?\s*(?:—|–|--?)\s+"
)
# A markup tag left in scraped text, whose attribute values sit in quotation marks:
# `<tweet author="harborcity" id="12">`, `<a href="/story">`.
MARKUP_TAG = re.compile(
    r"</?[A-Za-z][\w:\-]*(?:\s+[\w:\-]+(?:\s*=\s*(?:\"[^\"\n<>]*\"|'[^'\n<>]*'|[^\s<>\"']+))?)*\s*/?>"
)
# The label of a Q&A line: "Q: ...", "Answer: ..." (never "A. Ruiz said").
QA_LABEL = re.compile(r"\s*(?P<label>Q|A|Question|Answer)\s*:\s")
# Every credit without parentheses names one of these, so CREDIT_AT_END (slow to search) is tried only then.
CREDIT_WORDS = ("Photo", "Picture", "Image", "PHOTO")
MAX_FURNITURE_CHARS = 300  # a longer paragraph is story text, whatever it starts with


def _furniture(line: str) -> bool:
    if len(line) > MAX_FURNITURE_CHARS:
        return False
    return bool(
        AD_BREAK.fullmatch(line)
        or TEASER.match(line)
        or BYLINE.fullmatch(line)
        or CREDIT_LINE.match(line)
        or CREDIT_IN_PARENTHESES.search(line)
        or _credit_at_end(line)
    )


def _credit_at_end(line: str) -> bool:
    return any(word in line for word in CREDIT_WORDS) and CREDIT_AT_END.search(line) is not None


def blank_layout(text: str) -> str:
    """`text` with its furniture lines, datelines and Q&A labels overwritten by spaces."""
    pieces: list[str] = []
    done = 0
    for line in PARAGRAPH.finditer(text):
        start, end = line.span()
        if _furniture(line.group()):
            cut = end
        else:
            prefix = DATELINE.match(text, start, end) or QA_LABEL.match(text, start, end)
            if prefix is None:
                continue
            cut = prefix.end()
        pieces += [text[done:start], " " * (cut - start)]
        done = cut
    if pieces:
        pieces.append(text[done:])
        text = "".join(pieces)
    if "<" in text:
        text = MARKUP_TAG.sub(lambda tag: " " * len(tag.group()), text)
    return text


def qa_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_answer) of every line of a Q&A section ("Q: ...", "A: ..."), in order."""
    lines = []
    for line in PARAGRAPH.finditer(text):
        label = QA_LABEL.match(text, line.start(), line.end())
        if label is not None:
            lines.append((line.start(), line.end(), label.group("label") in ("A", "Answer")))
    return lines

"""When words were said: the date expression of an attribution sentence, resolved against publication.

`said_on_in_paragraph` reads the attribution sentence around a quote (the quote itself masked
with spaces, so dates inside the quoted words never count) and turns "said Wednesday",
"on Feb. 5", "yesterday", "last night" or "earlier today" into a calendar date; a follow-on quote
takes the day of an earlier attribution in its paragraph (`Ruiz said Monday that ... “...,” she
said.`). Vague expressions ("last week", "recently") do not anchor anything: the publication date stands.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta
from functools import lru_cache

from app.extract.lexicon import CUE_PATTERN

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_MONTH_NAME = (
    r"(?P<month>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?"
    r"|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# "on Feb. 5", "February 5, 2024", "Sept. 12th"
MONTH_DAY = re.compile(rf"\b{_MONTH_NAME}\s+{_DAY}\b(?:,?\s+{_YEAR}\b)?")
# "5 February 2024", "on 12 March"
DAY_MONTH = re.compile(rf"\b{_DAY}\s+{_MONTH_NAME}\b(?:,?\s+{_YEAR}\b)?")
# "said Wednesday", "on Tuesday night", "last Friday"; not a show ("Saturday Night Live")
WEEKDAY = re.compile(
    r"\b(?:(?P<last>last)\s+)?(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"(?!\s+(?-i:Night\s+[A-Z]))",
    re.IGNORECASE,
)
# "until Friday", "by Feb. 5", "the March 15 primary", "Super Tuesday": a day the words point to
# or name, not the day they were said; searched for just before the date
NOT_SPEECH_DAY_REACH = 16
NOT_SPEECH_DAY = re.compile(
    r"\b(?P<word>next|until|till|by|before|after|since|from|this\s+coming|the|super|black|good"
    r"|ash|cyber|holy|easter|palm)\s+$",
    re.IGNORECASE,
)
# ... except "after Tuesday's game": words said after an event of that day, on that day
AFTER_EVENT_OF_DAY = re.compile(r"[’']s\b")
# a month-day later in the year than publication means last year only this close to New Year
MAX_YEAR_WRAP_DAYS = 92
YESTERDAY = re.compile(r"\b(?:yesterday|last\s+night)\b", re.IGNORECASE)
# "earlier today", "this morning", "tonight": the publication day
TODAY = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.IGNORECASE)
# ", who met the crown prince Monday," describes the speaker, not the speech
RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose)\b[^,]*,")
# Every date expression above holds a month's name as written, or, in any case, one of the day stems
# (chosen without an "i", which a case-insensitive pattern also matches as "ı" or "İ"), so the patterns
# are tried only on a frame that holds one ("she said Monday", not "she said").
MONTH_STEMS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAY_STEMS = ("day", "ght", "morn", "even", "noon")  # Monday ... yesterday, today; night; morning; evening; afternoon
ATTRIBUTION_CUE = re.compile(CUE_PATTERN, re.IGNORECASE)  # "Asked Tuesday whether ..." attributes too
# `told TV on Tuesday that the captain had said "..." on Sunday`: words reported in the pluperfect were
# said before the telling, so a day named before this cue dates the telling, not them
PLUPERFECT_CUE = re.compile(rf"\bhad\s+(?:\w+ly\s+)?{CUE_PATTERN}", re.IGNORECASE)


def said_on_in_paragraph(own: str, earlier: Iterable[str], published: date | None) -> date | None:
    """The day for a quote whose attribution sentence is `own`: the day it names, else the day named
    by the nearest earlier attribution of its paragraph (`earlier`, nearest first: sentences with a
    reporting cue), else the publication date.

    >>> said_on_in_paragraph("  “We are sad,” she said.", ["Ruiz said on Monday that the pier would close."],
    ...                      date(2024, 2, 7))
    datetime.date(2024, 2, 5)
    """
    anchored = anchored_date(own, published)
    if anchored is not None:
        return anchored
    for frame in earlier:
        anchored = anchored_date(frame, published)
        if anchored is not None and ATTRIBUTION_CUE.search(frame):
            return anchored
    return published


@lru_cache(maxsize=256)  # the quotes of one sentence share its frame
def anchored_date(frame: str, published: date | None) -> date | None:
    """The day `frame` says words were said ("said Wednesday", "on Feb. 5"), or None if it names none."""
    names_month = any(stem in frame for stem in MONTH_STEMS)  # else MONTH_DAY and DAY_MONTH find nothing
    lowered = frame.lower()
    names_day = any(stem in lowered for stem in DAY_STEMS)  # else WEEKDAY, YESTERDAY and TODAY find nothing
    if not names_month and not names_day:
        return None
    frame = RELATIVE_CLAUSE.sub(lambda m: " " * len(m.group()), frame)
    relayed = PLUPERFECT_CUE.search(frame) if "had" in lowered else None
    if relayed is not None:
        own_day = anchored_date(" " * relayed.end() + frame[relayed.end() :], published)
        if own_day is not None:
            return own_day
    anchored = _absolute_date(frame, published) if names_month else None
    if anchored is not None or published is None:
        return anchored
    return _relative_date(frame, published) if names_day else None


def _names_another_day(frame: str, match: re.Match[str]) -> bool:
    before = NOT_SPEECH_DAY.search(frame, max(0, match.start() - NOT_SPEECH_DAY_REACH), match.start())
    if before is None:
        return False
    return before.group("word").lower() != "after" or not AFTER_EVENT_OF_DAY.match(frame, match.end())


def _absolute_date(frame: str, published: date | None) -> date | None:
    for pattern in (MONTH_DAY, DAY_MONTH):
        for match in pattern.finditer(frame):
            found = None if _names_another_day(frame, match) else _month_day_date(match, published)
            if found is not None:
                return found
    return None


def _month_day_date(match: re.Match[str], published: date | None) -> date | None:
    month = _month_number(match.group("month"))
    day = int(match.group("day"))
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day)
    if published is None:
        return None
    this_year = _safe_date(published.year, month, day)
    if this_year is None or this_year <= published:
        return this_year
    last_year = _safe_date(published.year - 1, month, day)
    if last_year is not None and (published - last_year).days <= MAX_YEAR_WRAP_DAYS:
        return last_year
    return None  # later this year: an event ahead ("the June 23 referendum"), not the speech


def _relative_date(frame: str, published: date) -> date | None:
    candidates: list[tuple[int, date]] = []
    for match in WEEKDAY.finditer(frame):
        if _names_another_day(frame, match):
            continue
        weekday = WEEKDAYS.index(match.group("weekday").lower())
        days_back = (published.weekday() - weekday) % 7
        if match.group("last") and days_back == 0:
            days_back = 7
        candidates.append((match.start(), published - timedelta(days=days_back)))
    candidates += [(m.start(), published - timedelta(days=1)) for m in YESTERDAY.finditer(frame)]
    candidates += [(m.start(), published) for m in TODAY.finditer(frame)]
    if not candidates:
        return None
    return min(candidates)[1]


def _month_number(name: str) -> int:
    prefix = name.lower()[:3]
    return next(i for i, month in enumerate(MONTHS, start=1) if month.startswith(prefix))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None

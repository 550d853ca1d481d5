"""Property-based: any text full of quotation marks, apostrophes, dashes and paragraph breaks is
extracted without an exception, with spans inside the text that never overlap, in time linear in
its length."""
import time
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.extract import extract_quotes
from app.extract.marks import find_quote_spans

MARKS = ['"', "“", "”", "‘", "’", "'", "«", "»", "‹", "›", "„", "‟", "''", "‘‘", "’’", "‘’", "'''", "« ", " »",
         "\u00a0»", "«\u00a0"]
APOSTROPHES = ["don’t", "’90s", "players’", "Ruiz’s", "rock ’n’ roll", "'em", "o'clock"]
DASHES = ["—", "–", "-", "--", " — ", " - "]
BREAKS = ["\n\n", "\n", " ", "  ", "\t", "\u00a0", ", ", ". ", ": ", "? ", "! ", "; ", "…"]
WORDS = ["Dana Ruiz", "she", "he", "said", "told reporters", "the mayor", "says", "on Monday", "yesterday", "We",
         "will", "rebuild", "the pier", "according to", "Mr.", "U.S.", "It", "added", "Q: ", "A: ", "READ MORE: ",
         "(AP Photo/Jo Lee)", "Reuters Photo", "By Tom Reed", "Story continues below advertisement",
         "PORT ALDER — ", "who", '<a href="/x">', "</a>", "<"]
TOKENS = MARKS + APOSTROPHES + DASHES + BREAKS + WORDS
PUBLISHED = date(2025, 3, 14)

articles = st.lists(st.sampled_from(TOKENS), max_size=120).map("".join)
SETTINGS = settings(max_examples=400, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(articles)
def test_any_text_gives_spans_inside_it_that_never_overlap(text):
    quotes = extract_quotes(text, published=PUBLISHED)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
    for earlier, later in zip(quotes, quotes[1:]):
        assert earlier.end <= later.start
    spans = find_quote_spans(text)
    for earlier, later in zip(spans, spans[1:]):
        assert earlier.after() <= later.open_mark


def best_time(text: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        extract_quotes(text, published=PUBLISHED)
        times.append(time.process_time() - started)
    return min(times)


MIN_UNIT_CHARS = 1_500
GROWTH = 20
MAX_SLOWDOWN = 60  # linear is 20x; quadratic would be 400x
TIMER_FLOOR_SECONDS = 0.005  # below this a measurement is mostly noise


@settings(max_examples=8, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(st.sampled_from(TOKENS), min_size=20, max_size=80).map("".join))
def test_time_grows_linearly_with_the_text(unit):
    base = unit * (MIN_UNIT_CHARS // len(unit) + 1)
    small = best_time(base)
    large = best_time(base * GROWTH)
    assert large < MAX_SLOWDOWN * max(small, TIMER_FLOOR_SECONDS), (small, large)

"""said_on: the date expression of an attribution sentence, resolved against publication."""
from datetime import date

import pytest

from app.extract import extract_quotes
from app.extract.dates import (
    AFTER_EVENT_OF_DAY, ATTRIBUTION_CUE, DAY_MONTH, MONTH_DAY, NOT_SPEECH_DAY, PLUPERFECT_CUE, RELATIVE_CLAUSE,
    TODAY, WEEKDAY, YESTERDAY, anchored_date, said_on_in_paragraph,
)

PUBLISHED = date(2024, 2, 7)  # a Wednesday


def test_month_day_pattern_reads_abbreviated_month():
    match = MONTH_DAY.search("the minister said on Feb. 5 that talks would resume")
    assert (match.group("month"), match.group("day"), match.group("year")) == ("Feb.", "5", None)


def test_month_day_pattern_reads_year():
    match = MONTH_DAY.search("in a letter dated February 5, 2023, she wrote")
    assert match.group("year") == "2023"


def test_day_month_pattern_reads_british_order():
    match = DAY_MONTH.search("the council said on 12 March that")
    assert (match.group("day"), match.group("month")) == ("12", "March")


def test_weekday_pattern_reads_last():
    match = WEEKDAY.search("the mayor told reporters last Friday")
    assert (match.group("last"), match.group("weekday")) == ("last", "Friday")


def test_weekday_pattern_skips_a_show_title():
    assert not WEEKDAY.search("playing the senator on Saturday Night Live")
    assert WEEKDAY.search("she said Saturday night")


@pytest.mark.parametrize("frame", [
    "the mayor said on Feb. 5", "the mayor said on 5 February", "the mayor said MONDAY", "he said yesterday",
    "she said last night", "she said tonight", "he said this morning", "she told reporters this evening",
    "he said LAST NIGHT", "she said this afternoon", "the mayor said Saturday",
])
def test_every_way_of_naming_the_day_is_read(frame):
    assert anchored_date(frame, PUBLISHED) is not None


def test_frame_without_a_day_or_month_word_names_no_day():
    assert anchored_date("the mayor said the ferry would run again", PUBLISHED) is None
    assert anchored_date("the mayor said in march 5 that it may run", PUBLISHED) is None  # months only capitalised


def test_pluperfect_cue_in_capitals_still_dates_the_telling_apart():
    frame = "she told TV on Tuesday that the captain HAD SAID it on Sunday"
    assert anchored_date(frame, PUBLISHED) == date(2024, 2, 4)


def test_not_speech_day_pattern_sees_until_and_attributive_the():
    assert NOT_SPEECH_DAY.search("the vote was delayed until ")
    assert NOT_SPEECH_DAY.search("ahead of the ")
    assert NOT_SPEECH_DAY.search("campaigning before Super ")
    assert not NOT_SPEECH_DAY.search("she said on ")


def test_yesterday_and_today_patterns():
    assert YESTERDAY.search("Yesterday, the chief said")
    assert YESTERDAY.search("she told the meeting last night")
    assert TODAY.search("he said this morning")
    assert TODAY.search("she told reporters earlier today")


def test_relative_clause_pattern_spans_the_clause():
    match = RELATIVE_CLAUSE.search("The envoy, who met the prince Monday, said that")
    assert match.group() == ", who met the prince Monday,"


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        ("Ruiz said at a briefing in Valmont Wednesday", date(2024, 2, 7)),
        ("At her briefing in Lisbon Tuesday, Ruiz again noted that", date(2024, 2, 6)),
        ("the senator said on Thursday", date(2024, 2, 1)),
        ("the senator said last Wednesday", date(2024, 1, 31)),
        ("the spokeswoman said yesterday", date(2024, 2, 6)),
        ("the mayor said earlier today", date(2024, 2, 7)),
        ("the minister said on Feb. 5", date(2024, 2, 5)),
        ("the minister said on Dec. 30", date(2023, 12, 30)),
        ("in a letter dated February 5, 2022, she wrote", date(2022, 2, 5)),
        ("the council said on 3 January", date(2024, 1, 3)),
    ],
)
def test_date_expressions_resolve_against_publication(frame, expected):
    assert said_on_in_paragraph(frame, (), PUBLISHED) == expected


def test_vague_expression_keeps_the_publication_date():
    assert said_on_in_paragraph("the governor said last week", (), PUBLISHED) == PUBLISHED


def test_no_expression_keeps_the_publication_date():
    assert said_on_in_paragraph("the governor said", (), PUBLISHED) == PUBLISHED


def test_day_the_words_point_to_is_not_when_they_were_said():
    assert said_on_in_paragraph("the vote is delayed until Friday, he said", (), PUBLISHED) == PUBLISHED
    assert said_on_in_paragraph("he predicted a third of votes would be cast before Feb. 1", (), PUBLISHED) == PUBLISHED


def test_named_days_are_not_when_words_were_said():
    assert said_on_in_paragraph("she said ahead of the Feb. 3 primary", (), PUBLISHED) == PUBLISHED
    assert said_on_in_paragraph("he said after winning Super Tuesday", (), PUBLISHED) == PUBLISHED
    assert said_on_in_paragraph("playing the senator on Saturday Night Live, he said", (), PUBLISHED) == PUBLISHED


def test_month_day_later_in_the_year_is_an_event_ahead():
    assert said_on_in_paragraph("says the referendum June 23 decides it", (), PUBLISHED) == PUBLISHED


def test_day_in_a_relative_clause_describes_the_speaker_not_the_speech():
    frame = "The envoy, who met the crown prince Monday, said that"
    assert said_on_in_paragraph(frame, (), PUBLISHED) == PUBLISHED


def test_masked_quote_hides_its_dates():
    quote = "We meet again on Friday"
    frame = " " * (len(quote) + 2) + ", she said"
    assert said_on_in_paragraph(frame, (), PUBLISHED) == PUBLISHED


def test_impossible_day_is_ignored():
    assert said_on_in_paragraph("he said on Feb. 31", (), PUBLISHED) == PUBLISHED


def test_without_publication_only_absolute_dates_resolve():
    assert said_on_in_paragraph("said on Tuesday", (), None) is None
    assert said_on_in_paragraph("said on Feb. 5", (), None) is None
    assert said_on_in_paragraph("wrote on February 5, 2024", (), None) == date(2024, 2, 5)


def test_helper_patterns_on_their_sentences():
    assert AFTER_EVENT_OF_DAY.match("’s game", 0)
    assert not AFTER_EVENT_OF_DAY.match(" the game", 0)
    assert ATTRIBUTION_CUE.search("Asked Tuesday whether she would run, Ruiz laughed.")
    assert PLUPERFECT_CUE.search("the pilot had said").group() == "had said"
    assert not PLUPERFECT_CUE.search("the pilot said")


def test_words_said_after_an_event_of_a_day_were_said_that_day():
    assert said_on_in_paragraph("the coach said after Monday’s game", (), PUBLISHED) == date(2024, 2, 5)
    assert said_on_in_paragraph("the coach said after Monday", (), PUBLISHED) == PUBLISHED


def test_last_night_is_the_day_before_publication():
    assert said_on_in_paragraph("she told the meeting last night", (), PUBLISHED) == date(2024, 2, 6)


def test_words_relayed_in_the_pluperfect_take_their_own_day():
    frame = "Ruiz told the radio on Tuesday that the pilot had said        when he called the port on Sunday."
    assert said_on_in_paragraph(frame, (), PUBLISHED) == date(2024, 2, 4)
    assert said_on_in_paragraph("Ruiz told the radio on Tuesday that the pilot had said       .", (), PUBLISHED) == date(2024, 2, 6)


def test_a_follow_on_quote_takes_the_day_of_an_earlier_attribution_in_its_paragraph():
    earlier = ["Asked on Monday whether the pier would close, Ruiz shook her head."]
    assert said_on_in_paragraph("         she said.", earlier, PUBLISHED) == date(2024, 2, 5)
    assert said_on_in_paragraph("         she said on Tuesday.", earlier, PUBLISHED) == date(2024, 2, 6)


def test_a_day_in_a_sentence_that_reports_no_words_dates_no_quote():
    earlier = ["The storm hit the harbor on Monday."]
    assert said_on_in_paragraph("         she said.", earlier, PUBLISHED) == PUBLISHED


def test_extracted_follow_on_quotes_are_dated_within_their_paragraph_only():
    text = ("Harbor master Ines Moro said on Monday that the pier would close. “We have no choice,” she said. "
            "“The piles are rotten.”\n\n"
            "“We will rebuild,” Moro said.")
    quotes = extract_quotes(text, published=PUBLISHED)
    assert [q.said_on for q in quotes] == [date(2024, 2, 5), date(2024, 2, 5), PUBLISHED]

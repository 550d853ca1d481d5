"""Quote spans: which stretches are quotations, with offsets that exclude the marks."""
import pytest

from app.extract import extract_quotes
from app.extract.marks import find_quote_spans, paragraphs
from app.extract.sentences import split_sentences


def spans_of(text):
    return [text[s.start:s.end] for s in find_quote_spans(text)]


def test_curly_double_quotes_give_the_text_between_the_marks():
    text = "“We will rebuild the pier,” Mayor Dana Ruiz said."
    [span] = find_quote_spans(text)
    assert text[span.start:span.end] == "We will rebuild the pier,"
    assert text[span.open_mark] == "“" and text[span.close_mark] == "”"


def test_straight_double_quotes_pair_by_context():
    text = 'He called the budget "a mess" and said "we start again" on Monday.'
    assert spans_of(text) == ["a mess", "we start again"]


def test_doubled_single_quotes_count_as_double_quotes():
    text = "''The ferry runs late again,'' said Ines Moro, a commuter. ''Every week.''"
    assert spans_of(text) == ["The ferry runs late again,", "Every week."]


def test_single_quotes_in_a_subheading():
    text = "Council vows ‘no more delays’ on the bridge\n\nThe council met on Tuesday."
    assert spans_of(text) == ["no more delays"]


@pytest.mark.parametrize("text", [
    "The mayor’s office didn’t answer, and Ruiz's aides can't say.",
    "Music from the '90s and rock ’n’ roll filled the hall.",
    "The players' union and the owners’ group met on Friday.",
])
def test_apostrophes_are_not_quotes(text):
    assert find_quote_spans(text) == []


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“She told me, ‘Go home,’ and I did,” Lee said."
    assert spans_of(text) == ["She told me, ‘Go home,’ and I did,"]


def test_a_quote_left_open_runs_to_the_paragraph_end_and_the_next_paragraph_reopens():
    text = ("“The first part of the statement goes here.\n\n"
            "“And the second part ends it,” said Ines Moro.")
    first, second = find_quote_spans(text)
    assert text[first.start:first.end] == "The first part of the statement goes here."
    assert not first.closed and first.paragraph == 0
    assert text[second.start:second.end] == "And the second part ends it,"


def test_unbalanced_marks_never_hide_later_quotes():
    text = ("A stray closing mark” sits here.\n\n"
            "Critics called it “unfinished and walked out.\n\n"
            "“The money is there,” said Tom Reed.")
    assert "The money is there," in spans_of(text)


def test_a_closing_glyph_used_as_an_opener_is_read_from_its_neighbours():
    text = "He called them ”rapists“ during the rally."
    assert spans_of(text) == ["rapists"]


def test_extracted_offsets_point_at_the_quote_text():
    text = "Intro line that is long enough to be a paragraph of its own, said nobody at all here.\n\n" \
           "Ines Moro said: “Trains must run on time.”"
    for quote in extract_quotes(text):
        assert text[quote.start:quote.end] == quote.text


def test_paragraphs_are_the_non_empty_lines():
    assert paragraphs("One.\n\n  \nTwo.\n") == ((0, 4), (9, 13))


def test_sentences_are_not_cut_after_abbreviations_or_inside_quotes():
    text = "Sen. Ann Lee of the U.S. Senate spoke. “One. Two,” she said. Then Mr. Bo left."
    spans = find_quote_spans(text)
    sentences = [text[s.start:s.end].strip() for s in split_sentences(text, spans)]
    assert sentences == ["Sen. Ann Lee of the U.S. Senate spoke.", "“One. Two,” she said.", "Then Mr. Bo left."]


def test_a_question_quote_followed_by_its_speaker_stays_one_sentence():
    text = "“Why now?” Ines Moro asked. She left."
    sentences = split_sentences(text, find_quote_spans(text))
    assert [text[s.start:s.end].strip() for s in sentences] == ["“Why now?” Ines Moro asked.", "She left."]


def test_a_quote_trailing_off_in_an_ellipsis_keeps_its_speaker_and_cue_in_its_sentence():
    text = "“We might call the whole thing off…” Ines Moro said. She left."
    sentences = split_sentences(text, find_quote_spans(text))
    found = [text[s.start:s.end].strip() for s in sentences]
    assert found == ["“We might call the whole thing off…” Ines Moro said.", "She left."]


def test_a_headline_line_is_left_out_but_body_quotes_stay():
    text = ("Mayor vows ‘a new pier by spring’\n\n"
            "“We will build a new pier by spring,” Mayor Dana Ruiz said on Monday.")
    assert [q.text for q in extract_quotes(text)] == ["We will build a new pier by spring,"]


def test_a_first_paragraph_with_an_attributed_quote_is_body_text():
    text = "“We will finish by spring,” said Anna Berg.\n\n“The money is there,” said Tom Reed."
    assert len(extract_quotes(text)) == 2


def test_a_nested_single_quote_closing_with_a_doubled_one_keeps_both():
    text = "''I call it the 'slow lane,''' said Ines Moro. ''It never moves.''"
    assert spans_of(text) == ["I call it the 'slow lane,'", "It never moves."]
    [first, _] = extract_quotes(text)
    assert first.speaker.name == "Ines Moro"


def test_a_british_single_quote_holding_a_double_quote_is_one_span_and_attributed():
    text = ("‘He told me “come back on Monday”, and then he hung up,’ says Mr Penrose. "
            "‘I never heard from him again.’")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["He told me “come back on Monday”, and then he hung up,",
                                        "I never heard from him again."]
    assert {q.speaker.name for q in quotes} == {"Penrose"}


def test_a_double_quote_holding_a_single_quote_is_one_span():
    text = "“My aunt always said ‘waste not’, and she meant it,” said Ines Moro."
    assert spans_of(text) == ["My aunt always said ‘waste not’, and she meant it,"]


@pytest.mark.parametrize("text, expected", [
    ("« The ferry runs all winter », said Claire Dumont. « Nobody should worry. »",
     ["The ferry runs all winter", "Nobody should worry."]),
    ("»The ferry runs all winter«, said Claire Dumont.", ["The ferry runs all winter"]),
    ("„The ferry runs all winter“, said Claire Dumont.", ["The ferry runs all winter"]),
    ("‹The ferry runs all winter›, said Claire Dumont.", ["The ferry runs all winter"]),
    ("« My father used to say “the sea gives and the sea takes”, and he was right », she said.",
     ["My father used to say “the sea gives and the sea takes”, and he was right"]),
], ids=["french-guillemets-with-no-break-spaces", "german-guillemets", "low-high-marks", "single-guillemets",
        "double-marks-inside-guillemets"])
def test_european_marks_give_the_words_between_them(text, expected):
    assert spans_of(text) == expected


def test_guillemet_quotes_are_attributed_like_others():
    text = ("« The ferry runs all winter », said Claire Dumont, the harbour master, on Monday. "
            "« Nobody should worry. »")
    quotes = extract_quotes(text)
    assert [q.speaker.name for q in quotes] == ["Claire Dumont", "Claire Dumont"]
    assert quotes[1].sieve == "continuation"


@pytest.mark.parametrize("text", [
    "‘‘The ferry runs late,’’ said Ines Moro.",
    "‘’The ferry runs late,’’ said Ines Moro.",
])
def test_doubled_curly_single_marks_count_as_double_quotes(text):
    assert spans_of(text) == ["The ferry runs late,"]


def test_a_british_quote_over_two_paragraphs_is_one_span_per_paragraph():
    text = ("‘We opened the hall at six,’ says Ines Moro. ‘Forty people came through the snow.\n\n"
            "‘By noon there was no bread left.’")
    assert spans_of(text) == ["We opened the hall at six,", "Forty people came through the snow.",
                              "By noon there was no bread left."]
    assert not find_quote_spans(text)[1].closed


def test_an_unclosed_single_mark_before_a_plain_paragraph_is_no_quote():
    text = "‘Cats and dogs welcome, the shop window says.\n\nThe council met on Tuesday."
    assert spans_of(text) == []


def test_spans_never_overlap_whatever_the_nesting():
    text = ("‘She said “go” and “stay”,’ he says. “They call it ‘the long road’,” Lee said. "
            "« Il a dit “non” », she said. ‘Odd “mix’ here” too.")
    spans = find_quote_spans(text)
    for earlier, later in zip(spans, spans[1:]):
        assert earlier.after() <= later.open_mark


def test_a_nested_single_quote_opening_with_a_doubled_one_keeps_both():
    text = "'''Slow lane' is the right name,'' said Ines Moro."
    assert spans_of(text) == ["'Slow lane' is the right name,"]

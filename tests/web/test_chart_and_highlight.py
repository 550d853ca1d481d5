"""Drawing quotes over time, and placing quotes in their sentence and article."""
from __future__ import annotations


from app.store.models import ArticleRef, QuotePublic, SpeakerRef
from app.web.chart import MONTHS_PER_BAR_AT_MOST, quotes_over_time
from app.web.highlight import article_passages, paragraphs, sentence_parts, speaker_colours

ARTICLE = ArticleRef(id=1, title=None, url=None, source=None, author=None, published_at=None)


def quote(quote_id: int, text: str, start: int, speaker_id: int | None) -> QuotePublic:
    speaker = SpeakerRef(id=speaker_id, name=f"Speaker {speaker_id}", title=None) if speaker_id else None
    return QuotePublic(id=quote_id, text=text, start=start, end=start + len(text), context=text, article=ARTICLE,
                       speaker=speaker)


def test_every_month_between_the_first_and_last_is_a_bar_empty_ones_too():
    chart = quotes_over_time([("2024-11", 3), ("2025-02", 6)])
    assert [(bar.label, bar.count) for bar in chart.bars] == [
        ("Nov 2024", 3), ("Dec 2024", 0), ("Jan 2025", 0), ("Feb 2025", 6)]
    tallest = chart.bars[-1]
    assert tallest.height == 2 * chart.bars[0].height and tallest.y + tallest.height == chart.plot_bottom
    assert chart.summary == "9 dated quotes by month, from Nov 2024 to Feb 2025; the most, 6, in Feb 2025."


def test_a_long_record_is_drawn_by_year():
    chart = quotes_over_time([("2019-01", 1), ("2019-12", 2), (f"{2019 + MONTHS_PER_BAR_AT_MOST // 12}-06", 4)])
    assert [bar.label for bar in chart.bars][:2] == ["2019", "2020"] and chart.bars[0].count == 3


def test_no_dated_quote_is_no_chart():
    assert quotes_over_time([]) is None


def test_the_sentence_is_split_around_the_quoted_words():
    assert sentence_parts('"We will rebuild," she said.', "We will rebuild,") == ('"', "We will rebuild,", '" she said.')
    assert sentence_parts("She said so.", "missing words") == ("She said so.", "", "")


def test_quotes_are_cut_out_of_the_article_at_their_offsets_in_their_speakers_colours():
    text = 'Intro. "Open the gate," Ada said.\n\n"Not yet," Bo said. "Later," Ada said.'
    quotes = [quote(1, "Open the gate,", 8, 7), quote(2, "Not yet,", 36, 9), quote(3, "Later,", 56, 7)]
    colours = speaker_colours(quotes)
    assert colours == {7: "speaker-0", 9: "speaker-1"}
    laid_out = paragraphs(article_passages(text, quotes, colours))
    assert [[(p.text, p.colour) for p in paragraph] for paragraph in laid_out] == [
        [("Intro. \"", ""), ("Open the gate,", "speaker-0"), ("\" Ada said.", "")],
        [("\"", ""), ("Not yet,", "speaker-1"), ("\" Bo said. \"", ""), ("Later,", "speaker-0"), ("\" Ada said.", "")],
    ]


def test_a_quote_whose_offsets_miss_its_words_is_not_marked():
    passages = article_passages("Short text here.", [quote(1, "elsewhere", 0, None)], {})
    assert [(p.text, p.quote) for p in passages] == [("Short text here.", None)]


def test_a_short_record_is_a_few_narrow_bars_and_one_quote_is_said_so():
    chart = quotes_over_time([("2024-02", 1)])
    assert chart.bars[0].width <= 40 and chart.summary.startswith("1 dated quote by month")

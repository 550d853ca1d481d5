"""Subjects of quotes: ranked IPTC subjects from the quote, its sentence and its article (invented articles)."""
from __future__ import annotations

from app.extract import extract_quotes, quote_to_dict
from app.extract.subjects import WORD_PIECES, ArticleSubjects
from app.store.taxonomy import get_taxonomy

MATCH_REPORT = (
    "Harbour City beat Eastvale 3-1 in the league on Saturday, their fourth win of the season.\n\n"
    '"We defended well and took our goals," said the coach, Petra Lind. "The players earned it."\n\n'
    'Lind was asked about the title race. "Not yet," she said.\n\n'
    "Eastvale's goalkeeper was injured in the second half, and the team's manager said the club will "
    'assess his knee. "He will need treatment and a scan at the hospital," said the doctor, Omar Reyes.'
)

COUNCIL_VOTE = (
    "The city council voted on Tuesday to cut the library budget by a fifth.\n\n"
    '"Every department has to find savings," said the council leader, Hal Brennan.\n\n'
    '"We will let the voters decide at the next election," said Rosa Quint, a councillor for the opposition.'
)


def names(quote) -> list[str]:
    return [subject.name for subject in quote.subjects]


def test_a_quote_in_a_match_report_is_sport_even_when_it_says_little():
    quotes = extract_quotes(MATCH_REPORT, taxonomy=get_taxonomy())
    not_yet = next(q for q in quotes if q.text.startswith("Not yet"))
    assert names(not_yet)[0] == "sport"


def test_a_quote_that_takes_up_another_field_adds_it_after_the_articles_subject():
    quotes = extract_quotes(MATCH_REPORT, taxonomy=get_taxonomy())
    scan = next(q for q in quotes if "scan" in q.text)
    assert "health" in names(scan)


def test_subjects_are_ranked_with_codes_scores_and_a_narrower_detail():
    quotes = extract_quotes(COUNCIL_VOTE, taxonomy=get_taxonomy())
    election = next(q for q in quotes if "election" in q.text)
    assert names(election)[0] == "politics"
    assert election.subjects[0].code == "medtop:11000000"
    assert [s.score for s in election.subjects] == sorted((s.score for s in election.subjects), reverse=True)
    assert "election" in [detail.name for detail in election.subject_details]


def test_the_json_carries_subjects_for_the_shared_scorer():
    record = quote_to_dict(extract_quotes(COUNCIL_VOTE, taxonomy=get_taxonomy())[0])
    assert record["subjects"][0] == {"name": "politics", "code": "medtop:11000000",
                                     "score": record["subjects"][0]["score"]}
    assert all(set(detail) == {"name", "code", "score"} for detail in record["subjects_detail"])


def test_without_a_taxonomy_no_subjects_are_ranked():
    assert all(q.subjects == () for q in extract_quotes(COUNCIL_VOTE))


def test_an_article_without_any_term_gives_no_subjects():
    article = ArticleSubjects.of(get_taxonomy(), '"Fine, thanks," she said.')
    assert article.rank((1, 13), (0, 25), 0) == ((), ())


def test_word_pieces_pattern_splits_a_text_into_gaps_and_words():
    assert WORD_PIECES.split("Peace talks, resumed.") == ["", "Peace", " ", "talks", ", ", "resumed", "."]


def test_a_term_is_found_at_its_own_offsets_after_a_longer_word_holding_it():
    article = ArticleSubjects.of(get_taxonomy(), "A warehouse fire. The war ended.")
    assert article.hits_between(0, 17) == {}
    assert article.hits_between(18, 32)


def test_everyday_words_that_share_a_lemma_with_a_term_file_nothing():
    article = ArticleSubjects.of(get_taxonomy(), "You were right: we shared the hottest dish and signed the cards.")
    assert article.hits == {}

"""Words of a claim and a record, how closely they line up, and the word-level diff (no database)."""
from __future__ import annotations

from app.verify.wording import WORD, compare, diff, fold, keys, words


def test_a_word_keeps_inner_apostrophes_hyphens_and_decimal_points():
    assert WORD.findall("“Don’t cut the co-op’s budget by 3.5%,” she said.") == [
        "Don’t", "cut", "the", "co-op’s", "budget", "by", "3.5", "she", "said"]


def test_words_are_compared_without_case_accents_or_curly_apostrophes():
    assert fold("Café’s") == "cafe's"
    assert keys('"WE are on schedule!"') == keys("we are on schedule")


def test_the_same_words_are_a_verbatim_excerpt_whatever_the_punctuation():
    record = keys("The council will meet again in June, and we will vote then.")
    comparison = compare(keys("we will VOTE then"), record)
    assert comparison.similarity == 1.0 and comparison.excerpt


def test_a_changed_word_is_close_but_no_excerpt():
    comparison = compare(keys("the council will gather again in June"), keys("The council will meet again in June"))
    assert 0.8 < comparison.similarity < 1.0 and not comparison.excerpt


def test_a_different_sentence_is_far():
    comparison = compare(keys("taxes on boats will rise next spring"), keys("The council will meet again in June"))
    assert comparison.similarity < 0.5


def test_the_diff_shows_replaced_missing_and_added_words_as_written():
    parts = diff(words("The Council will gather in June"), words("The council will meet again in June"))
    assert [(p.tag, p.claim, p.record) for p in parts] == [
        ("equal", "The Council will", "The council will"),
        ("replace", "gather", "meet again"),
        ("equal", "in June", "in June"),
    ]

"""Topic terms: the normalization shared by the extractor and the API's topic filter."""
from app.extract.topics import MAX_TOPICS, POSSESSIVE_SUFFIX, WORD, WORD_OR_BREAK, normalize_term, quote_topics


def test_word_pattern_keeps_inner_apostrophes_and_hyphens():
    assert WORD.findall("Biden's long-term plan, 45 days") == ["Biden's", "long-term", "plan", "days"]


def test_possessive_suffix_pattern():
    assert POSSESSIVE_SUFFIX.sub("", "netanyahu’s") == "netanyahu"


def test_word_or_break_pattern_marks_punctuation_with_an_empty_word():
    assert WORD_OR_BREAK.findall("talks resumed, hostages “freed”") == ["talks", "resumed", "", "hostages", "", "freed", ""]


def test_normalize_term_drops_determiner_and_plural():
    assert normalize_term("the Hostages") == "hostage"


def test_normalize_term_keeps_a_phrase():
    assert normalize_term("Humanitarian Assistance") == "humanitarian assistance"


def test_normalize_term_drops_possessive():
    assert normalize_term("their Negotiations") == "negotiation"
    assert normalize_term("Netanyahu's") == "netanyahu"


def test_topic_filter_word_matches_a_quote_term():
    topics = quote_topics("We want the hostages home", "“We want the hostages home,” she said.")
    assert normalize_term("Hostages") in topics
    assert normalize_term("hostage") in topics


def test_adjacent_content_words_form_a_bigram():
    topics = quote_topics("More humanitarian assistance must reach Gaza", "")
    assert "humanitarian assistance" in topics


def test_punctuation_breaks_a_bigram():
    topics = quote_topics("We sent food, water arrived later", "")
    assert "food water" not in topics


def test_bigrams_come_before_unigrams():
    topics = quote_topics("The harbour bridge is closed", "")
    assert topics.index("harbour bridge") < topics.index("harbour")


def test_stopwords_pronouns_reporting_verbs_and_numbers_are_not_topics():
    topics = quote_topics("They said 45 of them would be there", "she told reporters Tuesday")
    assert not {"they", "say", "said", "tell", "them", "45", "there", "tuesday"} & set(topics)


def test_topics_are_distinct_and_capped():
    text = " ".join(f"word{chr(97 + i)}x alpha{chr(97 + i)}y." for i in range(20))
    topics = quote_topics(text, text)
    assert len(topics) == MAX_TOPICS
    assert len(set(topics)) == len(topics)


def test_empty_quote_has_no_topics():
    assert quote_topics("", "") == ()


def test_quote_in_an_enormous_sentence_keeps_its_own_terms():
    context = "“a” " * 50_000 + "“harbour bridge”"
    assert "harbour bridge" in quote_topics("harbour bridge", context)

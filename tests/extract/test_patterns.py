"""Every named regular expression of the extractor, on the sentence it is for (and one it must refuse)."""
import pytest

from app.extract import cues, discourse, entities, frames, genders, lexicon, marks, pipeline, sentences, sieves


def found(pattern, text):
    match = pattern.search(text)
    return match.group() if match else None


@pytest.mark.parametrize("pattern, text, expected", [
    (marks.PARAGRAPH, "First paragraph.\n\nSecond.", "First paragraph."),
    (marks.MARK_RUN, "''It works,'' she said.", "''"),
    (marks.MARK_RUN, "He said “yes”.", "“"),
    (marks.MARK_RUN, "Council vows ‘no delay’", "‘"),
    (marks.MARK_RUN, "« Ça ira », dit-elle.", "«"),
    (marks.MARK_RUN, "The council met.", None),
    (marks.MARK_RUN, "it the 'slow lane,''' she said", "'"),
    (marks.MARK_RUN, "lane,''' she said", "'''"),
    (marks.MARK_RUN, "“‘Go,’” she said", "“"),
    (marks.MARK_RUN, "she said ’’Go", "’’"),
    (sentences.SENTENCE_END, "The vote passed. Then they left.", ". "),
    (sentences.SENTENCE_END, "The vote passed. then they left.", None),
    (sentences.SENTENCE_END, "« The vote passed. » « Then they left. »", ". » "),
    (sentences.SENTENCE_END, "»The vote passed.« Then they left.", ".« "),
    (sentences.WORD_BEFORE_DOT, "said Mr. ", "Mr. "),
    (sentences.SPEAKER_THEN_CUE, "Harbor Commissioner Ines Moro asked.", "Harbor Commissioner Ines Moro asked"),
    (sentences.SPEAKER_THEN_CUE, "Tom Lee, a ferry pilot, said.", "Tom Lee, a ferry pilot, said"),
    (entities.CAPITALISED_RUN, "met Saudi Crown Prince Omar bin Rashid today", "Saudi Crown Prince Omar bin Rashid"),
    (entities.CAPITALISED_RUN, "said Ruiz. The board", "Ruiz"),
    (entities.CAPITALISED_RUN, "said Nora PeÃ±a-OrtÃ\u00adz today", "Nora PeÃ±a-OrtÃ\u00adz"),
    (entities.CAPITALISED_RUN, "said Rau\u0301l Ordon\u0303ez’s aide", "Rau\u0301l Ordon\u0303ez’s"),
    (entities.CAPITALISED_RUN, "said Dana±Ruiz", "Dana"),
    (entities.INITIALISM, "U.S.", "U.S."),
    (entities.INITIALISM, "NATO", "NATO"),
    (frames.TRAILING_PRONOUN, "and then she", "she"),
    (frames.TRAILING_PRONOUN, "the shed", None),
    (frames.LEADING_PRONOUN, "he said", "he"),
    (frames.TRAILING_DESCRIPTION, "and the top harbor official", "the top harbor official"),
    (frames.LEADING_DESCRIPTION, "a spokeswoman for the city", "a spokeswoman"),
    (frames.POSSESSIVE_AGENT, "Ruiz’s campaign", " campaign"),
    (frames.POSSESSIVE_WORD, "the city’s mayor", "y’s "),
    (frames.AGENT_WORDS, " campaign spokesman", " campaign spokesman"),
    (frames.TRAILING_GROUP, "many harbor officials", "many harbor officials"),
    (frames.PREPOSITION_START, "in a statement", "in"),
    (frames.AFFILIATION_GAP, " of the ", " of the "),
    (frames.QUALIFIER_GAP, " harbor spokesman ", " harbor spokesman "),
    (frames.QUALIFIER_GAP, " in ", None),
    (frames.STATE_ABBREVIATION, "Mich.", "Mich."),
    (frames.PARTY_AND_STATE, "R-Ky.", "R-Ky."),
    (cues.LEADING_PUNCTUATION, ", — said", ", — "),
    (cues.AS_START, "as Ruiz said", "as "),
    (cues.ROLE_PREFIX, "former harbor pilot ", "former harbor pilot "),
    (cues.INTRODUCTION_TAIL, " reporters: ", " reporters: "),
    (cues.INTRODUCTION_TAIL, " that the plan was ", None),
    (discourse.PREPOSITION_BEFORE, "after meeting with ", "with "),
    (discourse.PREPOSITION_BEFORE, "a day in the ", "in the "),
    (discourse.PREPOSITION_BEFORE, "far from either ", "from either "),
    (discourse.SENTENCE_OPENER, "On Monday, she left.", "On Monday, she"),
    (discourse.SENTENCE_OPENER, "But he said no.", "But he"),
    (discourse.SUBORDINATE_OPENING, "While Lee spoke, Ruiz left.", "While Lee spoke, "),
    (discourse.DATELINE_END, ", Ore. — Ruiz spoke.", ", Ore. — "),
    (discourse.DATELINE_END, " (AP) - Ruiz spoke.", " (AP) - "),
    (discourse.SUBORDINATE_OPENING, "And after Lee spoke, Ruiz left.", "And after Lee spoke, "),
    (discourse.SUBORDINATE_OPENING, "Ten minutes after Lee left, Ruiz spoke.", "Ten minutes after Lee left, "),
    (discourse.SUBORDINATE_OPENING, "Moments later, Ruiz spoke.", "Moments later, "),
    (discourse.SUBORDINATE_OPENING, "Of Lee, Ruiz said little.", "Of Lee, "),
    (discourse.SUBORDINATE_OPENING, "Moments passed. Ruiz spoke.", None),
    (discourse.SUBORDINATE_OPENING, "And last week, while touring Salem, Ruiz spoke.",
     "And last week, while touring Salem, "),
    (discourse.MODIFIER_GAP, " harbor consultant ", " harbor consultant "),
    (discourse.OWNED_VOICE, "’s stock answer is", " stock answer"),
    (sieves.SPEECH_NOUN_AFTER, "’s bold new pledge to", " bold new pledge"),
    (sieves.SPEECH_NOUN_AFTER, "’s old ferry sank", None),
    (sieves.SPEECH_TO_QUOTE, " that the vote was ", " that the vote was "),
    (discourse.OWNED_VOICE, "’s old ferry sank", None),
    (discourse.OWNED_VOICE, "’s campaign manager Tom Lee said", None),
    (pipeline.FULL_QUOTE_CLOSE, "“We won,” she said", ",”"),
    (pipeline.FULL_QUOTE_CLOSE, "Mayor vows ‘no delay’ on pier", None),
    (pipeline.NON_WORD, "much.'", ".'"),
    (pipeline.LOWERCASE_WORD, "Besides the pier", "the"),
    (lexicon.CUE, "Ruiz told reporters", "told"),
    (lexicon.CUE, "according to the clerk", "according to"),
    (lexicon.CUE, "the toldo awning", None),
    (lexicon.CUE, "the so-called harbor tax", None),
    (lexicon.CUE, "Ruiz quipped.", "quipped"),
    (lexicon.CUE, "Ruiz said in a statement that", "said in a statement"),
    (lexicon.CUE, "Ruiz says", "says"),
    (discourse.DESCRIPTION_OPENING, "The judge said she would rule.", "The judge said she"),
    (discourse.DESCRIPTION_OPENING, "The judge’s clerk left.", None),
    (entities.ORGANISATION_AND, "Transport and Maritime", " and "),
    (entities.COMPANY_SUFFIX, "Garrick Foods Inc.", " Inc."),
    (cues.PLUPERFECT, "Lind had ", "had "),
    (cues.OPENING_ACCORDING_TO, "According to the harbor board, “", "According to "),
    (cues.SENTENCE_CLOSE, " says.", " says."),
    (genders.PERSON_RELATIVE, "Brant, who was elected", ", who "),
    (genders.PERSON_RELATIVE, "the board, which met", None),
    (discourse.FINITE_VERB_AFTER, " readily agreed to it", " readily agreed"),
    (discourse.FINITE_VERB_AFTER, " over his plan", None),
    (discourse.FINITE_VERB_AFTER, " politicizing it", None),
    (sieves.PASSIVE_CUE_BEFORE, "the plan was described as a ", "was described as a "),
    (sieves.PASSIVE_CUE_BEFORE, "the plan was a ", None),
    (sieves.AGENT_AFTER, ", by Dana Ruiz", ", by "),
    (genders.SURE_BACK_REFERENCE, "Pellow found himself alone", "himself"),
    (genders.SURE_BACK_REFERENCE, "Pellow thanked her", None),
    (genders.ROLE_APPOSITION, "Orvel Pask, the Harbor Board chairman, said", ", the Harbor Board c"),
    (genders.ROLE_APPOSITION, "Orvel Pask, the Harbor Trust", None),
    (cues.OPENING_ACCORDING_TO, "The pier, according to Ruiz, ", None),
    (frames.INFINITIVE_LEAD, "Pratt jumped in to ", " jumped in to "),
    (frames.INFINITIVE_LEAD, "Pratt wants to ", None),
    (discourse.BYLINE, "A headline\n\nBy Maud Vale\n\nText.", "By Maud Vale"),
    (discourse.BYLINE, "By Monday the pier had closed.", None),
    (cues.PLUPERFECT, "Lind had not ", None),
])
def test_pattern_on_its_sentence(pattern, text, expected):
    assert found(pattern, text) == expected


@pytest.mark.parametrize("after_mark, elision", [("90s were loud", True), ("n’ roll", True), ("em all", True),
                                                  ("Go home’", False)])
def test_leading_elision_tells_elided_words_from_quotes(after_mark, elision):
    assert bool(marks.LEADING_ELISION.match(after_mark)) is elision


def test_words_after_as_are_not_led_to_by_the_statement_they_judge():
    assert not sieves.SPEECH_TO_QUOTE.fullmatch(" as ")


def test_cue_helper_patterns():
    assert cues.MENTION_THEN_QUOTE.fullmatch(", ")
    assert not cues.MENTION_THEN_QUOTE.fullmatch(" can ")
    assert cues.CLAUSE_BREAK.search("that, in her view")
    assert not cues.CLAUSE_BREAK.search(" that ")


@pytest.mark.parametrize("tail, introduces", [(": ", True), (" reporters ", True), (", ", True), (" ", True),
                                               (" to the council to not ", False)])
def test_introduction_tail_is_a_colon_or_one_object_word(tail, introduces):
    assert bool(cues.INTRODUCTION_TAIL.match(tail)) is introduces


@pytest.mark.parametrize("after_name, unclosed", [
    (", the polling analyst who runs harborpolls.com ", True),
    (", who chairs the harbor board ", True),
    (", president of the pilots' union ", True),
    (", the mayor, ", False),
    (". The mayor ", False),
])
def test_an_apposition_left_unclosed_runs_from_the_name_to_the_cue(after_name, unclosed):
    assert bool(frames.UNCLOSED_APPOSITION.fullmatch(after_name)) is unclosed


def test_sentence_opener_matches_at_a_sentence_start_inside_the_article():
    text = "Ruiz toured the pier. She left at noon."
    assert discourse.SENTENCE_OPENER.match(text, text.index("She")).group(1) == "She"

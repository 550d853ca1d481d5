"""Attribution sieves: each on the sentence of its docstring, plus the cases that must not fool it."""
from datetime import date

import pytest

from app.extract import extract_quotes
from app.extract.sieves import SIEVES

BODY_OPENING = "The council of Port Alder met on Monday evening to vote on the harbor budget for next year.\n\n"


def quotes_of(text, **kwargs):
    return extract_quotes(BODY_OPENING + text, **kwargs)


def last_quote(text):
    return quotes_of(text)[-1]


def speaker_name(quote):
    return quote.speaker.name if quote.speaker else None


def test_the_sieves_run_most_precise_first():
    names = [sieve.__name__ for sieve in SIEVES]
    assert names.index("trailing_named_cue") < names.index("pronoun_speaker") < names.index("continuation")
    assert names[-1] == "paragraph_subject"
    assert all(sieve.__doc__ for sieve in SIEVES)


@pytest.mark.parametrize("text, sieve, name, cue", [
    ("“We will rebuild the bridge by spring,” Mayor Dana Ruiz said on Monday.",
     "trailing_named_cue", "Dana Ruiz", "said"),
    ("“The levy stays,” said Dana Ruiz.", "trailing_named_cue", "Dana Ruiz", "said"),
    ("“The vote was fair,” Dana Ruiz, the mayor of Port Alder, said.", "appositive_speaker", "Dana Ruiz", "said"),
    ("“The vote was fair,” said Tom Lee, a spokesman for the harbor board.", "trailing_named_cue", "Tom Lee", "said"),
    ("Dana Ruiz, who chaired the hearing, said the plan was “dead on arrival.”",
     "relative_clause_speaker", "Dana Ruiz", "said"),
    ("Dana Ruiz told reporters: “The bridge will open in May.”", "colon_introduction", "Dana Ruiz", "told"),
    ("The bridge “will open in May,” according to Dana Ruiz.", "according_to", "Dana Ruiz", "according to"),
    ("Dana Ruiz dismissed the rival plan as “a fantasy.”", "reported_speech_partial", "Dana Ruiz", "dismissed"),
    ("The rival plan has been called “a fantasy” by Dana Ruiz, the mayor.", "passive_agent", "Dana Ruiz", None),
    ("Dana Ruiz paused for a moment and said that, in her view, “the vote was rigged.”",
     "cue_in_subject_clause", "Dana Ruiz", "said"),
    ("“The count was close,” as recounts go, said Dana Ruiz, the county clerk.",
     "late_trailing_cue", "Dana Ruiz", "said"),
    ("Vice Mayor Tom Lee, Dana Ruiz said, had “no plan” and “no money.”", "earlier_in_sentence", "Dana Ruiz", "said"),
    ("Dana Ruiz refers to the pier as “a wreck,” while Tom Lee refers to it as “a landmark.”",
     "later_clause_subject", "Tom Lee", None),
])
def test_each_sieve_on_its_sentence(text, sieve, name, cue):
    quote = last_quote(text)
    assert (quote.sieve, speaker_name(quote), quote.cue) == (sieve, name, cue)


def test_appositive_title_and_role_words_before_a_name():
    quote = last_quote("“Fares go up in June,” harbor board treasurer Tom Lee said.")
    assert speaker_name(quote) == "Tom Lee"


def test_the_title_written_before_a_name_is_kept():
    quote = last_quote("“The port is safe,” Harbor Commissioner Ines Moro said.")
    assert quote.speaker.title == "Harbor Commissioner"
    assert quote.speaker.mention == "Harbor Commissioner Ines Moro"


def test_pronoun_goes_to_the_salient_subject_not_the_last_name_written():
    text = ("Governor Paul Okafor met Mayor Dana Ruiz on Tuesday. Okafor later rejected the harbor plan, "
            "a day after meeting with Victor Hale.\n\n"
            "“I told Victor Hale we are done,” he said.")
    quote = last_quote(text)
    assert (quote.sieve, speaker_name(quote)) == ("pronoun_speaker", "Paul Okafor")


def test_she_goes_to_the_woman_even_when_a_man_was_named_last():
    text = ("Mayor Dana Ruiz spoke first at the hearing, and she answered Paul Okafor directly.\n\n"
            "“We are not done,” she said.")
    assert speaker_name(last_quote(text)) == "Dana Ruiz"


def test_names_inside_a_quote_are_never_its_speaker():
    text = "Mayor Dana Ruiz opened the session.\n\n“Paul Okafor promised us the money,” she said."
    assert speaker_name(last_quote(text)) == "Dana Ruiz"


def test_a_description_resolves_to_the_entity_whose_title_it_matches():
    text = ("Harbor Commissioner Ines Moro and Governor Paul Okafor toured the pier.\n\n"
            "“We need more trucks,” the commissioner said.")
    quote = last_quote(text)
    assert (quote.sieve, speaker_name(quote)) == ("descriptive_speaker", "Ines Moro")
    assert quote.speaker.mention == "the commissioner"


def test_an_unnamed_source_is_anonymous_with_no_name():
    quote = last_quote("“Talks have stalled,” a senior official said.")
    assert quote.speaker.name is None and quote.speaker.kind == "anonymous"


def test_an_organisation_speaks_as_an_organisation():
    quote = last_quote("“Service resumes Friday,” the Harbor Transit Authority said in a statement.")
    assert speaker_name(quote) == "Harbor Transit Authority"


def test_continuation_keeps_the_speaker_across_quotes_and_paragraphs():
    text = ("“We are ready,” Dana Ruiz said. “The crews start on Monday.”\n\n"
            "“And they will not stop until the pier is done.”")
    second, third = quotes_of(text)[1:]
    assert (second.sieve, speaker_name(second), second.kind) == ("continuation", "Dana Ruiz", "continuation")
    assert speaker_name(third) == "Dana Ruiz"


def test_continuation_yields_when_the_narration_moves_to_someone_else():
    text = "“We are ready,” Dana Ruiz said.\n\nPaul Okafor toured the pier on Tuesday. “It is not safe.”"
    assert speaker_name(last_quote(text)) == "Paul Okafor"


def test_a_participle_cue_belongs_to_the_speaker_of_its_clause():
    text = "“The levy is fair,” Dana Ruiz said, adding that the port would “not raise fares again.”"
    assert speaker_name(last_quote(text)) == "Dana Ruiz"


def test_relayed_words_keep_their_original_speaker():
    text = ("Governor Paul Okafor, who met Crown Prince Omar Said on Monday, said talks went well, "
            "but the crown prince made clear that there must be “a firm date for the handover.”")
    assert speaker_name(last_quote(text)) == "Omar Said"


def test_partial_and_full_quotes_are_told_apart():
    full, partial = quotes_of("“We won,” Dana Ruiz said.\n\nRuiz called the result “a relief.”")
    assert (full.kind, partial.kind) == ("full", "partial")


def test_a_quote_without_any_source_has_no_speaker():
    quotes = extract_quotes("The “harbor tax” was debated for years before the vote.\n\nNobody came.")
    assert quotes and quotes[0].speaker is None


def test_said_on_follows_the_day_in_the_attribution_sentence():
    dated = extract_quotes(BODY_OPENING + "“We will rebuild,” Dana Ruiz said Tuesday.", published=date(2025, 4, 3))
    assert dated[-1].said_on == date(2025, 4, 1)


def test_every_quote_carries_its_sieve_confidence_and_topics():
    quote = last_quote("“The harbor budget must grow,” Dana Ruiz said.")
    assert quote.sieve == "trailing_named_cue" and 0 < quote.confidence <= 1
    assert quote.topics


def test_a_quote_with_no_source_takes_the_speaker_named_next_in_its_paragraph():
    text = ("The pier closed in March.\n\n"
            "“We are broke.” After a pause at the lectern: “Nobody listens,” harbor pilot Ines Moro said.")
    first = quotes_of(text)[-2]
    assert (first.sieve, speaker_name(first)) == ("following_quote", "Ines Moro")


def test_a_paragraph_introduced_by_a_colon_belongs_to_the_introducer():
    text = "Judge Ines Moro read out the verdict:\n\n“The council finds the contract void.”"
    quote = last_quote(text)
    assert (quote.sieve, speaker_name(quote)) == ("colon_paragraph", "Ines Moro")


def test_reported_speech_inside_reported_speech_belongs_to_the_outer_source():
    text = "Harbor pilot Tom Lee said Dana Ruiz called the new schedule “a farce.”"
    assert speaker_name(last_quote(text)) == "Tom Lee"


def test_a_name_after_a_cue_that_opens_a_clause_is_not_the_speaker():
    text = "Tom Lee praised the budget and said the harbor chief can “bring ferries back.”"
    assert speaker_name(last_quote(text)) == "Tom Lee"


def test_a_trailing_description_renamed_by_an_appositive_name_speaks_as_that_name():
    quote = last_quote("“The pier is safe,” the harbor master of Port Alder, Tomas Lindqvist, said on Monday.")
    assert speaker_name(quote) == "Tomas Lindqvist"
    assert quote.sieve == "appositive_speaker"


def test_a_name_ending_in_jr_keeps_its_apposition():
    quote = last_quote("“We lost the vote,” Carl Benning Jr., the council whip, said after the meeting.")
    assert speaker_name(quote).startswith("Carl Benning Jr")


@pytest.mark.parametrize("verb", ["barked", "fumed", "beamed", "remembered", "concludes", "reacted", "quipped",
                                  "conceded", "mused", "snapped", "echoed", "deadpanned", "confided", "groused",
                                  "sings"])
def test_less_common_reporting_verbs_are_cues(verb):
    quote = last_quote(f"“That is not how we do things here,” Marta Quist {verb}.")
    assert speaker_name(quote) == "Marta Quist" and quote.cue == verb


def test_a_person_of_an_institution_whose_name_holds_for_speaks_not_the_institution():
    quote = last_quote("“The tide tables are wrong,” Rita Olsen of the Carver Institute for Harbor Studies wrote.")
    assert speaker_name(quote) == "Rita Olsen"


@pytest.mark.parametrize("role", ["top harbor aide", "chief of staff,"])
def test_said_then_someones_aide_named_after_the_role_is_that_aide(role):
    quote = last_quote(f"Dan Moore spoke first. “The pier stays shut,” said Moore’s {role} Rita Olsen.")
    assert speaker_name(quote) == "Rita Olsen"


def test_a_later_sentence_opening_with_she_is_about_her_not_the_names_that_follow():
    quote = last_quote("Mayor Dana Ruiz toured the pier. Tom Lee followed her.\n\n"
                       "She addressed Port-Alderites in a letter, saying that “the tides have changed.”")
    assert speaker_name(quote) == "Dana Ruiz"


def test_a_cue_closing_the_sentence_speaks_for_its_earlier_partial_quotes():
    text = ("After the storm, Port Alder will get “a great deal of money” and the “firepower” "
            "its crews need, harbor spokesman Omar Velez said.")
    first, second = quotes_of("Tom Lee chairs the harbor board.\n\n" + text)[-2:]
    assert speaker_name(first) == speaker_name(second) == "Omar Velez"


def test_a_cue_before_a_later_quote_leaves_the_earlier_one_to_its_subject():
    text = "Tom Lee called the plan “a mess” while Omar Velez said “it works fine.”"
    first, second = quotes_of(text)[-2:]
    assert speaker_name(first) == "Tom Lee" and speaker_name(second) == "Omar Velez"


def test_a_noun_named_by_a_participle_is_not_the_speaker():
    quote = last_quote("Dana Ruiz handed out a leaflet for a harbor festival called “Tide Days” on Monday.")
    assert speaker_name(quote) == "Dana Ruiz"



def test_a_partial_quote_in_a_sentence_about_another_person_is_no_continuation():
    quote = last_quote("“We are ready,” Dana Ruiz said. Tom Lee still frowns at the “harbor fantasy” line.")
    assert speaker_name(quote) == "Tom Lee"


def test_a_quote_written_by_two_named_people_goes_to_one_of_them():
    quote = last_quote("Dan Moore spoke first. “The harbor is full,” Rita Olsen and Tom Lee wrote on Monday.")
    assert speaker_name(quote) == "Tom Lee" and quote.sieve == "trailing_named_cue"


def test_a_question_asked_by_someone_in_the_passive_is_the_askers():
    quote = last_quote("Dan Moore spoke. Moore was asked by radio host Rita Olsen whether the pier would "
                       "“stay closed all summer.”")
    assert speaker_name(quote) == "Rita Olsen"



def test_a_stray_comma_between_a_named_subject_and_its_cue():
    quote = last_quote("Dan Moore spoke first.\n\nOn Tuesday at the harbor in Salem, OR, after winning the vote, "
                       "Gov. Tom Lee (D-OR), said, “We won.”")
    assert speaker_name(quote) == "Tom Lee" and quote.speaker.mention == "Gov. Tom Lee"


@pytest.mark.parametrize("text, written", [
    ("Ruiz, during a town hall meeting in Alder Falls, Ohio, said she was “done with ferries.”", "Ruiz"),
    ("Alarmed by the storm in Port Alder, Mayor Dana Ruiz, the council chair, said it was “a disaster.”",
     "Mayor Dana Ruiz"),
])
def test_a_town_and_its_state_inside_an_aside_are_not_the_subject(text, written):
    quote = last_quote("Dana Ruiz spoke first.\n\n" + text)
    assert speaker_name(quote) == "Dana Ruiz" and quote.speaker.mention == written


@pytest.mark.parametrize("when", ["later Thursday", "on Thursday"])
def test_a_day_between_the_subject_and_its_cue_leaves_the_addressee_out(when):
    quote = last_quote(f"Dan Moore spoke first.\n\nRuiz {when} told Harbor Radio: “We are done.”")
    assert speaker_name(quote) == "Ruiz"



def test_a_speaker_set_off_by_dashes_before_the_cue():
    quote = last_quote("Dan Moore spoke first.\n\nTom Lee — a pilot from Salem — says the vote was “a big deal.”")
    assert speaker_name(quote) == "Tom Lee"
    assert quote.speaker.mention == "Tom Lee"


def test_a_campaign_manager_speaks_for_the_candidate_named_before():
    quote = last_quote("Dan Moore spoke first.\n\nDana Ruiz’s campaign manager says she is “gratified” by the vote.")
    assert speaker_name(quote) == "Dana Ruiz"


def test_a_quote_inside_the_attribution_does_not_hide_the_cue_after_it():
    quote = quotes_of("Dan Moore spoke first.\n\n“We have had better days,” harbor pilot Tom Lee, "
                      "wearing a “Vote Moore” pin, said as the rain fell.")[-2]
    assert speaker_name(quote) == "Tom Lee" and quote.cue == "said"


def test_a_town_inside_an_apposition_before_a_relative_clause_is_not_the_speaker():
    quote = last_quote("Dan Moore spoke first.\n\nWillie Quist, a retired pilot in Salem, who runs a small boat yard, "
                       "recalled that “the harbor was full.”")
    assert speaker_name(quote) == "Willie Quist"


def test_a_name_in_an_opening_clause_after_and_is_not_the_subject():
    quote = last_quote("Dan Moore spoke first.\n\nAnd after the council rejected Moore’s plan, Mayor Dana Ruiz "
                       "blamed the board’s “four stubborn members.”")
    assert speaker_name(quote) == "Dana Ruiz"


def test_a_dateline_with_a_state_is_not_the_subject():
    quote = last_quote("SALEM, Ore. — Mayor Dana Ruiz on Thursday blamed the storm for the “worst week in years.”")
    assert speaker_name(quote) == "Dana Ruiz"


def test_the_state_after_a_town_in_an_opening_phrase_is_not_the_subject():
    quote = last_quote("At a fish fry in Brinmoor, Ore., on Friday, Mayor Dana Ruiz praised the crews, saying they "
                       "had been “tireless for a week.”")
    assert speaker_name(quote) == "Dana Ruiz"


def test_a_person_named_after_an_opening_place_is_still_the_subject():
    quote = last_quote("Mayor Dana Ruiz spoke first.\n\nAt a fish fry in Brinmoor, Ruiz praised the crews as "
                       "“tireless.”")
    assert speaker_name(quote) == "Dana Ruiz"


def test_a_hometown_and_its_state_do_not_rename_the_speaker():
    quote = last_quote("Tomas Veldt, a 61-year-old welder from Brinmoor, South Dakota, says the pier will be "
                       "“open by spring.”")
    assert speaker_name(quote) == "Tomas Veldt"


def test_he_can_be_a_man_whose_first_name_women_also_bear():
    text = ("Tom Lee opened the hearing on the ferry fares.\n\n"
            "Harbor pilot Kelly Brandt then took the floor. Brandt said, “The fares are too high.”\n\n"
            "He added, “Nobody rides at these prices.”")
    assert speaker_name(last_quote(text)) == "Kelly Brandt"


def test_he_is_not_a_woman_whose_first_name_only_women_bear():
    text = ("Tom Lee opened the hearing on the ferry fares.\n\n"
            "Harbor pilot Carla Brandt then took the floor. Brandt said, “The fares are too high.”\n\n"
            "He added, “Nobody rides at these prices.”")
    assert speaker_name(last_quote(text)) == "Tom Lee"


def test_a_quote_signed_below_with_a_dash_is_the_signers():
    quotes = quotes_of("Tom Lee chaired the session.\n\n“Fares will not rise this year.”\n\n— Dana Ruiz, harbor master.")
    assert speaker_name(quotes[-1]) == "Dana Ruiz"
    assert quotes[-1].sieve == "signed_quote"


def test_a_dash_line_that_is_a_sentence_signs_nothing():
    quotes = quotes_of("Tom Lee chaired the session.\n\n“Fares will not rise this year.”\n\n— Ruiz won the vote anyway.")
    assert quotes[-1].sieve != "signed_quote"


def test_he_can_be_a_man_the_article_gives_a_role_but_no_known_first_name():
    text = ("Tom Lee opened the hearing on the ferry fares.\n\n"
            "But Zorvan Voss, the harbor's chief engineer, noted that the pumps were old. "
            "“They are failing,” he said.")
    assert speaker_name(last_quote(text)) == "Zorvan Voss"


def test_a_sentence_opening_on_a_title_makes_its_holder_the_subject_for_a_pronoun():
    text = ("Judge Amara Quist heard the case against the ferry company. Its lawyer, Tom Lee, spoke first.\n\n"
            "The judge said she was not persuaded. “Nobody reads the small print,” she said.")
    assert speaker_name(last_quote(text)) == "Amara Quist"


def test_a_description_that_names_no_title_is_no_subject():
    text = ("Amara Quist runs the ferry office. Its lawyer, Tom Lee, spoke.\n\n"
            "The weather was poor. “We sail at noon,” she said.")
    assert speaker_name(last_quote(text)) == "Amara Quist"


@pytest.mark.parametrize("text", [
    "Minister Oskar Ellery told the state news agency that Premier Mara Lind had said “the port will reopen”.",
    "Oskar Ellery said Mara Lind had told him: “We will not give in.”",
    "Oskar Ellery told the state news agency Nordpress that Mara Lind had said: “The port will reopen.”",
])
def test_words_relayed_with_their_first_speakers_own_cue_are_hers_not_the_relayers(text):
    assert speaker_name(last_quote(text)) == "Mara Lind"


def test_a_clause_reported_by_someone_else_stays_with_the_reporter():
    text = "Oskar Ellery said Mara Lind called the offer “a disgrace”."
    assert speaker_name(last_quote(text)) == "Oskar Ellery"


def test_i_in_a_columns_narration_is_the_byline_writer():
    text = ("Phones in class are the easy part\n\nBy Maud Vale\n\n"
            "Every term brings a new panic, and Tom Lee, the head teacher, has seen them all.\n\n"
            "As I wrote in this column last week, “a ban without a plan is a slogan”.")
    assert speaker_name(extract_quotes(text)[-1]) == "Maud Vale"



def test_an_infinitive_cue_belongs_to_who_stepped_in_not_to_the_earlier_speaker():
    text = ("On the call, Ilse Varga said “absolutely not” before Conor Pratt jumped in to say that "
            "“all options remain open.”")
    quotes = quotes_of(text)
    assert [speaker_name(q) for q in quotes] == ["Ilse Varga", "Conor Pratt"]


@pytest.mark.parametrize("text, name", [
    ("Dana Ruiz’s campaign slogan is “Bridges before budgets.”", "Dana Ruiz"),
    ("Tom Lee’s office put out the figures, and the pier “pays for itself.”", "Tom Lee"),
])
def test_a_possessive_name_owns_the_words_its_sentence_quotes(text, name):
    quote = last_quote(text)
    assert (speaker_name(quote), quote.sieve) == (name, "sentence_subject")


def test_a_possessive_name_before_a_thing_it_owns_is_no_speaker():
    quote = last_quote("Tom Lee’s old ferry sank near the pier, a “total loss” for the harbor.")
    assert speaker_name(quote) != "Tom Lee"


@pytest.mark.parametrize("text", [
    "Dana Ruiz’s pledge to keep the pier “open all year” won the vote.",
    "Dana Ruiz’s “bridges before budgets” slogan won her the seat.",
    "In Dana Ruiz’s reply to the council: “The pier stays open.”",
])
def test_a_possessive_name_owns_the_words_of_its_pledge_or_slogan(text):
    quote = last_quote(text)
    assert (speaker_name(quote), quote.sieve) == ("Dana Ruiz", "owned_words")


def test_words_that_judge_someones_statement_are_the_judges_own():
    quote = last_quote("Tom Lee dismissed Dana Ruiz’s pledge as “empty talk.”")
    assert speaker_name(quote) == "Tom Lee"


def test_a_cue_later_in_the_sentence_outranks_an_owned_statement():
    quote = last_quote("Dana Ruiz’s claim that the pier was “perfectly safe” is wrong, Tom Lee said.")
    assert speaker_name(quote) == "Tom Lee"


@pytest.mark.parametrize("text, name", [
    ("According to Dana Ruiz, “the pier will reopen in May.”", "Dana Ruiz"),
    ("According to the Ruiz campaign, “the pier will reopen in May.”", "Ruiz"),
])
def test_a_sentence_opening_on_according_to_names_the_quote_right_after(text, name):
    quote = last_quote(text)
    assert (speaker_name(quote), quote.sieve) == (name, "according_to")


def test_an_opening_according_to_leaves_a_quote_later_in_the_clause_alone():
    quote = last_quote("According to Dana Ruiz, Tom Lee called the pier “a wreck.”")
    assert speaker_name(quote) == "Tom Lee"


@pytest.mark.parametrize("sentence", [
    "Mark Ruiz will lose the bridge vote, harbor consultant Tom Lee says.",
    "Mark Ruiz will lose the bridge vote, said Tom Lee.",
])
def test_a_sentence_closed_by_a_named_cue_makes_its_speaker_the_one_a_pronoun_means(sentence):
    quote = last_quote(sentence + " “Nobody backs the bridge,” he added.")
    assert speaker_name(quote) == "Tom Lee"


def test_a_name_with_its_own_title_after_a_verb_leaves_the_sentence_to_the_first_name():
    quote = last_quote("“Schools matter most to me,” says Ana Diaz, 32, of Salem. Diaz backs Democrat Hilda Rowe in "
                       "the race. “I still have student loans.”")
    assert speaker_name(quote) == "Ana Diaz"


def test_a_name_that_takes_who_is_a_person_a_pronoun_can_mean():
    quote = last_quote("“The state should do that,” Wilcox said.\n\nRepublicans Brant of Salem Falls and Ortiz of Kelby "
                       "oppose the plan.\n\nBrant, who was elected in 2014, does not see the office as outdated.\n\n"
                       "“Some towns need federal help,” he said.")
    assert speaker_name(quote) != "Wilcox"
    assert "Brant" in speaker_name(quote)


@pytest.mark.parametrize("text", [
    "“The count was clean,” Orvel Pask, the polling analyst who runs harborpolls.com said on Monday.",
    "“The count was clean,” Orvel Pask, who chairs the harbor board said on Monday.",
    "Orvel Pask, president of the pilots' union told reporters: “The count was clean.”",
])
def test_an_apposition_whose_closing_comma_was_forgotten_still_names_the_speaker(text):
    quote = last_quote("Ana Ruiz opened the meeting.\n\n" + text)
    assert speaker_name(quote) == "Orvel Pask"


def test_a_quote_in_an_opening_clause_belongs_to_that_clauses_subject_not_the_main_ones():
    quote = last_quote("While Dana Ruiz, the mayor, stood by her “bridges first” plan, Tom Lee walked out.")
    assert (quote.sieve, speaker_name(quote)) == ("opening_clause_subject", "Dana Ruiz")
    after_the_main_subject = last_quote("While Dana Ruiz was away, Tom Lee stood by his “bridges first” plan.")
    assert speaker_name(after_the_main_subject) == "Tom Lee"
    from_a_place = last_quote("While in Port Alder, Tom Lee stood by his “bridges first” plan.")
    assert speaker_name(from_a_place) == "Tom Lee"


def test_a_continuation_guess_yields_to_a_named_cue_closing_its_own_sentence():
    quotes = quotes_of("“The pier stays open,” Dana Ruiz said.\n\n"
                       "“Harbor Lights” was meant as “a warning to the town,” said Tom Lee, its author.")
    assert [speaker_name(q) for q in quotes] == ["Dana Ruiz", "Tom Lee", "Tom Lee"]


def test_a_name_before_a_verb_and_another_name_is_the_subject_not_a_qualifier():
    accused = last_quote("Dana Ruiz accuses Tom Lee of running “a smear campaign.”")
    assert speaker_name(accused) == "Dana Ruiz"
    qualified = last_quote("Harbor consultant Tom Lee called the plan “a fantasy.”")
    assert speaker_name(qualified) == "Tom Lee"


def test_a_passive_cue_without_a_named_agent_credits_no_one_by_it():
    quote = last_quote("The rival plan has been called “a fantasy” by some in the harbor.")
    assert quote.sieve != "passive_agent"


@pytest.mark.parametrize("participle", ["remarking", "yelling", "shouting"])
def test_a_later_quote_with_a_participle_cue_of_its_own_is_not_the_earlier_speakers(participle):
    quotes = quotes_of(f"Dana Ruiz called the ferry plan “a fantasy,” with Tom Lee {participle}, “It will never float.”")
    assert [speaker_name(q) for q in quotes] == ["Dana Ruiz", "Tom Lee"]


@pytest.mark.parametrize("text, name", [
    ("Dana Ruiz said the vote went well and Tom Lee was “over the moon.”", "Dana Ruiz"),  # the clause she reports
    ("Filling in for Tom Lee where Ana Diaz and Mark Ruiz spoke, Joan West took a dig at “my dear rival.”", "Joan West"),
])
def test_a_later_clause_keeps_the_quote_only_when_its_own_subject_is_the_last_name_before_it(text, name):
    assert speaker_name(last_quote(text)) == name

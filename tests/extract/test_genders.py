"""Gender shown by the article's own sentences outweighs the guess from a first name."""
from app.extract import extract_quotes
from app.extract.entities import EntityRegistry, first_name_gender, first_name_is_shared, name_mentions
from app.extract.genders import learn_genders
from app.extract.marks import find_quote_spans
from app.extract.sentences import split_sentences

ARTICLE = (
    "Andrea Kowalczyk runs the harbor pilots’ union. Tom Lee chairs the port board.\n\n"
    "Kowalczyk spent his morning on the tugboats. Kowalczyk told his crews the strike was over.\n\n"
    "“We are back at work,” he said."
)


def test_a_person_the_article_calls_his_twice_is_a_he_whatever_the_first_name_suggests():
    assert first_name_gender("Andrea") == "female"  # the guess the article must overrule
    [quote] = extract_quotes(ARTICLE)
    assert quote.speaker.name == "Andrea Kowalczyk"


def test_one_his_is_not_enough_to_overrule_the_first_name():
    def gender_after(text):
        spans = find_quote_spans(text)
        free = name_mentions(text, 0, len(text))
        registry = EntityRegistry()
        for mention in free:
            registry.add(mention)
        learn_genders(text, split_sentences(text, spans), free, registry, spans)
        return registry.lookup("Kowalczyk").gender

    twice = "Andrea Kowalczyk spoke. Kowalczyk thanked his crew. Kowalczyk said his ships were ready."
    once = "Andrea Kowalczyk spoke. Kowalczyk thanked his crew."
    quoted = "Andrea Kowalczyk spoke. Kowalczyk read “his letter” aloud. Kowalczyk sang “his song.”"
    assert gender_after(twice) == "male"
    assert gender_after(once) == "female"
    assert gender_after(quoted) == "female"  # words inside quotes are not the narration's


def test_he_with_no_man_in_sight_goes_to_the_subject_whose_gender_was_only_guessed():
    [quote] = extract_quotes("Port Alder voted on Monday.\n\nAndrea Kowalczyk addressed the crowd at noon.\n\n"
                             "“We are back at work,” he said.")
    assert quote.speaker.name == "Andrea Kowalczyk"

    assert quote.sieve == "pronoun_speaker" and quote.speaker.mention == "he"



def _gender_after(text, name):
    spans = find_quote_spans(text)
    free = name_mentions(text, 0, len(text))
    registry = EntityRegistry()
    for mention in free:
        registry.add(mention)
    learn_genders(text, split_sentences(text, spans), free, registry, spans)
    return registry.lookup(name).gender


def test_one_his_or_herself_tells_the_gender_of_a_name_with_no_first_name_to_go_by():
    assert _gender_after("Ana Ruiz spoke. Pellow said his crews were ready.", "Pellow") == "male"
    assert _gender_after("Ana Ruiz spoke. Pellow found herself alone on the pier.", "Pellow") == "female"
    [quote] = extract_quotes("Ana Ruiz opened the hearing.\n\nPellow said his crews were ready. Pellow left early. "
                             "“We start on Monday,” he said.")
    assert quote.speaker.name == "Pellow"


def test_an_object_him_or_her_says_nothing_of_the_subject():
    assert _gender_after("Ana Ruiz lost the vote. Pellow thanked her on the radio.", "Pellow") is None
    assert _gender_after("Tom Lee lost the vote. Pellow thanked him on the radio.", "Pellow") is None


def test_a_name_with_a_capitalised_role_after_the_is_a_person_he_may_refer_to():
    [quote] = extract_quotes("Tom Lee spoke first.\n\nOrvel Pask, the Harbor Board chairman, opened a new office "
                             "this week.\n\n“The doors are open to everyone,” he said.")
    assert quote.speaker.name == "Orvel Pask"


def test_a_her_after_another_persons_name_is_that_persons():
    text = "Tom Pratt spoke. Pratt accused Ana Diaz of losing her notes. Pratt said the vote wasted her time."
    assert _gender_after(text, "Pratt") == "male"


def test_one_sure_sentence_settles_a_first_name_borne_by_men_and_women_and_the_other_pronoun_no_longer_fits():
    assert first_name_gender("Kelly") == "female" and first_name_is_shared("Kelly")  # only a likely guess
    article = ("Kelly Pratt and Ana Diaz debated on Monday.\n\nDiaz did not give up. Pratt lost the first round "
               "before finding himself back in the lead.\n\n“I will keep fighting,” she said.")
    quote = extract_quotes(article)[0]
    assert quote.speaker.name == "Ana Diaz"


def test_a_name_written_once_opens_a_sentence_as_its_subject_when_a_verb_follows():
    [quote] = extract_quotes("Tom Lee opened the hearing.\n\nPellow readily agreed his crews were late. "
                             "“We start on Monday,” he said.")
    assert quote.speaker.name == "Pellow"
    [quote] = extract_quotes("Tom Lee opened the hearing.\n\nFrustrations over his crews grew. "
                             "“We start on Monday,” he said.")
    assert quote.speaker.name == "Tom Lee"
